import type { OpeningHours } from '@parley/protocol';

/** A team's weekly opening hours as configured (without the computed `openNow`). */
export type WeeklyHours = Omit<OpeningHours, 'openNow'>;

/** The ISO weekday (1 = Monday … 7 = Sunday) and minutes since midnight of `at` in `timeZone`. */
function localClock(at: Date, timeZone: string): { day: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function toMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * Whether a team is open at `at`, by its weekly hours in its own time zone (so a queued customer
 * in Moscow is told the Amsterdam team's hours correctly across daylight-saving changes).
 *
 * @example
 * isOpen({ timeZone: 'Europe/Amsterdam', weekly: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '22:00' }] }, new Date());
 */
export function isOpen(hours: WeeklyHours, at: Date): boolean {
  const { day, minutes } = localClock(at, hours.timeZone);
  return hours.weekly.some(
    (range) =>
      range.days.includes(day) && minutes >= toMinutes(range.from) && minutes < toMinutes(range.to),
  );
}

/**
 * The wire form of a team's opening hours at `at`.
 *
 * @example
 * openingHoursAt(team.openingHours, new Date()).openNow; // true on a weekday afternoon
 */
export function openingHoursAt(hours: WeeklyHours, at: Date): OpeningHours {
  return { ...hours, openNow: isOpen(hours, at) };
}
