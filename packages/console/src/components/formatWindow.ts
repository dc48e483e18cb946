import type { CallbackWindow } from '@parley/protocol';

/**
 * A call-back window in the customer's time zone, as the agent reads it out on the phone:
 * `Tue 18:00–20:00 (Europe/Moscow)`.
 *
 * @example
 * formatWindow({ from: '2026-11-24T15:00:00Z', to: '2026-11-24T17:00:00Z', timeZone: 'Europe/Moscow' });
 */
export function formatWindow(window: CallbackWindow): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: window.timeZone,
  });
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: window.timeZone,
  });
  const from = new Date(window.from);
  const to = new Date(window.to);
  return `${day.format(from)} ${time.format(from)}–${time.format(to)} (${window.timeZone})`;
}
