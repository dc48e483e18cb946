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

/** The part of a server socket the guard disconnects. */
interface Disconnectable {
  disconnect(close: boolean): unknown;
}

/**
 * A socket's flood guard, run before every event: within the limit it does nothing; over it, the
 * event is refused with `RATE_LIMITED`; a socket that keeps flooding is disconnected, so one
 * client cannot starve everyone else on the node. One small object per socket, no closures.
 *
 * @example
 * const guard = new FloodGuard(limits);
 * guard.check(socket); // before each event
 */
export class FloodGuard {
  private readonly bucket: ReturnType<typeof createTokenBucket>;
  private refused = 0;
  private windowStart = Date.now();

  constructor(private readonly limits: SocketLimits) {
    this.bucket = createTokenBucket(limits.burst, limits.perSecond);
  }

  /** Lets an event of `socket` through, or throws `RATE_LIMITED` (disconnecting a flooder). */
  check(socket: Disconnectable): void {
    const now = Date.now();
    if (this.bucket.take(now)) return;
    if (now - this.windowStart > 10_000) {
      this.windowStart = now;
      this.refused = 0;
    }
    this.refused += 1;
    if (this.refused >= this.limits.disconnectAfter) socket.disconnect(true);
    throw new ParleyError('RATE_LIMITED');
  }
}
