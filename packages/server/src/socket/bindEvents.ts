import {
  type Ack,
  type ClientEventTable,
  ParleyError,
  type PayloadOf,
  type RequestNames,
  type ResultOf,
  validate,
  type WireError,
} from '@parley/protocol';

/** What an event handler needs to know about the failure it could not handle. */
export interface EventErrorReporter {
  /** Logs an unexpected error with the event name; never the payload. */
  unexpected(event: string, error: unknown): void;
}

/** A handler for every request of a table: payload in, result out, `ParleyError` for failures. */
export type RequestHandlers<TTable extends ClientEventTable> = {
  [K in RequestNames<TTable>]: (payload: PayloadOf<TTable, K>) => Promise<ResultOf<TTable, K>>;
};

/** A handler for every signal of a table. Signals have no ack; failures are dropped. */
export type SignalHandlers<TTable extends ClientEventTable> = {
  [K in Exclude<keyof TTable, RequestNames<TTable>>]: (
    payload: PayloadOf<TTable, K>,
  ) => Promise<void>;
};

/** The part of a Socket.IO server socket this module uses. */
interface EventSource {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Sees every incoming event, bound or not (Socket.IO calls it before the named listeners). */
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
}

/** Turns anything thrown into the wire error a client may see. */
export function toWireError(error: unknown): WireError {
  return error instanceof ParleyError ? error.toWire() : new ParleyError('INTERNAL').toWire();
}

/**
 * Binds a protocol event table to a socket: every inbound payload is validated with the table's
 * schema before its handler runs, every request is answered with an `Ack`, and nothing thrown
 * escapes to Socket.IO (which would drop the ack and leave the client waiting). A request
 * without a callback is ignored: there is no one to answer. An event of neither kind still passes
 * `before` (so it counts against the flood guard) and a request among them is answered `NOT_FOUND`.
 *
 * @example
 * bindEvents(socket, customerRequests, handlers, signals, { before, report });
 */
export function bindEvents<TTable extends ClientEventTable>(
  socket: EventSource,
  table: TTable,
  requests: RequestHandlers<TTable>,
  signals: SignalHandlers<TTable>,
  options: {
    /** Runs before validation (rate limits, session checks); throw a ParleyError to refuse. */
    before?: (event: string) => void;
    report: EventErrorReporter;
  },
): void {
  // An event of no table has no listener, so without this it would bypass the flood guard: a
  // socket could send unbound names forever without being throttled or disconnected, and a
  // request among them would wait for an ack that never comes.
  socket.onAny((event, ...args) => {
    if (Object.hasOwn(table, event)) return;
    let answer = new ParleyError(
      'NOT_FOUND',
      'No such event in this namespace. See docs/protocol.md for the events a client may send.',
    ).toWire();
    try {
      options.before?.(event);
    } catch (error) {
      answer = toWireError(error);
    }
    const ack = args[args.length - 1];
    if (typeof ack === 'function')
      (ack as (response: Ack<never>) => void)({ ok: false, error: answer });
  });
  for (const [event, spec] of Object.entries(table)) {
    if (spec.kind === 'request') {
      const handler = (requests as Record<string, (payload: unknown) => Promise<unknown>>)[event];
      socket.on(event, (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function' || handler === undefined) return;
        const reply = ack as (response: Ack<unknown>) => void;
        void (async () => {
          try {
            options.before?.(event);
            const parsed = validate(spec.payload, payload);
            if (!parsed.ok) return reply({ ok: false, error: parsed.error });
            reply({ ok: true, data: await handler(parsed.value) });
          } catch (error) {
            if (!(error instanceof ParleyError)) options.report.unexpected(event, error);
            reply({ ok: false, error: toWireError(error) });
          }
        })();
      });
    } else {
      const handler = (signals as Record<string, (payload: unknown) => Promise<void>>)[event];
      socket.on(event, (payload: unknown) => {
        if (handler === undefined) return;
        void (async () => {
          try {
            options.before?.(event);
            const parsed = validate(spec.payload, payload);
            if (parsed.ok) await handler(parsed.value);
          } catch (error) {
            if (!(error instanceof ParleyError)) options.report.unexpected(event, error);
          }
        })();
      });
    }
  }
}
