// One Parley node against two, in the same run on the same machine: the built server with
// PostgreSQL and Redis in the path, 2,000 conversations (4,000 sockets) chatting at a realistic
// rate — every customer and every agent writes one message per 10 s (400 msg/s in all).
//
//   npm run build && node bench/cluster/index.mjs          # full run, about 8 minutes
//   node bench/cluster/index.mjs --quick                   # smoke run: 200 conversations, 10 s
//   node bench/cluster/index.mjs --period 40               # a quarter of the rate: 1 msg / 40 s
//   node bench/cluster/index.mjs --node-cores 0,1          # nodes on both cores (V8's GC threads too)
//
// Each phase starts fresh: a new PostgreSQL database, a new Redis key prefix (on a private
// redis-server), new node processes. Both phases pin every node to core 0 and this load
// generator and redis-server to core 1, so the two-node figures have the same CPU as the
// one-node ones: on a 2-core machine the ratio measures what splitting costs (the Redis hop,
// two processes), not what a second machine would add. It prints p50/p99 end-to-end latency,
// memory per socket, CPU per 1,000 messages and the two-node/one-node ratios, with the machine's
// load. It reports; it never fails a build.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { hasRedisServer, startRedisServer } from '../chaos/redisServer.mjs';
import { BENCH_ENV } from '../relay/benchEnv.mjs';
import { chatTexts } from '../relay/chatText.mjs';
import { machineBusySeconds, machineFacts, runPinned } from '../relay/machine.mjs';
import { P99_LIMIT_MS } from '../relay/openLoad.mjs';
import { checkBuild } from '../relay/parleyBuild.mjs';
import { chatLoad, closeConversations, openConversations } from './chatLoad.mjs';
import { cpuSecondsOf, startNodeProcess } from './nodeProcess.mjs';
import { createBenchDatabase } from './postgres.mjs';
import { clusterReport, phaseLine } from './report.mjs';

const LOAD_CORE = 1;
const SETTLE_MS = 5_000;
const DEADLINE_MS = 30 * 60_000;

const USAGE =
  'usage: node bench/cluster/index.mjs [--quick] [--period <seconds per message per socket>] [--node-cores <taskset list>]';
const args = process.argv.slice(2);
let quick = false;
let PERIOD_SECONDS = 10;
/**
 * Where the nodes run. One core by default, so that both phases give the nodes the same CPU; a
 * list of cores lets V8 mark and sweep on its helper threads beside the event loop, as on a
 * server with cores to spare (here those cores are shared with the generator and PostgreSQL).
 */
let NODE_CORES = '0';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--quick') quick = true;
  else if (args[i] === '--period' && Number(args[i + 1]) > 0) PERIOD_SECONDS = Number(args[++i]);
  else if (args[i] === '--node-cores' && /^\d+([,-]\d+)*$/.test(args[i + 1] ?? ''))
    NODE_CORES = args[++i];
  else {
    console.error(USAGE);
    process.exit(2);
  }
}
const SETTINGS = quick
  ? { conversations: 200, warmSeconds: 5, seconds: 10 }
  : { conversations: 2000, warmSeconds: 10, seconds: 60 };

const exitCode = runPinned(LOAD_CORE);
if (exitCode !== null) process.exit(exitCode);
if (!hasRedisServer()) {
  console.error('redis-server is not installed (apt-get install redis-server).');
  process.exit(1);
}
const buildWarning = checkBuild();
if (buildWarning !== null) console.log(buildWarning);
const facts = machineFacts();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `cluster bench${quick ? ' --quick' : ''}, ${new Date().toISOString()}: ${facts.cores} cores (${facts.cpu}), Node ${facts.node}, load average ${load()}`,
);
console.log(
  `load generator and redis-server on core ${facts.affinity}, every node on core${NODE_CORES.length > 1 ? 's' : ''} ${NODE_CORES}, PostgreSQL unpinned; open files ${facts.openFiles}, somaxconn ${facts.somaxconn}`,
);
console.log(
  `${SETTINGS.conversations} conversations (${SETTINGS.conversations * 2} sockets), each socket writing one message per ${PERIOD_SECONDS} s (${(SETTINGS.conversations * 2) / PERIOD_SECONDS} msg/s) for ${SETTINGS.seconds} s after ${SETTINGS.warmSeconds} s warm-up`,
);

const redis = await startRedisServer({ cores: String(LOAD_CORE) });
const running = [];
setTimeout(() => {
  console.error(`cluster bench: over ${DEADLINE_MS / 60_000} minutes, giving up.`);
  for (const node of running) void node.kill();
  void redis.stop();
  process.exit(1);
}, DEADLINE_MS).unref();

