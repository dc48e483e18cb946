import { ParleyError } from '@parley/protocol';

/** How long before expiry a client is warned, at most. */
const WARN_AHEAD_MS = 60_000;

/**
 * Watches one socket's token: warns the client with `session:expiring` shortly before the token
 * expires, and disconnects the socket when the grace period after expiry has passed without a
 * `session:refresh`. Two timers per socket, replaced on every refresh and cleared on disconnect.
 *
 * @example
 * const clock = createSessionClock({ graceMs: 60_000, warn, expire: () => socket.disconnect(true) });
 * clock.set(expiresAt);
 */
export function createSessionClock(options: {
  graceMs: number;
  warn: (expiresAt: Date, disconnectAt: Date) => void;
  expire: () => void;
}) {
  let warnTimer: NodeJS.Timeout | undefined;
  let expireTimer: NodeJS.Timeout | undefined;
  const clear = () => {
    clearTimeout(warnTimer);
    clearTimeout(expireTimer);
  };
  return {
    set(expiresAt: Date): void {
      clear();
      const disconnectAt = new Date(expiresAt.getTime() + options.graceMs);
      const untilExpiry = expiresAt.getTime() - Date.now();
      const warnIn = Math.max(0, untilExpiry - Math.min(WARN_AHEAD_MS, untilExpiry / 2));
      warnTimer = setTimeout(() => options.warn(expiresAt, disconnectAt), warnIn);
      expireTimer = setTimeout(options.expire, Math.max(0, disconnectAt.getTime() - Date.now()));
      warnTimer.unref();
      expireTimer.unref();
    },
    clear,
  };
}

/** The part of a server socket `watchSession` uses. */
interface SessionSocket {
  emit(event: 'session:expiring', payload: { expiresAt: string; disconnectAt: string }): unknown;
  disconnect(close: boolean): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
}

/** The one event a socket may send once its token has expired, during the grace period. */
const REFRESH_EVENT = 'session:refresh';

/**
 * Watches a socket's token from `expiresAt`: warns it with `session:expiring` and disconnects it
 * after the grace period. Call `set` again after a `session:refresh`; the timers are cleared when
 * the socket disconnects. `refuseIfExpired` runs before every event: the grace period exists
 * only to let the client refresh, so past expiry anything but `session:refresh` is refused
 * `TOKEN_EXPIRED` (an expired token must not keep writing, reading or typing for another minute).
 *
 * @example
 * const clock = watchSession(socket, deps.sessionGraceMs, socket.data.expiresAt);
 * bindEvents(socket, table, handlers, signals, { before: (event) => clock.refuseIfExpired(event) });
 */
export function watchSession(socket: SessionSocket, graceMs: number, expiresAt: Date) {
  let current = expiresAt;
  const clock = createSessionClock({
    graceMs,
    warn: (at, disconnectAt) =>
      socket.emit('session:expiring', {
        expiresAt: at.toISOString(),
        disconnectAt: disconnectAt.toISOString(),
      }),
    expire: () => socket.disconnect(true),
  });
  clock.set(expiresAt);
  socket.on('disconnect', () => clock.clear());
  return {
    set(next: Date): void {
      current = next;
      clock.set(next);
    },
    refuseIfExpired(event: string): void {
      if (event === REFRESH_EVENT || Date.now() < current.getTime()) return;
      throw new ParleyError(
        'TOKEN_EXPIRED',
        `The session expired at ${current.toISOString()}. Send a fresh token with session:refresh; nothing else is accepted until then.`,
      );
    },
  };
}
