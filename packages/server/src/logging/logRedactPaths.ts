/** The value that replaces anything redacted. */
export const REDACTED = '[redacted]';

/**
 * Keys whose values never appear in a log line, at any depth: message and note texts, tokens and
 * keys, phone numbers, credentials. Checked by name, whatever object they sit in.
 */
export const SENSITIVE_LOG_KEYS: ReadonlySet<string> = new Set([
  'text',
  'body',
  'note',
  'comment',
  'publicThread',
  'thread',
  'token',
  'sessionToken',
  'identityToken',
  'accessToken',
  'refreshToken',
  'auth',
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'secret',
  'archiveKey',
  'serviceKey',
  'apiKey',
  'x-api-key',
  'phone',
  'phone_number',
  'phoneNumber',
]);

/**
 * The same keys as pino `redact` paths, at the top level and one level down (`*.token`), plus
 * the request headers that carry credentials. pino's paths cannot reach every depth; the
 * formatter in `createLogger` does, by key name.
 *
 * @example
 * pino({ redact: { paths: LOG_REDACT_PATHS, censor: REDACTED } });
 */
export const LOG_REDACT_PATHS: readonly string[] = [
  ...[...SENSITIVE_LOG_KEYS].flatMap((key) => {
    const path = /^[A-Za-z_]\w*$/.test(key) ? key : `["${key}"]`;
    return [path, path.startsWith('[') ? `*${path}` : `*.${path}`];
  }),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'socket.handshake.auth',
  'handshake.auth',
];
