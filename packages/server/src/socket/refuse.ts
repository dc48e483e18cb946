import { ParleyError, type WireError } from '@parley/protocol';

/** The error a refused Socket.IO connection carries: the client reads `err.data`. */
export type ConnectError = Error & { data: WireError };

/**
 * Turns a failure in a namespace middleware into the error the client's `connect_error` sees,
 * with the same `{ code, message }` as every other error.
 *
 * @example
 * io.of('/agent').use((socket, next) => check(socket).then(() => next(), (e) => next(refuse(e))));
 */
export function refuse(error: unknown): ConnectError {
  const wire = error instanceof ParleyError ? error.toWire() : new ParleyError('INTERNAL').toWire();
  const refused = new Error(wire.message) as ConnectError;
  refused.data = wire;
  return refused;
}
