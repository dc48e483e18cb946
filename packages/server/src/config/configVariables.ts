/** One environment variable the server reads: the single source of truth for the docs. */
export interface ConfigVariable {
  readonly name: string;
  /** The default as an operator reads it; `(unset)` when there is none. */
  readonly default: string;
  readonly description: string;
  /** A secret's value is never quoted in an error message or a log line. */
  readonly secret?: boolean;
}

const UNSET = '(unset)';
const TOKEN_KEY_SOURCE =
  'Exactly one of _SECRET (HS256, at least 32 bytes), _PUBLIC_KEY (PEM; RSA ≥ 2048 bits → RS256, EC P-256 → ES256; `\\n` escapes allowed) or _JWKS_URL (https; keys picked by `kid`, refetched on rotation) is required outside demo mode.';

/**
 * Every variable `loadConfig` reads, in the order the docs list them. The server reads the
 * environment only through `loadConfig`, which only accepts names from this table, so the docs
 * check can compare this table against the documentation.
 *
 * @example
 * for (const v of CONFIG_VARIABLES) console.log(`| \`${v.name}\` | ${v.default} | ${v.description} |`);
 */
export const CONFIG_VARIABLES = [
  // ── Network ────────────────────────────────────────────────────────────────────────────────
  { name: 'PARLEY_PORT', default: '8080', description: 'HTTP port; 0 picks a free port (tests).' },
  {
    name: 'PARLEY_HOST',
    default: '127.0.0.1 in demo mode, else 0.0.0.0',
    description:
      'Interface to listen on. The demo binds to loopback because it hands out demo tokens; set 0.0.0.0 to expose it (e.g. in a container).',
  },
  {
    name: 'PARLEY_DATA_DIR',
    default: './data',
    description:
      'Directory for the SQLite file and demo secrets, resolved against the working directory.',
  },
  {
    name: 'PARLEY_DEMO',
    default: 'false',
    description:
      'Demo mode (`1`/`true`): generates and persists secrets in the data dir, sets demo issuers and audiences, and enables the demo agents alice, bob, sam (supervisor) and ewa (compliance). Never in production.',
  },
  {
    name: 'PARLEY_PUBLIC_URL',
    default: 'http://localhost:<port>',
    description:
      'The public base URL handoff links use (`<url>/h/<code>`), possibly on the bank’s domain. http(s), no trailing slash, no query.',
  },
  {
    name: 'PARLEY_CHAT_URL',
    default: '<PARLEY_PUBLIC_URL>/chat',
    description:
      'Where the `/h/<code>` page sends the customer to sign in and chat, e.g. a page of the bank’s app that embeds the widget.',
  },
  {
    name: 'PARLEY_CONSOLE_SIGN_IN_URL',
    default: 'unset (demo: pick a demo agent)',
    description:
      'The bank’s single sign-on page for agents. The console sends agents there with `?return_to=<console URL>`; it must return to that URL with the agent’s token in the fragment: `#token=<jwt>`.',
  },
  {
    name: 'PARLEY_CUSTOMER_SIGN_IN_URL',
    default: 'unset (demo: a demo sign-in form)',
    description:
      'The bank’s customer login page, for the hosted chat page `/chat`. The widget sends customers there with `?parley_return=<chat URL>`; it must return to that URL with the customer’s identity token in the fragment: `#parley-token=<jwt>`.',
  },
  {
    name: 'PARLEY_ALLOWED_ORIGINS',
    default:
      'the origin of PARLEY_PUBLIC_URL (demo: also http://localhost:<port> and http://127.0.0.1:<port>)',
    description:
      'Comma-separated origins (`https://bank.example`) whose pages may open sockets and call the API. `*` is refused.',
  },
  {
    name: 'PARLEY_FRAME_ANCESTORS',
    default: "'self'",
    description:
      "CSP frame-ancestors of the hosted chat page: `'self'`, `'none'` or space/comma-separated origins such as `https://*.bank.example`. `*` is refused (clickjacking).",
  },
  {
    name: 'PARLEY_TRUST_PROXY',
    default: 'false',
    description:
      'Express `trust proxy`: `false`, a hop count (`1` behind one load balancer), or comma-separated IPs/subnets (`10.0.0.0/8`, `loopback`). `true` is refused: it lets any client forge its address.',
  },
  // ── Storage ────────────────────────────────────────────────────────────────────────────────
  {
    name: 'DATABASE_URL',
    default: UNSET,
    description: 'PostgreSQL URL (`postgres://…`). Unset: an embedded SQLite file in the data dir.',
    secret: true,
  },
  {
    name: 'REDIS_URL',
    default: UNSET,
    description:
      'Redis URL (`redis://…` or `rediss://…`) to run several instances. Unset: a single instance.',
    secret: true,
  },
  {
    name: 'PARLEY_REDIS_PREFIX',
    default: 'parley',
    description:
      'Prefix of every Redis key and stream Parley uses, so several deployments (or test runs) can share one Redis.',
  },
  {
    name: 'PARLEY_RETENTION_DAYS',
    default: '(unset: keep forever)',
    description:
      'Days after closing before a conversation is erased (legal holds excepted); at least 1.',
  },
  // ── Conversation timing ───────────────────────────────────────────────────────────────────
  {
    name: 'PARLEY_HANDOFF_TTL_HOURS',
    default: '24',
    description: 'How long a handoff link stays claimable (1–720).',
  },
  {
    name: 'PARLEY_FALLBACK_SECONDS',
    default: '120',
    description:
      'How long the agent who made the handoff has to answer before the conversation falls back to the team queue (10–3600).',
  },
  {
    name: 'PARLEY_IDLE_CLOSE_MINUTES',
    default: '60',
    description: 'An active conversation with no message for this long is closed (5–10080).',
  },
  {
    name: 'PARLEY_SLA_X_MINUTES',
    default: '15',
    description: 'First-answer target for conversations from X (1–10080).',
  },
  {
    name: 'PARLEY_SLA_FACEBOOK_MINUTES',
    default: '30',
    description: 'First-answer target for conversations from Facebook (1–10080).',
  },
  {
    name: 'PARLEY_SLA_WEB_MINUTES',
    default: '5',
    description: 'First-answer target for conversations started on the web (1–10080).',
  },
  {
    name: 'PARLEY_SLA_OTHER_MINUTES',
    default: '30',
    description: 'First-answer target for other channels (1–10080).',
  },
  {
    name: 'PARLEY_TEAMS',
    default: '[{"id":"social-care","name":"Social care","openingHours":null}]',
    description:
      'JSON list of teams: `{ id, name, openingHours: { timeZone, weekly: [{ days: [1..7], from: "08:00", to: "22:00" }] } | null }`; null means always open.',
  },
  // ── Customers ─────────────────────────────────────────────────────────────────────────────
  {
    name: 'PARLEY_ANONYMOUS_CHAT',
    default: 'false',
    description: 'Allow `conversation:start` without the bank’s identity token.',
  },
  {
    name: 'PARLEY_SESSION_TTL_MINUTES',
    default: '60',
    description: 'Lifetime of a Parley customer session token (5–1440).',
  },
  {
    name: 'PARLEY_SESSION_MAX_HOURS',
    default: '12',
    description:
      'The longest a customer may chat on one sign-in (1–168): refreshing a session never takes it past this many hours after the bank’s identity token was traded for it.',
  },
  {
    name: 'PARLEY_SESSION_GRACE_SECONDS',
    default: '60',
    description:
      'How long a socket whose token expired may still send `session:refresh` before it is closed (0–600).',
  },
  {
    name: 'PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE',
    default: '10',
    description: 'Handoff claims allowed per client address and per customer per minute (1–1000).',
  },
  {
    name: 'PARLEY_RATE_LIMIT_SOCKET_EVENTS_PER_SECOND',
    default: '20',
    description: 'Events one socket may send per second before it is throttled (1–1000).',
  },
  // ── Operations ────────────────────────────────────────────────────────────────────────────
  {
    name: 'PARLEY_LOG_LEVEL',
    default: 'info',
    description:
      'fatal, error, warn, info, debug, trace or silent. Logs never hold message text, tokens or phone numbers.',
  },
  {
    name: 'PARLEY_METRICS_TOKEN',
    default: UNSET,
    description:
      'Bearer token (at least 32 characters) required by `GET /metrics`. With neither this nor PARLEY_METRICS_PORT, metrics are not served.',
    secret: true,
  },
  {
    name: 'PARLEY_METRICS_PORT',
    default: UNSET,
    description: 'Serve `/metrics` on this separate (internal) port instead of the main one.',
  },
  {
    name: 'PARLEY_CALLBACK_WEBHOOK_URL',
    default: UNSET,
    description:
      'https URL (http only for localhost) that receives call-back requests; set together with PARLEY_CALLBACK_WEBHOOK_SECRET.',
  },
  {
    name: 'PARLEY_CALLBACK_WEBHOOK_SECRET',
    default: UNSET,
    description:
      'HMAC key (at least 32 bytes) signing webhook bodies; set together with PARLEY_CALLBACK_WEBHOOK_URL.',
    secret: true,
  },
  // ── Tokens ────────────────────────────────────────────────────────────────────────────────
  {
    name: 'PARLEY_AGENT_JWT_ISSUER',
    default: 'demo: parley-demo-idp',
    description: 'Required `iss` of agents’ tokens from the bank’s identity provider.',
  },
  {
    name: 'PARLEY_AGENT_JWT_AUDIENCE',
    default: 'demo: parley-agent',
    description:
      'Required `aud` of agents’ tokens; must differ from the customer audience (RFC 8725 §3.12).',
  },
  {
    name: 'PARLEY_AGENT_JWT_SECRET',
    default: 'demo: generated',
    description: `Agents’ token key. ${TOKEN_KEY_SOURCE}`,
    secret: true,
  },
  {
    name: 'PARLEY_AGENT_JWT_PUBLIC_KEY',
    default: UNSET,
    description: 'Agents’ token verification key as PEM (see PARLEY_AGENT_JWT_SECRET).',
  },
  {
    name: 'PARLEY_AGENT_JWKS_URL',
    default: UNSET,
    description: 'Agents’ identity provider JWKS URL (see PARLEY_AGENT_JWT_SECRET).',
  },
  {
    name: 'PARLEY_CUSTOMER_JWT_ISSUER',
    default: 'demo: parley-demo-idp',
    description: 'Required `iss` of customers’ identity tokens (lifetime at most 15 minutes).',
  },
  {
    name: 'PARLEY_CUSTOMER_JWT_AUDIENCE',
    default: 'demo: parley-customer',
    description:
      'Required `aud` of customers’ identity tokens; must differ from the agent audience.',
  },
  {
    name: 'PARLEY_CUSTOMER_JWT_SECRET',
    default: 'demo: generated',
    description: `Customers’ identity token key. ${TOKEN_KEY_SOURCE}`,
    secret: true,
  },
  {
    name: 'PARLEY_CUSTOMER_JWT_PUBLIC_KEY',
    default: UNSET,
    description:
      'Customers’ identity token verification key as PEM (see PARLEY_CUSTOMER_JWT_SECRET).',
  },
  {
    name: 'PARLEY_CUSTOMER_JWKS_URL',
    default: UNSET,
    description: 'Customers’ identity provider JWKS URL (see PARLEY_CUSTOMER_JWT_SECRET).',
  },
  {
    name: 'PARLEY_SESSION_SECRET',
    default: 'demo: generated',
    description:
      'HS256 key (at least 32 bytes) of Parley’s own customer session tokens; required outside demo mode and distinct from every other key.',
    secret: true,
  },
  {
    name: 'PARLEY_ARCHIVE_KEY',
    default: 'demo: generated',
    description:
      'HMAC key (at least 32 bytes) of the archive hash chain; required outside demo mode. Changing it breaks verification of older entries.',
    secret: true,
  },
] as const satisfies readonly ConfigVariable[];

/** A variable the server reads. */
export type ConfigVariableName = (typeof CONFIG_VARIABLES)[number]['name'];
