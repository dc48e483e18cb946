import type { SlaClock } from '@parley/protocol';

/**
 * Where an SLA clock stands:
 * - `ok`: more than half the target is left;
 * - `half`: half the target has passed (amber);
 * - `breached`: the deadline passed without a private reply (red);
 * - `met` / `late`: the agent replied, before or after the deadline; the clock has stopped.
 */
export type SlaLevel = 'ok' | 'half' | 'breached' | 'met' | 'late';

export interface SlaStatus {
  level: SlaLevel;
  /** Milliseconds until the deadline (negative once it has passed); for `met`/`late` the reply time. */
  remainingMs: number;
  /** What the row shows, e.g. `12:04 left`, `3:10 over`, `Answered in 4 min`. */
  text: string;
}

/**
 * A duration as the inbox shows it: `m:ss` under an hour, `h:mm:ss` above.
 *
 * @example
 * formatDuration(754_000); // '12:34'
 * formatDuration(3_723_000); // '1:02:03'
 */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

const minutesOf = (ms: number) => Math.max(1, Math.round(ms / 60_000));

/**
 * The SLA status of a clock at `now`. The clock starts at the customer's first public post and
 * stops at the agent's first private reply; amber once half the target has passed, red once the
 * deadline has.
 *
 * @example
 * slaStatus({ startedAt, deadline, firstReplyAt: null }, Date.now()).level; // 'half'
 */
export function slaStatus(sla: SlaClock, now: number): SlaStatus {
  const started = Date.parse(sla.startedAt);
  const deadline = Date.parse(sla.deadline);
  if (sla.firstReplyAt !== null) {
    const replied = Date.parse(sla.firstReplyAt);
    const took = replied - started;
    return replied <= deadline
      ? {
          level: 'met',
          remainingMs: deadline - replied,
          text: `Answered in ${minutesOf(took)} min`,
        }
      : {
          level: 'late',
          remainingMs: deadline - replied,
          text: `Answered ${minutesOf(replied - deadline)} min late`,
        };
  }
  const remainingMs = deadline - now;
  if (remainingMs <= 0)
    return { level: 'breached', remainingMs, text: `${formatDuration(remainingMs)} over` };
  const half = (deadline - started) / 2;
  return {
    level: remainingMs <= half ? 'half' : 'ok',
    remainingMs,
    text: `${formatDuration(remainingMs)} left`,
  };
}

/**
 * The SLA clock of a handoff that nobody has claimed yet: it started at the first public post,
 * with the channel's target from the console configuration.
 *
 * @example
 * pendingSla('2026-11-22T21:30:00Z', 15); // { startedAt, deadline: '…21:45:00.000Z', firstReplyAt: null }
 */
export function pendingSla(firstPostAt: string, targetMinutes: number): SlaClock {
  return {
    startedAt: firstPostAt,
    deadline: new Date(Date.parse(firstPostAt) + targetMinutes * 60_000).toISOString(),
    firstReplyAt: null,
  };
}