const texts = chatTexts(997);
const sum = (values) => values.reduce((a, b) => a + b, 0);

/** Every measurement of one cluster size, from fresh processes, database and prefix. */
async function measure(nodeCount) {
  const label = `${nodeCount} node${nodeCount > 1 ? 's' : ''}`;
  const database = await createBenchDatabase();
  const env = {
    ...BENCH_ENV,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    PARLEY_REDIS_PREFIX: `parley-cluster-bench-${process.pid}-${nodeCount}`,
  };
  const nodes = [];
  try {
    nodes.push(await startNodeProcess(env, { cores: NODE_CORES }));
    for (let i = 1; i < nodeCount; i++)
      nodes.push(await startNodeProcess(env, { cores: NODE_CORES }));
    running.push(...nodes);
    await sleep(1_000);
    const idle = nodes.map((node) => node.rssBytes());
    const began = performance.now();
    const conversations = await openConversations(
      nodes.map((node) => node.url),
      SETTINGS.conversations,
      env,
    );
    const socketsOn = nodes.map(
      (_, i) =>
        conversations.filter((c) => c.customerNode === i).length +
        conversations.filter((c) => c.agentNode === i).length,
    );
    const spanning = conversations.filter((c) => c.customerNode !== c.agentNode).length;
    console.log(
      `[${label}] ${conversations.length} conversations (${conversations.length * 2} sockets: ${socketsOn.join(' + ')}; ${spanning} span two nodes) open in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
    await sleep(SETTLE_MS);
    const connected = nodes.map((node) => node.rssBytes());
    await chatLoad(conversations, texts, {
      periodSeconds: PERIOD_SECONDS,
      seconds: SETTINGS.warmSeconds,
    });
    const nodeCpu = nodes.map((node) => node.cpuSeconds());
    const redisCpu = cpuSecondsOf(redis.pid());
    const pgCpu = await database.cpuSeconds();
    const generatorCpu = process.cpuUsage();
    const machine = machineBusySeconds();
    const stepBegan = performance.now();
    // How busy the nodes' PostgreSQL pools are (10 connections per node), sampled twice a second.
    const poolSamples = [];
    const poolSampler = setInterval(() => {
      void database.connectionStates().then(
        (states) => poolSamples.push(states),
        () => {},
      );
    }, 500);
    const step = await chatLoad(conversations, texts, {
      periodSeconds: PERIOD_SECONDS,
      seconds: SETTINGS.seconds,
    });
    const wall = (performance.now() - stepBegan) / 1000;
    clearInterval(poolSampler);
    const meanOf = (state) => sum(poolSamples.map((s) => s[state] ?? 0)) / poolSamples.length;
    const pool = {
      active: meanOf('active'),
      inTransaction: meanOf('idle in transaction'),
      idle: meanOf('idle'),
    };
    const used = process.cpuUsage(generatorCpu);
    const cpu = {
      nodes: sum(nodes.map((node, i) => node.cpuSeconds() - nodeCpu[i])),
      perNode: nodes.map((node, i) => node.cpuSeconds() - nodeCpu[i]),
      redis: cpuSecondsOf(redis.pid()) - redisCpu,
      postgres: (await database.cpuSeconds()) - pgCpu,
      generator: (used.user + used.system) / 1e6,
      machine: machineBusySeconds() - machine,
      wall,
    };
    cpu.other = Math.max(0, cpu.machine - cpu.nodes - cpu.redis - cpu.postgres - cpu.generator);
    const after = nodes.map((node) => node.rssBytes());
    const result = {
      label,
      nodeCount,
      step,
      cpu,
      pool,
      sockets: conversations.length * 2,
      memory: {
        kbPerSocket:
          sum(connected.map((rss, i) => rss - idle[i])) / (conversations.length * 2) / 1024,
        rssAfterMb: after.map((rss) => rss / 1024 / 1024),
      },
      logged: nodes.flatMap((node) => [...node.logged]),
    };
    console.log(phaseLine(result));
    closeConversations(conversations);
    return result;
  } finally {
    await Promise.all(nodes.map((node) => node.stop().catch(() => {})));
    await database.drop();
  }
}

try {
  const one = await measure(1);
  const two = await measure(2);
  console.log(`\n${clusterReport(one, two, P99_LIMIT_MS)}`);
  console.log(`load average at the end ${load()}`);
} finally {
  await redis.stop();
}
process.exit(0);
