/** The offset of `zone` from UTC at instant `ms`, in ms (Moscow: +3 h). */
function offsetAt(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time in an IANA time zone — the agent types "18:00" in the
 * customer's zone, the dialer needs an instant. Returns null for an unknown zone or a bad value.
 *
 * @example
 * zonedTimeToUtc('2026-11-24', '18:00', 'Europe/Moscow'); // '2026-11-24T15:00:00.000Z'
 */
export function zonedTimeToUtc(date: string, time: string, zone: string): string | null {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  if ([y, m, d, hh, mm].some((n) => n === undefined || Number.isNaN(n))) return null;
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  try {
    // Twice: the first guess may sit on the other side of a daylight-saving change.
    let utc = wall - offsetAt(wall, zone);
    utc = wall - offsetAt(utc, zone);
    return new Date(utc).toISOString();
  } catch {
    return null;
  }
}
