import pino from 'pino';
import { REDACTED, SENSITIVE_LOG_KEYS } from './logRedactPaths.js';
import { scrubLogText } from './scrubLogText.js';

const DEPTH_MAX = 8;

function scrub(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubLogText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= DEPTH_MAX) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) return scrub({ ...pino.stdSerializers.err(value) }, depth, seen);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1, seen));
  const prototype = Object.getPrototypeOf(value);
  // Class instances (dates, buffers, sockets) keep their own JSON form; requests have a serializer.
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE_LOG_KEYS.has(key) ? REDACTED : scrub(item, depth + 1, seen);
  }
  return out;
}

/**
 * A copy of a log object with sensitive keys censored at any depth, every string scrubbed with
 * {@link scrubLogText}, errors turned into plain `{ type, message, stack }` and cycles cut.
 *
 * @example
 * scrubLogValue({ user: { phone: '+48601234567' }, note: 'card 4111 1111 1111 1111' });
 * // { user: { phone: '[redacted]' }, note: '[redacted]' }
 */
export function scrubLogValue(value: unknown): unknown {
  return scrub(value, 0, new WeakSet());
}

/** The parts of an HTTP request worth logging: no body, no credentials, the path scrubbed. */
interface RequestLike {
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  socket?: { remoteAddress?: string };
}

/**
 * pino serializer for `req`: method, scrubbed URL, the user agent and the remote address. Other
 * headers are left out rather than filtered, so a new credential header cannot slip through.
 *
 * @example
 * logger.info({ req }, 'request refused');
 */
export function serializeRequest(req: RequestLike): Record<string, unknown> {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? scrubLogText(req.url) : undefined,
    userAgent:
      typeof req.headers?.['user-agent'] === 'string'
        ? scrubLogText(req.headers['user-agent'])
        : undefined,
    remoteAddress: req.socket?.remoteAddress,
  };
}
