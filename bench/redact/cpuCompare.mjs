// CPU time of the built engine against an earlier build of it, in one process, alternating: on a
// shared, loaded machine wall-clock throughput swings by 2-3x between runs, CPU time much less.
//
//   cp -r packages/protocol/dist /tmp/protocol-before    # on the earlier commit, after a build
//   npm run build -w @parley/protocol && taskset -c 0 node bench/redact/cpuCompare.mjs /tmp/protocol-before [rounds]
//
// Inputs as in index.mjs (mixed chat text 2 MB, digit soup 1 MB, 5,000 messages of 280
// characters); each figure is the best of `rounds` runs (default 20), in ms of CPU.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { redact as after } from '@parley/protocol/redact';
import { seeded } from '../../packages/protocol/dist/redact/caseValues.js';
import { generateCases } from '../../packages/protocol/dist/redact/generateCases.js';

const [beforeDist, roundsArg] = process.argv.slice(2);
if (!beforeDist) {
  process.stderr.write(
    'usage: node bench/redact/cpuCompare.mjs <copy of packages/protocol/dist> [rounds]\n',
  );
  process.exit(2);
}
const { redact: before } = await import(pathToFileURL(resolve(beforeDist, 'redact/index.js')).href);
const rounds = Number(roundsArg ?? 20);

const PLAIN = [
  'Hi, I was charged twice for the same order, can you check please?',
  'Здравствуйте! Не могу войти в приложение банка, пишет что пароль неверный.',
  'Dzień dobry, przelew nie dotarł do odbiorcy, co mam zrobić?',
];
const lines = [];
let length = 0;
let n = 0;
for (const testCase of generateCases(200_000, 1)) {
  for (const line of [testCase.text, PLAIN[n++ % 3], PLAIN[n++ % 3], PLAIN[n++ % 3]]) {
    lines.push(line);
    length += line.length + 1;
  }
  if (length >= 2_000_000) break;
}
const mixed = lines.join('\n').slice(0, 2_000_000);
const random = seeded(2);
const separators = [' ', '-', '.', '/', '\u00a0', '\u200b'];
let soup = '';
while (soup.length < 1_000_000) {
  const group = Math.floor(random() * 4) + 1;
  for (let i = 0; i < group; i++) soup += Math.floor(random() * 10);
  soup += separators[Math.floor(random() * separators.length)];
}
const messages = [];
for (let at = 0; at + 280 <= mixed.length && messages.length < 5_000; at += 280) {
  messages.push(mixed.slice(at, at + 280));
}

/** CPU milliseconds (user + system) that `fn` takes. */
function cpu(fn) {
  const started = process.cpuUsage();
  fn();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const inputs = {
  'mixed chat text (2 MB)': (redact) => redact(mixed),
  'worst-case digit soup (1 MB)': (redact) => redact(soup),
  '5,000 messages of 280 characters': (redact) => {
    for (const message of messages) redact(message);
  },
};
const best = { before: {}, after: {} };
for (let round = 0; round < rounds; round++) {
  // Alternate which engine goes first, so neither always runs on a warmer cache.
  const order = round % 2 ? ['after', 'before'] : ['before', 'after'];
  for (const name of order) {
    const redact = name === 'before' ? before : after;
    for (const [input, run] of Object.entries(inputs)) {
      best[name][input] = Math.min(
        best[name][input] ?? Infinity,
        cpu(() => run(redact)),
      );
    }
  }
}
for (const input of Object.keys(inputs)) {
  const [b, a] = [best.before[input], best.after[input]];
  process.stdout.write(
    `${input}: before ${b.toFixed(1)} ms, after ${a.toFixed(1)} ms CPU (after/before ${(a / b).toFixed(2)}, best of ${rounds})\n`,
  );
}
