// Throughput and latency of the redaction engine on one core, against a baseline measured in the
// same run: a naive single-regex digit masker over the same input.
//
//   npm run build -w @parley/protocol && taskset -c 0 node bench/redact/index.mjs
//
// Targets (docs/benchmarks.md): >= 20 MB/s on mixed chat text, >= 5 MB/s on worst-case digit
// soup, median <= 20 µs per 280-character message. The bench reports; it does not fail.
import { cpus } from 'node:os';
import { redact } from '@parley/protocol/redact';
import { seeded } from '../../packages/protocol/dist/redact/caseValues.js';
import { generateCases } from '../../packages/protocol/dist/redact/generateCases.js';

/** The baseline: mask every run of 12+ digits, spaces and dashes ending in a digit. */
const NAIVE_REGEX = /\d[\d -]{10,}\d/g;
const naive = (text) => text.replace(NAIVE_REGEX, '[masked]');

const MB = 1_000_000;

/** Lines without numbers, as most chat lines are, in the five languages. */
const PLAIN = [
  'Hi, I was charged twice for the same order, can you check please?',
  'Thanks for moving this to a private chat, I did not want to post details publicly.',
  'Здравствуйте! Не могу войти в приложение банка, пишет что пароль неверный.',
  'Спасибо, всё работает. Хорошего дня!',
  'Dzień dobry, przelew nie dotarł do odbiorcy, co mam zrobić?',
  'Dziękuję za szybką odpowiedź, sprawdzę jutro rano.',
  'Здравейте, картата ми беше блокирана след пътуването, може ли да я отблокирате?',
  'Благодаря, ще изчакам потвърждение по имейл.',
  'Hallo, mijn betaling is mislukt maar het geld is wel afgeschreven.',
  'Oké, dank je wel, ik wacht op jullie bericht.',
  'Could you tell me why the transfer is still pending after the weekend?',
  'Понял, подожду. А можно ускорить возврат?',
];

/**
 * Mixed chat text: one message of the labelled corpus (every one holds a number, a secret or a
 * decoy) for every three lines without numbers. `dense` keeps only the corpus messages.
 */
function chatText(bytes, dense) {
  const lines = [];
  let length = 0;
  let n = 0;
  for (const testCase of generateCases(200_000, 1)) {
    for (const line of dense
      ? [testCase.text]
      : [
          testCase.text,
          PLAIN[n++ % PLAIN.length],
          PLAIN[n++ % PLAIN.length],
          PLAIN[n++ % PLAIN.length],
        ]) {
      lines.push(line);
      length += line.length + 1;
    }
    if (length >= bytes) break;
  }
  return lines.join('\n').slice(0, bytes);
}

/** Worst case: digits in groups of 1–4 joined by one of the separators a number may hold. */
function digitSoup(bytes) {
  const random = seeded(2);
  const separators = [' ', '-', '.', '/', '\u00a0', '\u200b'];
  let text = '';
  while (text.length < bytes) {
    const group = Math.floor(random() * 4) + 1;
    for (let i = 0; i < group; i++) text += Math.floor(random() * 10);
    text += separators[Math.floor(random() * separators.length)];
  }
  return text.slice(0, bytes);
}

/** MB/s of `fn` over `text`: the median of 7 timed runs after 3 warm-up runs. */
function throughput(fn, text) {
  for (let i = 0; i < 3; i++) fn(text);
  const rates = [];
  for (let i = 0; i < 7; i++) {
    const started = process.hrtime.bigint();
    fn(text);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(text.length / MB / seconds);
  }
  return rates.sort((a, b) => a - b)[3];
}

/** Median and 99th percentile in µs of `fn` on each message, after a warm-up pass. */
function latency(fn, messages) {
  for (const message of messages) fn(message);
  const times = messages.map((message) => {
    const started = process.hrtime.bigint();
    fn(message);
    return Number(process.hrtime.bigint() - started) / 1e3;
  });
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    p99: times[Math.floor(times.length * 0.99)],
  };
}

const mixed = chatText(4 * MB, false);
const dense = chatText(2 * MB, true);
const soup = digitSoup(1 * MB);
const messages = [];
for (let at = 0; at + 280 <= mixed.length && messages.length < 20_000; at += 280) {
  messages.push(mixed.slice(at, at + 280));
}

const rows = [
  ['mixed chat text (4 MB)', throughput(redact, mixed), throughput(naive, mixed), 'MB/s', 20],
  [
    'labelled corpus only, a number in every line (2 MB)',
    throughput(redact, dense),
    throughput(naive, dense),
    'MB/s',
    0,
  ],
  ['worst-case digit soup (1 MB)', throughput(redact, soup), throughput(naive, soup), 'MB/s', 5],
];
const engine = latency(redact, messages);
const baseline = latency(naive, messages);

process.stdout.write(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
for (const [name, value, base, unit, target] of rows) {
  process.stdout.write(
    `${name}: ${value.toFixed(1)} ${unit} (baseline ${base.toFixed(1)} ${unit}, ratio ${(value / base).toFixed(2)}${target ? `; target >= ${target}` : ''})\n`,
  );
}
process.stdout.write(
  `280-char message (${messages.length}): median ${engine.median.toFixed(1)} µs, p99 ${engine.p99.toFixed(1)} µs ` +
    `(baseline median ${baseline.median.toFixed(1)} µs, ratio ${(engine.median / baseline.median).toFixed(2)}; target median <= 20)\n`,
);
