// The chaos run: 200 conversations on three Parley nodes (the built server, one PostgreSQL
// database, a private redis-server), customers and agents writing at random while the network
// drops clients at random, one node is SIGKILLed and started again and Redis is killed and started
// again empty. At the end every customer's and agent's view must equal the archive.
//
//   npm run build && node bench/chaos/index.mjs            # full run: 200 conversations, 90 s
//   node bench/chaos/index.mjs --quick                     # the `npm test` size: 40, 20 s
//
// The clients (this process) and Redis run on core 1, the nodes on core 0 (`taskset`), as in
// bench/relay. It prints progress, the counts and the machine's load; it exits 1 when anything was
// lost, doubled or reordered. Everything targets 127.0.0.1 and stops by itself.

import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { cpuSecondsOf, startNodeProcess } from '../cluster/nodeProcess.mjs';
import { createBenchDatabase } from '../cluster/postgres.mjs';
import { BENCH_ENV } from '../relay/benchEnv.mjs';
import { machineBusySeconds, machineFacts, runPinned } from '../relay/machine.mjs';
import { checkBuild, importParley } from '../relay/parleyBuild.mjs';
import { chaosReport, runChaos } from './chaosRun.mjs';
import { hasRedisServer, startRedisServer } from './redisServer.mjs';

const NODE_CORES = '0';
const CLIENT_CORE = 1;
const DEADLINE_MS = 15 * 60_000;

const args = process.argv.slice(2);
if (args.some((arg) => arg !== '--quick')) {
  console.error('usage: node bench/chaos/index.mjs [--quick]');
  process.exit(2);
}
const quick = args.includes('--quick');
const SETTINGS = quick
  ? { conversations: 40, seconds: 20, meanGapMs: 2_000, dropEveryMs: 250 }
  : { conversations: 200, seconds: 90, meanGapMs: 4_000, dropEveryMs: 100 };

const exitCode = runPinned(CLIENT_CORE);
if (exitCode !== null) process.exit(exitCode);
if (!hasRedisServer()) {
  console.error('redis-server is not installed (apt-get install redis-server).');
  process.exit(1);
}
const buildWarning = checkBuild();
if (buildWarning !== null) console.log(buildWarning);

const facts = machineFacts();
console.log(
  `chaos bench${quick ? ' --quick' : ''}, ${new Date().toISOString()}: ${facts.cores} cores (${facts.cpu}), Node ${facts.node}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `clients and redis-server on core ${facts.affinity}, nodes on core ${NODE_CORES}; ${SETTINGS.conversations} conversations, each side writing every ${SETTINGS.meanGapMs / 1000} s on average for ${SETTINGS.seconds} s, a random client dropped every ${SETTINGS.dropEveryMs} ms`,
);

const nodes = [];
const redis = await startRedisServer({ cores: String(CLIENT_CORE) });
const database = await createBenchDatabase();
const deadline = setTimeout(() => {
  console.error(`chaos bench: over ${DEADLINE_MS / 60_000} minutes, giving up.`);
  for (const node of nodes) void node.kill();
  void redis.stop();
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

let failed = false;
try {
  const parley = await importParley();
  const env = {
    ...BENCH_ENV,
    PARLEY_RATE_LIMIT_SOCKET_EVENTS_PER_SECOND: '20',
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    PARLEY_REDIS_PREFIX: `parley-chaos-bench-${process.pid}`,
  };
  const mint = parley.mintDemoTokens(parley.loadConfig({ ...env, PARLEY_DATA_DIR: 'unused' }));
  // Every node and redis-server process ever started, and its last CPU reading (a killed one
  // keeps its last).
  const nodeCpu = new Map();
  const redisCpu = new Map();
  const sample = () => {
    for (const node of nodes) {
      const seconds = node.cpuSeconds();
      if (seconds !== null) nodeCpu.set(node.pid, seconds);
    }
    const seconds = cpuSecondsOf(redis.pid());
    if (seconds !== null) redisCpu.set(redis.pid(), seconds);
  };
  sample();
  const redisBefore = [...redisCpu.values()].reduce((a, b) => a + b, 0);
  const sampler = setInterval(sample, 250);
  // PostgreSQL's backends for this database come and go with the nodes' pools: sampled each second.
  let pgSampling = Promise.resolve(0);
  const pgSampler = setInterval(() => {
    pgSampling = database.cpuSeconds().catch(() => 0);
  }, 1_000);
  const machineBefore = machineBusySeconds();
  const generatorBefore = process.cpuUsage();
  const pgBefore = await database.cpuSeconds();
  const began = performance.now();
  const result = await runChaos({
    startNode: async (nodeEnv) => {
      const node = await startNodeProcess(nodeEnv, { cores: NODE_CORES });
      nodes.push(node);
      return node;
    },
    env,
    redis,
    mint,
    protocol: parley,
    ...SETTINGS,
    write: (line) => console.log(line),
  });
  sample();
  clearInterval(sampler);
  clearInterval(pgSampler);
  await pgSampling;
  const wallSeconds = (performance.now() - began) / 1000;
  const used = process.cpuUsage(generatorBefore);
  const generatorSeconds = (used.user + used.system) / 1e6;
  const nodeSeconds = [...nodeCpu.values()].reduce((a, b) => a + b, 0);
  const pgSeconds = (await database.cpuSeconds()) - pgBefore;
  const machineSeconds = machineBusySeconds() - machineBefore;
  const redisSeconds = [...redisCpu.values()].reduce((a, b) => a + b, 0) - redisBefore;
  const other = Math.max(
    0,
    machineSeconds - nodeSeconds - generatorSeconds - pgSeconds - redisSeconds,
  );
  const share = (seconds) => `${Math.round((seconds / wallSeconds) * 100)}%`;
  console.log(`\n${chaosReport(result)}`);
  console.log(
    `machine during the run (${wallSeconds.toFixed(0)} s): nodes ${share(nodeSeconds)} of a core, clients ${share(generatorSeconds)}, redis-server ${share(redisSeconds)}, PostgreSQL backends of this database ${share(pgSeconds)}, other processes ${share(other)} (PostgreSQL's shared background processes included); load average after ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const logged = new Map();
  for (const node of nodes)
    for (const [msg, count] of node.logged) logged.set(msg, (logged.get(msg) ?? 0) + count);
  for (const [msg, count] of logged) console.log(`nodes logged ${count}× "${msg}"`);
  const { lost, duplicated, outOfOrder, viewsDiffering } = result.counts;
  failed = lost + duplicated + outOfOrder + viewsDiffering > 0;
  console.log(failed ? 'FAIL: something was lost, doubled or reordered' : 'PASS');
} finally {
  await Promise.all(nodes.map((node) => node.stop().catch(() => {})));
  await redis.stop();
  await database.drop();
}
process.exit(failed ? 1 : 0);
