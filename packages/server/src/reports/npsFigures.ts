import type { NpsFigures } from '@parley/protocol';

/**
 * Net Promoter Score figures for a set of 0–10 answers: promoters 9–10, passives 7–8,
 * detractors 0–6, NPS = % promoters − % detractors, rounded; null without answers.
 *
 * @example
 * npsFigures([10, 9, 8, 3]); // { responses: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 }
 */
export function npsFigures(scores: readonly number[]): NpsFigures {
  let promoters = 0;
  let detractors = 0;
  for (const score of scores) {
    if (score >= 9) promoters += 1;
    else if (score <= 6) detractors += 1;
  }
  const responses = scores.length;
  const passives = responses - promoters - detractors;
  const nps = responses === 0 ? null : Math.round(((promoters - detractors) / responses) * 100);
  // Math.round(-0.4) is -0; the wire wants a plain 0.
  return { responses, promoters, passives, detractors, nps: nps === 0 ? 0 : nps };
}

/**
 * The ISO 8601 week of an instant, in UTC: `2026-W47`. Weeks start on Monday; week 1 holds the
 * year's first Thursday. https://en.wikipedia.org/wiki/ISO_week_date#Algorithms
 *
 * @example
 * isoWeek('2026-11-22T21:30:00Z'); // '2026-W47'
 */
export function isoWeek(at: string): string {
  const date = new Date(at);
  const day = (date.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3),
  );
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * 86_400_000;
  const week =
    1 + Math.round((thursday.getTime() - 3 * 86_400_000 - firstMonday) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
