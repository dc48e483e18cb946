import { label, OpeningHours, PrincipalId, validate } from '@parley/protocol';
import type { TeamConfig, TeamOpeningHours } from './Config.js';
import type { Parsed } from './parseHttpUrl.js';

/** The team every installation starts with. */
export const DEFAULT_TEAMS: readonly TeamConfig[] = [
  { id: 'social-care', name: 'Social care', openingHours: null },
];
const TEAMS_MAX = 100;
const TEAM_NAME = label();

/** Whether `timeZone` is one the runtime knows; the protocol's pattern only checks the shape. */
function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function parseHours(input: unknown, at: string): Parsed<TeamOpeningHours | null> {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input !== 'object' || Array.isArray(input) || 'openNow' in input) {
    return { ok: false, reason: `${at}.openingHours must be { timeZone, weekly } or null` };
  }
  // The wire schema also carries the computed `openNow`; validate against it with a placeholder.
  const checked = validate(OpeningHours, { ...input, openNow: false });
  if (!checked.ok) {
    const detail = checked.error.message.replace(/^Invalid request\. /, '');
    return { ok: false, reason: `${at}.openingHours: ${detail}` };
  }
  const { timeZone, weekly } = checked.value;
  if (!isKnownTimeZone(timeZone)) {
    return {
      ok: false,
      reason: `${at}.openingHours.timeZone "${timeZone}" is not a known IANA time zone`,
    };
  }
  for (const [i, range] of weekly.entries()) {
    if (range.days.length === 0 || new Set(range.days).size !== range.days.length) {
      return {
        ok: false,
        reason: `${at}.openingHours.weekly[${i}].days must list distinct days 1 (Mon)–7 (Sun)`,
      };
    }
    if (range.from >= range.to) {
      return { ok: false, reason: `${at}.openingHours.weekly[${i}] must have "from" before "to"` };
    }
  }
  return { ok: true, value: { timeZone, weekly } };
}

function parseTeam(input: unknown, at: string): Parsed<TeamConfig> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, reason: `${at} must be an object { id, name, openingHours }` };
  }
  const { id, name, openingHours, ...rest } = input as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) return { ok: false, reason: `${at} has an unknown field; remove it` };
  if (!validate(PrincipalId, id).ok) {
    return { ok: false, reason: `${at}.id must be 1–128 characters of A–Z, a–z, 0–9 and ._@:|+-` };
  }
  if (!validate(TEAM_NAME, name).ok) {
    return { ok: false, reason: `${at}.name must be a single line of 1–200 characters` };
  }
  const hours = parseHours(openingHours, at);
  if (!hours.ok) return hours;
  return { ok: true, value: { id: id as string, name: name as string, openingHours: hours.value } };
}

/**
 * Parses `PARLEY_TEAMS`: a JSON list of teams with optional weekly opening hours in the team's
 * time zone. Ids must be unique.
 *
 * @example
 * parseTeams('[{"id":"cards","name":"Cards","openingHours":null}]');
 * // { ok: true, value: [{ id: 'cards', name: 'Cards', openingHours: null }] }
 */
export function parseTeams(raw: string): Parsed<TeamConfig[]> {
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'is not valid JSON' };
  }
  if (!Array.isArray(input) || input.length === 0 || input.length > TEAMS_MAX) {
    return { ok: false, reason: `must be a JSON list of 1–${TEAMS_MAX} teams` };
  }
  const teams: TeamConfig[] = [];
  for (const [i, item] of input.entries()) {
    const team = parseTeam(item, `[${i}]`);
    if (!team.ok) return team;
    if (teams.some((t) => t.id === team.value.id)) {
      return {
        ok: false,
        reason: `[${i}].id "${team.value.id}" is used twice; team ids must be unique`,
      };
    }
    teams.push(team.value);
  }
  return { ok: true, value: teams };
}
