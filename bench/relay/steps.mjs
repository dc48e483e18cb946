// One server under fixed offered rates, to see where its cost goes as the load grows: a fresh
// server process pinned to core 0, 1,000 conversations, a 3 s warm-up at 1,000 msg/s, then a 10 s
// step at each rate given, each line with the server's CPU time per message. Where index.mjs
// searches for the highest rate and compares servers, this takes one server through rates you
// choose (and under PARLEY_BENCH_SERVER_FLAGS, a profile of exactly those steps).
//
//   npm run build && node bench/relay/steps.mjs parley 1000 2000 3000
//   node bench/relay/steps.mjs bare 4000 8000
import { chatTexts } from './chatText.mjs';
import { closeConversations, openConversations } from './conversations.mjs';
import { runPinned } from './machine.mjs';
import { checkBuild } from './parleyBuild.mjs';
import { startServerProcess } from './serverHandle.mjs';
import { measureStep } from './step.mjs';

const SERVER_CORE = 0;
const LOAD_CORE = 1;
const CONVERSATIONS = 1000;
const STEP_SECONDS = 10;

const [kind, ...rateArgs] = process.argv.slice(2);
const rates = rateArgs.map(Number);
if (
  !['bare', 'durable', 'parley'].includes(kind) ||
  rates.length === 0 ||
  !rates.every((r) => r > 0)
) {
  console.error('usage: node bench/relay/steps.mjs bare|durable|parley <msg/s> [<msg/s> …]');
  process.exit(2);
}

const exitCode = runPinned(LOAD_CORE);
if (exitCode !== null) process.exit(exitCode);

if (kind === 'parley') {
  const warning = checkBuild();
  if (warning !== null) console.log(warning);
}
const server = await startServerProcess(kind, SERVER_CORE);
try {
  const pairs = await openConversations(kind, server.url, CONVERSATIONS);
  const texts = chatTexts(997);
  await measureStep(kind, server, pairs, texts, { label: 'warm-up', rate: 1000, seconds: 3 });
  for (const rate of rates) {
    const step = await measureStep(kind, server, pairs, texts, {
      label: 'step',
      rate,
      seconds: STEP_SECONDS,
    });
    console.log(
      `[${kind}] ${rate}/s: ${Math.round(step.serverCpuUs / step.sent)} µs of server CPU per message`,
    );
  }
  closeConversations(pairs);
} finally {
  await server.stop();
}
