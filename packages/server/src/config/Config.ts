import type { Channel, OpeningHours, Role } from '@parley/protocol';

/**
 * Where the keys that verify an identity provider's tokens come from. The algorithm follows from
 * the key, never from a token header (RFC 8725 §3.1): a secret means HS256 only, an RSA key RS256
 * only, an EC P-256 key ES256 only.
 */
export type TokenKeySource =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'publicKey'; readonly pem: string; readonly algorithm: 'RS256' | 'ES256' }
  | { readonly kind: 'jwks'; readonly url: string };

/** How tokens from one identity provider are verified. */
export interface TokenVerification {
  readonly issuer: string;
  readonly audience: string;
  readonly key: TokenKeySource;
}

/** A team's weekly hours as configured; `openNow` is computed at request time. */
export type TeamOpeningHours = Omit<OpeningHours, 'openNow'>;

/** A team of agents with its own queue. */
export interface TeamConfig {
  readonly id: string;
  readonly name: string;
  /** `null`: always open. */
  readonly openingHours: TeamOpeningHours | null;
}

/** A demo agent, for whom `mintDemoTokens` signs tokens in demo mode. */
export interface DemoAgent {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly teams: readonly string[];
}

/** Express's `trust proxy`: off, a hop count, or the addresses/subnets of trusted proxies. */
export type TrustProxy = false | number | readonly string[];

/** pino's levels, plus `silent`. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The server's validated, frozen configuration. Each field mirrors a variable of `CONFIG_VARIABLES`. */
export interface Config {
  readonly demo: boolean;
  readonly port: number;
  readonly host: string;
  /** Absolute. */
  readonly dataDir: string;
  /** No trailing slash, e.g. `https://chat.bank.example`. */
  readonly publicUrl: string;
  readonly chatUrl: string;
  /** The bank's agent sign-on page; null in demo set-ups without one. */
  readonly consoleSignInUrl: string | null;
  /** The bank's customer login page the hosted chat page sends customers to; null when unset. */
  readonly customerSignInUrl: string | null;
  /** Exact origins, e.g. `https://bank.example`. */
  readonly allowedOrigins: readonly string[];
  /** CSP source expressions, e.g. `["'self'", "https://*.bank.example"]`. */
  readonly frameAncestors: readonly string[];
  readonly trustProxy: TrustProxy;
  readonly databaseUrl: string | null;
  readonly redisUrl: string | null;
  /** Prefix of every Redis key and stream. */
  readonly redisPrefix: string;
  /** `null`: keep forever. */
  readonly retentionDays: number | null;
  readonly handoffTtlHours: number;
  readonly fallbackSeconds: number;
  readonly idleCloseMinutes: number;
  readonly slaMinutes: Readonly<Record<Channel, number>>;
  readonly teams: readonly TeamConfig[];
  readonly anonymousChat: boolean;
  readonly rateLimits: { readonly claimsPerMinute: number; readonly socketEventsPerSecond: number };
  readonly logLevel: LogLevel;
  /** Metrics are served when `token` or `port` is set. */
  readonly metrics: {
    readonly enabled: boolean;
    readonly token: string | null;
    readonly port: number | null;
  };
  readonly callbackWebhook: { readonly url: string; readonly secret: string } | null;
  readonly agentTokens: TokenVerification;
  readonly customerTokens: TokenVerification;
  /** Parley's own customer session tokens (HS256). */
  readonly session: {
    readonly secret: string;
    readonly issuer: string;
    readonly audience: string;
    readonly ttlMinutes: number;
    readonly graceSeconds: number;
    /** How long one sign-in lasts however often its session is refreshed. */
    readonly maxHours: number;
  };
  readonly archiveKey: string;
  /** Empty outside demo mode. */
  readonly demoAgents: readonly DemoAgent[];
}
