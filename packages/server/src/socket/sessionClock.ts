import { ParleyError } from '@parley/protocol';

/** How long before expiry a client is warned, at most. */
const WARN_AHEAD_MS = 60_000;

/** The one event a socket may send once its token has expired, during the grace period. */
const REFRESH_EVENT = 'session:refresh';

/** The part of a server socket a session clock uses. */
export interface SessionSocket {
  emit(event: 'session:expiring', payload: { expiresAt: string; disconnectAt: string }): unknown;
  disconnect(close: boolean): unknown;
}

// Timer callbacks at module level, given the clock as an argument: a socket's two timers then
// hold no closure of their own for the token's whole life.
function warn(clock: SessionClock): void {
  clock.socket.emit('session:expiring', {
    expiresAt: clock.expiresAt.toISOString(),
    disconnectAt: new Date(clock.expiresAt.getTime() + clock.graceMs).toISOString(),
  });
}

function expire(clock: SessionClock): void {
  clock.socket.disconnect(true);
}

/**
 * Watches one socket's token from `expiresAt`: warns the client with `session:expiring` shortly
 * before the token expires, and disconnects the socket when the grace period after expiry has
 * passed without a `session:refresh`. Two timers per socket, replaced by `set` after every
 * refresh; call `clear` when the socket disconnects. `refuseIfExpired` runs before every event:
 * the grace period exists only to let the client refresh, so past expiry anything but
 * `session:refresh` is refused `TOKEN_EXPIRED` (an expired token must not keep writing, reading
 * or typing for another minute).
 *
 * @example
 * const clock = new SessionClock(socket, deps.sessionGraceMs, socket.data.expiresAt);
 * clock.refuseIfExpired(event); // before each event
 * socket.on('disconnect', () => clock.clear());
 */
export class SessionClock {
  expiresAt: Date;
  private warnTimer: NodeJS.Timeout | undefined;
  private expireTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly socket: SessionSocket,
    readonly graceMs: number,
    expiresAt: Date,
  ) {
    this.expiresAt = expiresAt;
    this.set(expiresAt);
  }

  /** Starts the clock again for a token that expires at `expiresAt`. */
  set(expiresAt: Date): void {
    this.clear();
    this.expiresAt = expiresAt;
    const untilExpiry = expiresAt.getTime() - Date.now();
    const warnIn = Math.max(0, untilExpiry - Math.min(WARN_AHEAD_MS, untilExpiry / 2));
    this.warnTimer = setTimeout(warn, warnIn, this).unref();
    this.expireTimer = setTimeout(expire, Math.max(0, untilExpiry + this.graceMs), this).unref();
  }

  /** Stops both timers. */
  clear(): void {
    clearTimeout(this.warnTimer);
    clearTimeout(this.expireTimer);
  }

  /** Throws `TOKEN_EXPIRED` for anything but `session:refresh` once the token has expired. */
  refuseIfExpired(event: string): void {
    if (event === REFRESH_EVENT || Date.now() < this.expiresAt.getTime()) return;
    throw new ParleyError(
      'TOKEN_EXPIRED',
      `The session expired at ${this.expiresAt.toISOString()}. Send a fresh token with session:refresh; nothing else is accepted until then.`,
    );
  }
}
