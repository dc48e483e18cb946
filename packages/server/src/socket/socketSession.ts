import { FloodGuard } from './floodGuard.js';
import type { SocketDeps } from './SocketDeps.js';
import { SessionClock, type SessionSocket } from './sessionClock.js';

/** What a namespace's handlers know of the socket they serve. */
export interface SocketSession<TSocket extends SessionSocket> {
  readonly socket: TSocket;
  readonly guard: FloodGuard;
  readonly clock: SessionClock;
}

/**
 * Starts a connected socket's session: its flood guard, and the clock of its token from
 * `expiresAt`. Call `session.clock.clear()` when the socket disconnects.
 *
 * @example
 * const session = startSession(socket, deps, socket.data.expiresAt);
 * bind(socket, session);
 */
export function startSession<TSocket extends SessionSocket>(
  socket: TSocket,
  deps: Pick<SocketDeps, 'limits' | 'sessionGraceMs'>,
  expiresAt: Date,
): SocketSession<TSocket> {
  return {
    socket,
    guard: new FloodGuard(deps.limits),
    clock: new SessionClock(socket, deps.sessionGraceMs, expiresAt),
  };
}

/**
 * What runs before every event of a session: the flood guard, then the token's expiry (past it,
 * only `session:refresh` is let through).
 */
export function admitEvent(session: SocketSession<SessionSocket>, event: string): void {
  session.guard.check(session.socket);
  session.clock.refuseIfExpired(event);
}
