import type { Locale, Role } from '@parley/protocol';

/** An agent, supervisor or compliance officer, as their verified token describes them. */
export interface AgentPrincipal {
  readonly sub: string;
  readonly name: string;
  /** Known roles only, at least one. */
  readonly roles: readonly Role[];
  readonly teams: readonly string[];
  /** When the token expires, ISO 8601 UTC. */
  readonly expiresAt: string;
}

/** A signed-in customer, from the bank's identity token or a Parley session token. */
export interface CustomerPrincipal {
  readonly sub: string;
  readonly name: string;
  /** E.164, when the identity provider vouched for a valid number. */
  readonly phone: string | null;
  /** A supported locale, when the identity provider named one. */
  readonly locale: Locale | null;
  /** When the token expires, ISO 8601 UTC. */
  readonly expiresAt: string;
  /** `identity`: the bank's token (answer with `session:issued`); `session`: Parley's own. */
  readonly source: 'identity' | 'session';
  /**
   * When the customer traded the bank's identity token for a session, in seconds since the epoch:
   * a session token carries it as `auth_time` through every refresh, so a sign-in ends for good
   * `PARLEY_SESSION_MAX_HOURS` later, however often the session was renewed.
   */
  readonly signedInAt: number;
}

/** The JOSE `typ` of Parley's session tokens (RFC 8725 §3.11, explicit typing). */
export const SESSION_TOKEN_TYPE = 'parley-session+jwt';

/** Leeway for clocks that disagree by a few seconds; small, so expiry still means expiry. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** The longest an identity token may live: it is traded for a session at once, not kept. */
export const IDENTITY_TOKEN_MAX_SECONDS = 15 * 60;
