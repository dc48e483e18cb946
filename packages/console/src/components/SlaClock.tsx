import type { SlaClock as SlaClockData } from '@parley/protocol';
import { slaStatus } from '../sla/slaStatus';
import { useNow } from '../sla/useNow';

const SHAPES = { ok: '●', half: '◐', breached: '■', met: '✓', late: '✓' } as const;
const SPOKEN = {
  ok: 'within SLA',
  half: 'past half of the SLA',
  breached: 'SLA breached',
  met: 'SLA met',
  late: 'SLA missed',
} as const;

/**
 * The time left on a conversation's SLA, ticking once a second on the shared ticker: neutral
 * while more than half is left, amber past half, red once breached, and stopped at the first
 * reply. Colour is never the only cue: a shape and the words (`left`, `over`) say it too.
 *
 * @example
 * <SlaClock sla={conversation.sla} />
 */
export function SlaClock(props: { sla: SlaClockData }) {
  const now = useNow();
  const status = slaStatus(props.sla, now);
  const started = new Date(props.sla.startedAt).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <span
      class={`sla sla--${status.level}`}
      title={`SLA from the first public post at ${started}; ${SPOKEN[status.level]}`}
    >
      <span class="sla-shape" aria-hidden="true">
        {SHAPES[status.level]}
      </span>
      <span class="visually-hidden">{SPOKEN[status.level]}: </span>
      {status.text}
    </span>
  );
}
