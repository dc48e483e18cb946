import type { Locale, OpeningHours } from '@parley/protocol';

/**
 * Dates and times in the customer's locale and time zone, through `Intl` only. `locale` may be
 * the customer's full tag (`en-GB` writes 24-hour times, `en-US` 12-hour ones).
 *
 * @example
 * const f = createFormat('pl');
 * f.time('2026-11-22T21:30:00Z'); // '22:30'
 */
export function createFormat(locale: Locale | string, timeZone?: string) {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const dayKey = (at: Date) => date.format(at);
  const capital = (text: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

  return {
    time: (iso: string) => time.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** A day's name: "Today", "Yesterday", "Tomorrow" (call-back days), or the date. */
    day(iso: string, now = new Date()): string {
      const at = new Date(iso);
      for (const offset of [0, -1, 1]) {
        const other = new Date(now.getTime() + offset * 86_400_000);
        if (dayKey(other) === dayKey(at)) return capital(relative.format(offset, 'day'));
      }
      return date.format(at);
    },
    /** Whether two instants fall on the same calendar day for the customer. */
    sameDay: (a: string, b: string) => dayKey(new Date(a)) === dayKey(new Date(b)),
    /** "Mon–Fri 08:00–20:00, Sat 10:00–16:00 (Europe/Warsaw)". */
    hours(hours: OpeningHours): string {
      // 2024-01-01 was a Monday: day d (1 = Monday) is January d of 2024.
      const name = (d: number) => weekday.format(new Date(Date.UTC(2024, 0, d)));
      const ranges = hours.weekly.map((range) => {
        const days = [...range.days].sort((a, b) => a - b);
        const first = days[0] ?? 1;
        const last = days[days.length - 1] ?? first;
        const contiguous = last - first === days.length - 1;
        const label =
          days.length > 1 && contiguous
            ? `${name(first)}–${name(last)}`
            : days.map(name).join(', ');
        return `${label} ${range.from}–${range.to}`;
      });
      return `${ranges.join('; ')} (${hours.timeZone})`;
    },
  };
}

/** The formatters of one locale. */
export type Format = ReturnType<typeof createFormat>;
