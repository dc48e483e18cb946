import type { Ack } from '@parley/protocol';

type Handler = (...args: never[]) => void;
type Answer = (payload: unknown) => Ack<unknown> | undefined;

/**
 * Enough of a socket.io-client socket to drive the chat session without a server: records what
 * the widget emits, answers requests from `answers`, and lets the test push server events.
 *
 * @example
 * const socket = new FakeSocket({ 'handoff:claim': () => ({ ok: true, data: snapshot }) });
 * socket.serverConnect();
 */
export class FakeSocket {
  connected = false;
  readonly emitted: { event: string; payload: unknown }[] = [];
  readonly handlers = new Map<string, Handler[]>();
  options: { auth?: (cb: (auth: unknown) => void) => void } = {};

  constructor(readonly answers: Record<string, Answer> = {}) {}

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }
  connect(): this {
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  emit(event: string, payload: unknown): this {
    this.emitted.push({ event, payload });
    return this;
  }
  timeout() {
    return {
      emit: (
        event: string,
        payload: unknown,
        ack: (error: Error | null, answer: unknown) => void,
      ) => {
        this.emitted.push({ event, payload });
        const answer = this.answers[event]?.(payload);
        queueMicrotask(() =>
          answer === undefined ? ack(new Error('timeout'), undefined) : ack(null, answer),
        );
      },
    };
  }
  /** The server pushes an event (or the transport reports one). */
  push(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? [])
      (handler as (...a: unknown[]) => void)(...args);
  }
  serverConnect(): void {
    this.connected = true;
    this.push('connect');
  }
  /** The events of one name the widget emitted, in order. */
  sent(event: string): unknown[] {
    return this.emitted.filter((e) => e.event === event).map((e) => e.payload);
  }
}
