import { ParleyError } from '@parley/protocol';
import { createTokenBucket } from '../limits/tokenBucket.js';

/** Per-socket event limits. */
export interface SocketLimits {
  /** Sustained events per second. */
  perSecond: number;
  /** Events allowed at once. */
  burst: number;
  /** Refused events within 10 seconds after which the socket is disconnected. */
  disconnectAfter: number;
}

/**
 * A socket's flood guard, run before every event: within the limit it does nothing; over it, the
 * event is refused with `RATE_LIMITED`; a socket that keeps flooding is disconnected, so one
 * client cannot starve everyone else on the node.
 *
 * @example
 * const guard = guardSocket(limits, () => socket.disconnect(true));
 * bindEvents(socket, table, handlers, signals, { before: guard, report });
 */
export function guardSocket(limits: SocketLimits, disconnect: () => void): () => void {
  const bucket = createTokenBucket(limits.burst, limits.perSecond);
  let refused = 0;
  let windowStart = Date.now();
  return () => {
    const now = Date.now();
    if (bucket.take(now)) return;
    if (now - windowStart > 10_000) {
      windowStart = now;
      refused = 0;
    }
    refused += 1;
    if (refused >= limits.disconnectAfter) disconnect();
    throw new ParleyError('RATE_LIMITED');
  };
}
