import type { GenericSchema, InferInput, InferOutput } from 'valibot';
import type { WireError } from '../errors.js';

/**
 * How an event table is written down. A table is a plain object of specs; the Socket.IO event
 * maps are derived from it by the types below, and the server validates each payload with the
 * spec's schema before a handler runs. One table per direction and namespace, nothing declared twice.
 */

/** A request: the client emits `payload` with an ack callback and gets an {@link Ack} of `result`. */
export interface RequestSpec<
  TPayload extends GenericSchema = GenericSchema,
  TResult extends GenericSchema = GenericSchema,
> {
  readonly kind: 'request';
  readonly payload: TPayload;
  readonly result: TResult;
}

/** A signal: fire-and-forget (typing, read receipts); no ack, invalid ones are dropped. */
export interface SignalSpec<TPayload extends GenericSchema = GenericSchema> {
  readonly kind: 'signal';
  readonly payload: TPayload;
}

/** A table of events a client may emit. */
export type ClientEventTable = Readonly<Record<string, RequestSpec | SignalSpec>>;

/** A table of events the server pushes: the schema of each payload. */
export type ServerEventTable = Readonly<Record<string, GenericSchema>>;

/**
 * Declares a request event.
 *
 * @example
 * const table = { 'message:send': request(SendMessage, Message) };
 */
export function request<TPayload extends GenericSchema, TResult extends GenericSchema>(
  payload: TPayload,
  result: TResult,
): RequestSpec<TPayload, TResult> {
  return { kind: 'request', payload, result };
}

/**
 * Declares a signal event.
 *
 * @example
 * const table = { typing: signal(TypingSignal) };
 */
export function signal<TPayload extends GenericSchema>(payload: TPayload): SignalSpec<TPayload> {
  return { kind: 'signal', payload };
}

/** The answer to every request: the result, or a typed error. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: WireError };

/** The ack callback of a request. */
export type AckCallback<T> = (response: Ack<T>) => void;

/**
 * The Socket.IO map of events a client emits, derived from a table: requests take the payload and
 * a trailing ack callback, signals the payload alone. Used as `Server<ClientEvents…>` on the
 * server and flipped as `Socket<ServerEvents…, ClientEvents…>` on the client.
 */
export type ClientEventsOf<TTable extends ClientEventTable> = {
  [K in keyof TTable]: TTable[K] extends RequestSpec<infer P, infer R>
    ? (payload: InferInput<P>, ack: AckCallback<InferOutput<R>>) => void
    : TTable[K] extends SignalSpec<infer P>
      ? (payload: InferInput<P>) => void
      : never;
};

/** The Socket.IO map of events the server emits, derived from a table. */
export type ServerEventsOf<TTable extends ServerEventTable> = {
  [K in keyof TTable]: (payload: InferOutput<TTable[K]>) => void;
};

/** The payload type of event `K` of a client table. */
export type PayloadOf<TTable extends ClientEventTable, K extends keyof TTable> = InferOutput<
  TTable[K]['payload']
>;

/** The payload type of event `K` as a client writes it (before the schema's transforms). */
export type PayloadInputOf<TTable extends ClientEventTable, K extends keyof TTable> = InferInput<
  TTable[K]['payload']
>;

/** The result type of request `K` of a client table. */
export type ResultOf<TTable extends ClientEventTable, K extends keyof TTable> =
  TTable[K] extends RequestSpec<GenericSchema, infer R> ? InferOutput<R> : never;

/** The names of a table's request events. */
export type RequestNames<TTable extends ClientEventTable> = {
  [K in keyof TTable]: TTable[K] extends RequestSpec ? K : never;
}[keyof TTable];
