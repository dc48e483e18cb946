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

/**
 * A handler for every request of a table: the socket's session and the payload in, the result
 * out, `ParleyError` for failures.
 */
export type RequestHandlers<TTable extends ClientEventTable, TSession> = {
  [K in RequestNames<TTable>]: (
    session: TSession,
    payload: PayloadOf<TTable, K>,
  ) => Promise<ResultOf<TTable, K>>;
};

/** A handler for every signal of a table. Signals have no ack; failures are dropped. */
export type SignalHandlers<TTable extends ClientEventTable, TSession> = {
  [K in Exclude<keyof TTable, RequestNames<TTable>>]: (
    session: TSession,
    payload: PayloadOf<TTable, K>,
  ) => Promise<void>;
};

/** The part of a Socket.IO server socket this module uses. */
interface EventSource {
  /**
   * Sees every incoming event, with its arguments (the ack callback last, when the client asked
   * for one). Socket.IO's own events (`disconnect`, `error`) never reach it.
   */
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
}

type AnyHandler = (session: unknown, payload: unknown) => Promise<unknown>;
type EventSpec = ClientEventTable[string];

/** Turns anything thrown into the wire error a client may see. */
export function toWireError(error: unknown): WireError {
  return error instanceof ParleyError ? error.toWire() : new ParleyError('INTERNAL').toWire();
}

/**
 * Serves a protocol event table: every inbound payload is validated with the table's schema
 * before its handler runs, every request is answered with an `Ack`, and nothing thrown escapes to
 * Socket.IO (which would drop the ack and leave the client waiting). A request without a callback
 * is ignored: there is no one to answer. An event of no table still passes `before` (so it counts
 * against the flood guard) and is answered `NOT_FOUND` if it asked for an answer.
 *
 * Built once per namespace; what it returns binds one socket and its session. The handlers are
 * shared by every socket and get the session as an argument, so a connected socket costs one
 * listener, not a listener and a handler closure per event: with thousands of sockets per node
 * that was about 6 KB each, all of it traced again at every full garbage collection.
 *
 * @example
 * const bind = eventRouter(customerRequests, handlers, signals, { before, report });
 * namespace.on('connection', (socket) => bind(socket, { socket, guard, clock }));
 */
export function eventRouter<TTable extends ClientEventTable, TSession>(
  table: TTable,
  requests: RequestHandlers<TTable, TSession>,
  signals: SignalHandlers<TTable, TSession>,
  options: {
    /** Runs before validation (rate limits, session checks); throw a ParleyError to refuse. */
    before?: (session: TSession, event: string) => void;
    report: EventErrorReporter;
  },
): (socket: EventSource, session: TSession) => void {
  const handlers = { ...requests, ...signals } as Record<string, AnyHandler | undefined>;

  // An event of no table has no handler, so without this it would bypass the flood guard: a
  // socket could send unbound names forever without being throttled or disconnected, and a
  // request among them would wait for an ack that never comes.
  const unknownEvent = (session: TSession, event: string, args: unknown[]) => {
    let answer = new ParleyError(
      'NOT_FOUND',
      'No such event in this namespace. See docs/protocol.md for the events a client may send.',
    ).toWire();
    try {
      options.before?.(session, event);
    } catch (error) {
      answer = toWireError(error);
    }
    const ack = args[args.length - 1];
    if (typeof ack === 'function')
      (ack as (response: Ack<never>) => void)({ ok: false, error: answer });
  };

  const request = async (
    session: TSession,
    event: string,
    spec: EventSpec,
    handler: AnyHandler,
    payload: unknown,
    reply: (response: Ack<unknown>) => void,
  ) => {
    try {
      options.before?.(session, event);
      const parsed = validate(spec.payload, payload);
      if (!parsed.ok) return reply({ ok: false, error: parsed.error });
      reply({ ok: true, data: await handler(session, parsed.value) });
    } catch (error) {
      if (!(error instanceof ParleyError)) options.report.unexpected(event, error);
      reply({ ok: false, error: toWireError(error) });
    }
  };

  const signal = async (
    session: TSession,
    event: string,
    spec: EventSpec,
    handler: AnyHandler,
    payload: unknown,
  ) => {
    try {
      options.before?.(session, event);
      const parsed = validate(spec.payload, payload);
      if (parsed.ok) await handler(session, parsed.value);
    } catch (error) {
      if (!(error instanceof ParleyError)) options.report.unexpected(event, error);
    }
  };

  const route = (session: TSession, event: string, args: unknown[]) => {
    const spec = Object.hasOwn(table, event) ? table[event] : undefined;
    if (spec === undefined) return unknownEvent(session, event, args);
    const handler = handlers[event];
    if (handler === undefined) return;
    // As with a named listener: the payload first, the ack second.
    const [payload, ack] = args;
    if (spec.kind === 'signal') return void signal(session, event, spec, handler, payload);
    if (typeof ack === 'function')
      void request(session, event, spec, handler, payload, ack as (response: Ack<unknown>) => void);
  };

  return (socket, session) => {
    socket.onAny((event, ...args) => route(session, event, args));
  };
}
