/**
 * A time as an `<input type="datetime-local">` shows it, in the agent's own time zone.
 *
 * @example
 * toLocalInput(new Date(2026, 10, 22, 23, 10)); // '2026-11-22T23:10'
 */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The UTC ISO time of a `datetime-local` value (read in the agent's time zone), or null.
 *
 * @example
 * fromLocalInput('2026-11-22T23:10'); // '2026-11-22T22:10:00.000Z' in Amsterdam
 */
export function fromLocalInput(value: string): string | null {
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
