// The cluster bench's printed results: one line per phase as it finishes, then the table of one
// node against two with the two/one ratios and the p99 verdict.
import { DRAIN_MS } from '../relay/openLoad.mjs';

/** The share of a core other processes may take before the figures are called disturbed. */
const NOISE_SHARE = 0.1;

const ms = (value) =>
  Number.isFinite(value) ? `${value.toFixed(1)} ms` : `> ${DRAIN_MS / 1000} s (undelivered)`;
const percent = (share) => `${Math.round(share * 100)}%`;
const ratio = (two, one) =>
  one > 0 && Number.isFinite(two / one) ? `${(two / one).toFixed(2)}×` : 'n/a';
/** CPU seconds per 1,000 messages, as milliseconds of CPU per message ×1000. */
const perThousand = (seconds, messages) => (seconds / messages) * 1000;

/** One line for a finished phase. */
export function phaseLine({ label, step, cpu, memory, pool }) {
  const share = (seconds) => percent(seconds / cpu.wall);
  return [
    `[${label}] ${step.rate}/s × ${step.seconds} s: p50 ${ms(step.p50)}  p99 ${ms(step.p99)}  max ${ms(step.max)}`,
    `undelivered ${step.undelivered}/${step.sent}${step.failed > 0 ? ` (${step.failed} refused, first: ${step.firstRefusal})` : ''}`,
    `send lag p99 ${ms(step.sendLagP99)}${step.recovered ? '' : '  (backlog NOT cleared a minute later)'}`,
    `CPU nodes ${share(cpu.nodes)} (${cpu.perNode.map(share).join(' + ')}) PostgreSQL ${share(cpu.postgres)} redis ${share(cpu.redis)} generator ${share(cpu.generator)} other processes ${share(cpu.other)}`,
    `RSS ${memory.kbPerSocket.toFixed(1)} KB/socket`,
    `PostgreSQL connections: ${pool.active.toFixed(1)} active, ${pool.inTransaction.toFixed(1)} idle in transaction, ${pool.idle.toFixed(1)} idle (mean)`,
  ].join('  ');
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

/** The results table, the verdicts and the notes on the machine's load. */
export function clusterReport(one, two, p99Limit) {
  const cpu = (r, key) => perThousand(r.cpu[key], r.step.sent);
  const cpuRow = (name, key) => [
    name,
    `${cpu(one, key).toFixed(2)} s`,
    `${cpu(two, key).toFixed(2)} s`,
    ratio(cpu(two, key), cpu(one, key)),
    '',
    '',
  ];
  const verdict = (r) => (r.step.p99 <= p99Limit ? 'PASS' : 'MISS');
  const rows = [
    ['', '1 node', '2 nodes', '2/1', 'target', 'verdict'],
    [
      'offered rate',
      `${one.step.rate}/s`,
      `${two.step.rate}/s`,
      '',
      `1 msg / ${(one.sockets / one.step.rate).toFixed(0)} s per socket`,
      '',
    ],
    [
      'p50 end to end',
      ms(one.step.p50),
      ms(two.step.p50),
      ratio(two.step.p50, one.step.p50),
      '',
      '',
    ],
    [
      'p99 end to end',
      ms(one.step.p99),
      ms(two.step.p99),
      ratio(two.step.p99, one.step.p99),
      `≤ ${p99Limit} ms`,
      `${verdict(one)} / ${verdict(two)}`,
    ],
    ['max', ms(one.step.max), ms(two.step.max), '', '', ''],
    [
      `undelivered within ${DRAIN_MS / 1000} s`,
      `${one.step.undelivered}/${one.step.sent}`,
      `${two.step.undelivered}/${two.step.sent}`,
      '',
      '',
      '',
    ],
    [
      'memory per socket (node RSS, no forced GC)',
      `${one.memory.kbPerSocket.toFixed(1)} KB`,
      `${two.memory.kbPerSocket.toFixed(1)} KB`,
      ratio(two.memory.kbPerSocket, one.memory.kbPerSocket),
      '',
      '',
    ],
    [
      'node RSS after the load',
      one.memory.rssAfterMb.map((mb) => `${mb.toFixed(0)} MB`).join(' + '),
      two.memory.rssAfterMb.map((mb) => `${mb.toFixed(0)} MB`).join(' + '),
      '',
      '',
      '',
    ],
    cpuRow('CPU per 1,000 messages: Parley nodes', 'nodes'),
    cpuRow('CPU per 1,000 messages: PostgreSQL backends', 'postgres'),
    cpuRow('CPU per 1,000 messages: redis-server', 'redis'),
    [
      'PostgreSQL connections busy (mean)',
      `${(one.pool.active + one.pool.inTransaction).toFixed(1)} of ${10 * one.nodeCount}`,
      `${(two.pool.active + two.pool.inTransaction).toFixed(1)} of ${10 * two.nodeCount}`,
      '',
      '',
      '',
    ],
    [
      'node CPU, share of a core',
      percent(one.cpu.nodes / one.cpu.wall),
      percent(two.cpu.nodes / two.cpu.wall),
      '',
      '',
      '',
    ],
  ];
  const notes = [one, two].map((r) => {
    const other = r.cpu.other / r.cpu.wall;
    const disturbed =
      other > NOISE_SHARE
        ? `; above ${percent(NOISE_SHARE)}, the figures are disturbed by them`
        : '';
    return `other processes used ${percent(other)} of a core on average during the ${r.label} step (the generator ${percent(r.cpu.generator / r.cpu.wall)}, send lag p99 ${ms(r.step.sendLagP99)})${disturbed}.`;
  });
  for (const r of [one, two])
    for (const [msg, count] of r.logged) notes.push(`${r.label}: nodes logged ${count}× "${msg}"`);
  return [table(rows), ...notes].join('\n');
}
