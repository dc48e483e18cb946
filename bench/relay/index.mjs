// Parley's relay against a bare Socket.IO relay, measured in the same run on the same machine:
// 1,000 conversations (1,000 customer + 1,000 agent sockets), persistence and redaction on, the
// server pinned to core 0 and this load generator to core 1. A second baseline, the bare relay
// with durable storage alone (durableRelay.mjs), tells what durability costs from what Parley's
// own work costs.
//
//   npm run build && node bench/relay/index.mjs            # full run, about 6 minutes
//   node bench/relay/index.mjs --quick                     # smoke run: 100 conversations, short steps
//
// It prints p50/p99 customer → agent latency at an open-loop 1,000 msg/s, the highest rate whose
// p99 stays under 50 ms, and server memory per connected socket, with parley/bare ratios and
// PASS/MISS against the targets in docs/benchmarks.md. It reports; it never fails a build, and it
// is not part of `npm test`. Everything targets 127.0.0.1 and stops by itself.
import { performance } from 'node:perf_hooks';
import { chatTexts } from './chatText.mjs';
import { closeConversations, openConversations } from './conversations.mjs';
import { machineFacts, runPinned } from './machine.mjs';
import { checkBuild } from './parleyBuild.mjs';
import { findMaxRate } from './rateSearch.mjs';
import { report } from './report.mjs';
import { startServerProcess } from './serverHandle.mjs';
import { measureStep } from './step.mjs';

const SERVER_CORE = 0;
const LOAD_CORE = 1;
const FIXED_RATE = 1000;

const args = process.argv.slice(2);
if (args.some((arg) => arg !== '--quick')) {
  console.error('usage: node bench/relay/index.mjs [--quick]');
  process.exit(2);
}
const quick = args.includes('--quick');
const SETTINGS = quick
  ? { conversations: 100, warmSeconds: 1, fixedSeconds: 3, stepSeconds: 2, bisections: 1 }
  : { conversations: 1000, warmSeconds: 3, fixedSeconds: 20, stepSeconds: 10, bisections: 3 };
// Bounds for every run (with openLoad's drain and recovery limits): the search stops at the floor
// or the cap, and the whole bench gives up at the deadline.
const RATE_FLOOR = 125;
const RATE_CAP = 64_000;
const DEADLINE_MS = (quick ? 5 : 15) * 60_000;

const exitCode = runPinned(LOAD_CORE);
if (exitCode !== null) process.exit(exitCode);

const buildWarning = checkBuild();
if (buildWarning !== null) console.log(buildWarning);
const facts = machineFacts();
console.log(
  `relay bench${quick ? ' --quick' : ''}, ${new Date().toISOString()}: ${facts.cores} cores (${facts.cpu}), Node ${facts.node}`,
);
console.log(
  `load generator on cores ${facts.affinity}, server on core ${SERVER_CORE}; open files ${facts.openFiles}, somaxconn ${facts.somaxconn}`,
);
console.log(`server data folders in ${facts.dataDir}`);
console.log(
  `${SETTINGS.conversations} conversations (${SETTINGS.conversations * 2} sockets); ${FIXED_RATE}/s for ${SETTINGS.fixedSeconds} s after ${SETTINGS.warmSeconds} s warm-up; search steps of ${SETTINGS.stepSeconds} s`,
);
if (Number(facts.openFiles) < SETTINGS.conversations * 2 + 256) {
  console.log(`warning: ${facts.openFiles} open files may be too few for the sockets.`);
}

const texts = chatTexts(997);
let running = null;
setTimeout(() => {
  console.error(`relay bench: over ${DEADLINE_MS / 60_000} minutes, giving up.`);
  running?.kill();
  process.exit(1);
}, DEADLINE_MS).unref();

/** Every measurement of one server, from a fresh process and data folder. */
async function measure(kind) {
  const server = await startServerProcess(kind, SERVER_CORE);
  running = server;
  try {
    const idle = await server.memory();
    const started = performance.now();
    const pairs = await openConversations(kind, server.url, SETTINGS.conversations);
    const sockets = pairs.length * 2;
    console.log(
      `[${kind}] ${pairs.length} conversations (${sockets} sockets) open in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const connected = await server.memory();
    const step = (label, rate, seconds, stopOnceOver) =>
      measureStep(kind, server, pairs, texts, { label, rate, seconds, stopOnceOver });
    await step('warm-up', FIXED_RATE, SETTINGS.warmSeconds, false);
    const fixed = await step('fixed', FIXED_RATE, SETTINGS.fixedSeconds, false);
    const search = await findMaxRate(
      (rate) => step('search', rate, SETTINGS.stepSeconds, true),
      fixed,
      { bisections: SETTINGS.bisections, floor: RATE_FLOOR, cap: RATE_CAP },
    );
    const loaded = await server.memory();
    closeConversations(pairs);
    return {
      fixed,
      search,
      memory: {
        rssKb: (connected.rss - idle.rss) / sockets / 1024,
        heapKb: (connected.heapUsed - idle.heapUsed) / sockets / 1024,
        rssAfterMb: loaded.rss / 1024 / 1024,
      },
    };
  } finally {
    await server.stop();
    running = null;
  }
}

const bare = await measure('bare');
const durable = await measure('durable');
const parley = await measure('parley');
console.log(`\n${report(bare, durable, parley)}`);
