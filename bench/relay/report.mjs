// The printed results: one line per measured step as it finishes, then the table of absolute
// figures, durable/bare and parley/bare ratios, and PASS/MISS of Parley against the issue's
// targets.
import { DRAIN_MS, P99_LIMIT_MS } from './openLoad.mjs';

const TARGETS = { p99Ratio: 2, rateRatio: 0.5, kbPerSocket: 64 };

/**
 * The generator's own send lag (p99) past which a missed step may be the generator's limit, in ms.
 * Its 1 ms timers alone jitter by 2–6 ms on a shared VM.
 */
const GENERATOR_LAG_MS = 10;

/** The share of a core other processes may take before the figures are called disturbed. */
const NOISE_SHARE = 0.1;

const ms = (value) =>
  Number.isFinite(value) ? `${value.toFixed(2)} ms` : `> ${DRAIN_MS / 1000} s (undelivered)`;
const ratio = (parley, bare) =>
  parley !== null && bare > 0 && Number.isFinite(parley / bare)
    ? `${(parley / bare).toFixed(2)}×`
    : 'n/a';
const percent = (share) => `${Math.round(share * 100)}%`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const us = (value) => `${Math.round(value)} µs`;
/** The server's CPU time per message sent in a step (user + system, all its threads), in µs. */
const cpuPerMessage = (step) => step.serverCpuUs / step.sent;

/** One line for a finished step. */
export function stepLine(kind, label, step) {
  const latency =
    step.stoppedAfter === null
      ? `p50 ${ms(step.p50)}  p99 ${ms(step.p99)}  max ${ms(step.max)}`
      : `p99 ≥ ${P99_LIMIT_MS} ms (1% over ${P99_LIMIT_MS} ms after ${step.stoppedAfter.toFixed(1)} s; stopped)`;
  const failed = step.failed > 0 ? ` (${step.failed} refused)` : '';
  const cpu = `CPU server ${percent(step.serverCpu)} generator ${percent(step.generatorCpu)} other processes ${percent(step.otherCpu)}`;
  const recovery = step.recovered ? '' : '  SERVER NOT RECOVERED: search stops';
  return `[${kind}] ${label} ${step.rate}/s × ${step.seconds} s: ${latency}  undelivered ${step.undelivered}/${step.sent}${failed}  send lag p99 ${ms(step.sendLagP99)}  ${cpu}  ${step.passed ? 'under' : 'over'} ${P99_LIMIT_MS} ms${recovery}`;
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Says why a search ended early or found nothing. */
function searchNotes(kind, { search }) {
  const notes = [];
  if (search.unrecovered !== null) {
    notes.push(
      `note: ${kind} had not answered every message of the ${search.unrecovered}/s step a minute after it ended; the search stopped there.`,
    );
  }
  if (search.best === null)
    notes.push(`note: no measured rate kept ${kind}'s p99 under ${P99_LIMIT_MS} ms.`);
  return notes;
}

/** How busy teammates' processes kept the machine during a server's steps. */
function noiseNote(kind, result) {
  const steps = [result.fixed, ...result.search.steps.slice(1)];
  const mean = steps.reduce((sum, step) => sum + step.otherCpu, 0) / steps.length;
  const disturbed =
    mean > NOISE_SHARE ? `; above ${percent(NOISE_SHARE)}, the figures are disturbed by them` : '';
  return `other processes used ${percent(mean)} of a core on average during ${kind}'s steps${disturbed}.`;
}

/** Notes the generator lag when a server's first missed step may be the generator's limit. */
function generatorNote(kind, result) {
  const missed = result.search.steps.filter((step) => !step.passed);
  if (missed.length === 0) return [];
  const first = missed.reduce((a, b) => (b.rate < a.rate ? b : a));
  if (first.sendLagP99 <= GENERATOR_LAG_MS) return [];
  return [
    `note: at ${first.rate}/s the load generator itself ran ${ms(first.sendLagP99)} late (p99), so ${kind}'s highest rate may be the generator's (or the machine's) limit, not the server's.`,
  ];
}

/** The results table and verdicts: Parley against the bare relay, with the durable relay beside. */
export function report(bare, durable, parley) {
  const rate = ({ search }) =>
    search.best === null ? 'none' : `${search.best}/s${search.capped ? ' (cap)' : ''}`;
  const p99Ok = parley.fixed.p99 <= TARGETS.p99Ratio * bare.fixed.p99;
  const rateOk =
    parley.search.best !== null &&
    bare.search.best !== null &&
    parley.search.best >= TARGETS.rateRatio * bare.search.best;
  const memoryOk = parley.memory.rssKb <= TARGETS.kbPerSocket;
  /** A row of the three servers' figures, with both ratios to bare. */
  const figures = (label, pick, format, target = '', ok = null) => {
    const [b, d, p] = [bare, durable, parley].map(pick);
    return [
      label,
      format(b),
      format(d),
      format(p),
      ratio(d, b),
      ratio(p, b),
      target,
      ok === null ? '' : verdict(ok),
    ];
  };
  const kb = (value) => `${value.toFixed(1)} KB`;
  const rows = [
    ['', 'bare', 'durable', 'parley', 'durable/bare', 'parley/bare', 'target', 'verdict'],
    figures('p50 at 1,000 msg/s', (r) => r.fixed.p50, ms),
    figures('p99 at 1,000 msg/s', (r) => r.fixed.p99, ms, `≤ ${TARGETS.p99Ratio}× bare`, p99Ok),
    [
      `undelivered within ${DRAIN_MS / 1000} s at 1,000 msg/s`,
      ...[bare, durable, parley].map((r) => `${r.fixed.undelivered}/${r.fixed.sent}`),
      '',
      '',
      '',
      '',
    ],
    [
      `highest rate, p99 < ${P99_LIMIT_MS} ms`,
      ...[bare, durable, parley].map(rate),
      ratio(durable.search.best, bare.search.best),
      ratio(parley.search.best, bare.search.best),
      `≥ ${TARGETS.rateRatio}× bare`,
      verdict(rateOk),
    ],
    figures('server CPU per message at 1,000 msg/s', (r) => cpuPerMessage(r.fixed), us),
    figures(
      'memory per socket (RSS)',
      (r) => r.memory.rssKb,
      kb,
      `≤ ${TARGETS.kbPerSocket} KB`,
      memoryOk,
    ),
    figures('memory per socket (heap used)', (r) => r.memory.heapKb, kb),
    [
      'server RSS after the load',
      ...[bare, durable, parley].map((r) => `${r.memory.rssAfterMb.toFixed(0)} MB`),
      '',
      '',
      '',
      '',
    ],
  ];
  const servers = { bare, durable, parley };
  const each = (note) => Object.entries(servers).flatMap(([kind, result]) => note(kind, result));
  return [
    table(rows),
    ...each((kind, result) => [noiseNote(kind, result)]),
    ...each(searchNotes),
    ...each(generatorNote),
  ].join('\n');
}
