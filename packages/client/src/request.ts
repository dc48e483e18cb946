import type {
  Ack,
  ClientEventTable,
  PayloadInputOf,
  RequestNames,
  ResultOf,
} from '@parley/protocol';

/** The part of a socket.io-client socket a request needs. */
export interface RequestSocket {
  readonly connected: boolean;
  timeout(ms: number): { emit(event: string, ...args: unknown[]): unknown };
}

/** The ack a request resolves with when the server could not be asked or did not answer. */
function unavailable(message: string): Ack<never> {
  return { ok: false, error: { code: 'UNAVAILABLE', message } };
}

/**
 * A typed request function for one namespace's event table: it resolves with the server's
 * `Ack` — never rejects — and turns "not connected" and "no answer in time" into an
 * `UNAVAILABLE` ack, so callers handle one shape. (socket.io-client types a timed
 * `emitWithAck` as `any`; this keeps the protocol's types.)
 *
 * @example
 * const request = createRequester<typeof customerRequests>(socket);
 * const ack = await request('handoff:claim', { code });
 */
export function createRequester<TTable extends ClientEventTable>(
  socket: RequestSocket,
  timeoutMs = 10_000,
) {
  return function request<K extends RequestNames<TTable> & string>(
    event: K,
    payload: PayloadInputOf<TTable, K>,
  ): Promise<Ack<ResultOf<TTable, K>>> {
    if (!socket.connected)
      return Promise.resolve(unavailable('Not connected; it will be retried.'));
    return new Promise((resolve) => {
      socket
        .timeout(timeoutMs)
        .emit(event, payload, (error: Error | null, ack: Ack<ResultOf<TTable, K>>) => {
          resolve(error === null ? ack : unavailable('The server did not answer in time.'));
        });
    });
  };
}
