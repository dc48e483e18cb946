import type { Channel } from '@parley/protocol';
import type { TeamConfig } from './Config.js';
import type { EnvReader } from './EnvReader.js';
import { DEFAULT_TEAMS, parseTeams } from './parseTeams.js';

/** How conversations are timed, routed and limited. */
export interface PolicySettings {
  retentionDays: number | null;
  handoffTtlHours: number;
  fallbackSeconds: number;
  idleCloseMinutes: number;
  slaMinutes: Record<Channel, number>;
  teams: readonly TeamConfig[];
  anonymousChat: boolean;
  rateLimits: { claimsPerMinute: number; socketEventsPerSecond: number };
  sessionTtlMinutes: number;
  sessionGraceSeconds: number;
  sessionMaxHours: number;
}

const WEEK_MINUTES = 7 * 24 * 60;

/**
 * Reads the conversation policy: lifetimes, the fallback window, SLA targets per channel, teams
 * and rate limits. Bounds keep typos from becoming outages (a 0-second fallback, a 10-year link).
 *
 * @example
 * readPolicySettings(new EnvReader({ PARLEY_SLA_X_MINUTES: '10' })).slaMinutes.x; // 10
 */
export function readPolicySettings(read: EnvReader): PolicySettings {
  const sla = (
    name: `PARLEY_SLA_${'X' | 'FACEBOOK' | 'WEB' | 'OTHER'}_MINUTES`,
    fallback: number,
  ) =>
    read.integer(name, {
      min: 1,
      max: WEEK_MINUTES,
      fallback,
      what: 'a number of minutes',
      example: fallback,
    });
  let teams = DEFAULT_TEAMS;
  const teamsRaw = read.string('PARLEY_TEAMS');
  if (teamsRaw !== undefined) {
    const parsed = parseTeams(teamsRaw);
    if (parsed.ok) teams = parsed.value;
    else
      read.fail(
        'PARLEY_TEAMS',
        `PARLEY_TEAMS ${parsed.reason}. Example: PARLEY_TEAMS='[{"id":"social-care","name":"Social care","openingHours":{"timeZone":"Europe/Amsterdam","weekly":[{"days":[1,2,3,4,5],"from":"08:00","to":"22:00"}]}}]'`,
      );
  }
  return {
    retentionDays: read.integer('PARLEY_RETENTION_DAYS', {
      min: 1,
      max: 36_500,
      fallback: null,
      what: 'a number of days',
      example: 365,
    }),
    handoffTtlHours: read.integer('PARLEY_HANDOFF_TTL_HOURS', {
      min: 1,
      max: 720,
      fallback: 24,
      what: 'a number of hours',
      example: 24,
    }),
    fallbackSeconds: read.integer('PARLEY_FALLBACK_SECONDS', {
      min: 10,
      max: 3600,
      fallback: 120,
      what: 'a number of seconds',
      example: 120,
    }),
    idleCloseMinutes: read.integer('PARLEY_IDLE_CLOSE_MINUTES', {
      min: 5,
      max: WEEK_MINUTES,
      fallback: 60,
      what: 'a number of minutes',
      example: 60,
    }),
    slaMinutes: {
      x: sla('PARLEY_SLA_X_MINUTES', 15),
      facebook: sla('PARLEY_SLA_FACEBOOK_MINUTES', 30),
      web: sla('PARLEY_SLA_WEB_MINUTES', 5),
      other: sla('PARLEY_SLA_OTHER_MINUTES', 30),
    },
    teams,
    anonymousChat: read.boolean('PARLEY_ANONYMOUS_CHAT', false),
    rateLimits: {
      claimsPerMinute: read.integer('PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE', {
        min: 1,
        max: 1000,
        fallback: 10,
        what: 'a number',
        example: 10,
      }),
      socketEventsPerSecond: read.integer('PARLEY_RATE_LIMIT_SOCKET_EVENTS_PER_SECOND', {
        min: 1,
        max: 1000,
        fallback: 20,
        what: 'a number',
        example: 20,
      }),
    },
    sessionTtlMinutes: read.integer('PARLEY_SESSION_TTL_MINUTES', {
      min: 5,
      max: 1440,
      fallback: 60,
      what: 'a number of minutes',
      example: 60,
    }),
    sessionMaxHours: read.integer('PARLEY_SESSION_MAX_HOURS', {
      min: 1,
      max: 168,
      fallback: 12,
      what: 'a number of hours',
      example: 12,
    }),
    sessionGraceSeconds: read.integer('PARLEY_SESSION_GRACE_SECONDS', {
      min: 0,
      max: 600,
      fallback: 60,
      what: 'a number of seconds',
      example: 60,
    }),
  };
}
