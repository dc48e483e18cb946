import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

/** An id a client or proxy may pass in `X-Request-Id`: short and harmless in a log line. */
const REQUEST_ID_REGEX = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * A request id: the caller's `X-Request-Id` when it is well-formed (so a proxy's id links the
 * logs), else a fresh UUID. Anything else is ignored rather than logged.
 *
 * @example
 * const requestId = createRequestId(req.headers['x-request-id']);
 */
export function createRequestId(incoming?: string | readonly string[]): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof candidate === 'string' && REQUEST_ID_REGEX.test(candidate)
    ? candidate
    : randomUUID();
}

/**
 * A child logger whose every line carries `requestId`, for one HTTP request or one socket.
 *
 * @example
 * const log = withRequestId(logger, createRequestId(req.headers['x-request-id']));
 * log.info('handoff created'); // {"requestId":"…","msg":"handoff created",…}
 */
export function withRequestId(logger: Logger, requestId: string = createRequestId()): Logger {
  return logger.child({ requestId });
}
