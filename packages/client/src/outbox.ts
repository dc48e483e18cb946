import type { Ack, ErrorCode, WireError } from '@parley/protocol';
import { newClientMsgId } from './newClientMsgId.js';

/** A message written but not yet confirmed by the server. */
export interface OutboxItem {
  clientMsgId: string;
  conversationId: string;
  text: string;
  /** `queued`: waiting for a connection; `sending`: in flight; `failed`: refused, see `error`. */
  status: 'queued' | 'sending' | 'failed';
  error?: WireError;
}

/** Where the outbox keeps its items across page reloads (`sessionStorage` in the widget). */
export interface OutboxStorage {
  load(): OutboxItem[];
  save(items: readonly OutboxItem[]): void;
}

/** Errors after which the same message may succeed later: keep it queued. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set([
  'UNAVAILABLE',
  'RATE_LIMITED',
  'INTERNAL',
  'TOKEN_EXPIRED',
]);

/**
 * The outbox: messages typed while offline (or in a tunnel) wait here and are sent in order, each
 * exactly once — the server deduplicates by `clientMsgId`, so a message whose ack was lost is
 * simply sent again with the same id. A message the server refuses for good (closed
 * conversation, invalid text) is marked `failed` and offered for retry or discard.
 *
 * @example
 * const outbox = createOutbox({ send: (item) => request('message:send', item), onChange: render });
 * outbox.add(conversationId, 'Hello');
 * socket.on('connect', () => outbox.flush());
 */
export function createOutbox(options: {
  send: (
    item: Pick<OutboxItem, 'clientMsgId' | 'conversationId' | 'text'>,
  ) => Promise<Ack<unknown>>;
  onChange?: (items: readonly OutboxItem[]) => void;
  onSent?: (item: OutboxItem, data: unknown) => void;
  storage?: OutboxStorage;
}) {
  // A reload interrupts an in-flight send; it is simply sent again (same id, no duplicate).
  let items: OutboxItem[] = (options.storage?.load() ?? []).map((item) =>
    item.status === 'sending' ? { ...item, status: 'queued' } : item,
  );
  let flushing: Promise<void> | null = null;

  const changed = () => {
    options.storage?.save(items);
    options.onChange?.(items);
  };
  const update = (clientMsgId: string, patch: Partial<OutboxItem>) => {
    items = items.map((item) => (item.clientMsgId === clientMsgId ? { ...item, ...patch } : item));
    changed();
  };

  async function drain(): Promise<void> {
    for (;;) {
      const next = items.find((item) => item.status === 'queued');
      if (next === undefined) return;
      update(next.clientMsgId, { status: 'sending' });
      const ack = await options.send({
        clientMsgId: next.clientMsgId,
        conversationId: next.conversationId,
        text: next.text,
      });
      if (ack.ok) {
        items = items.filter((item) => item.clientMsgId !== next.clientMsgId);
        changed();
        options.onSent?.(next, ack.data);
      } else if (TRANSIENT.has(ack.error.code)) {
        update(next.clientMsgId, { status: 'queued' });
        return;
      } else {
        update(next.clientMsgId, { status: 'failed', error: ack.error });
      }
    }
  }

  const outbox = {
    /** Everything not yet confirmed, oldest first. */
    items: (): readonly OutboxItem[] => items,
    /** Queues a message and tries to send it. */
    add(conversationId: string, text: string): OutboxItem {
      const item: OutboxItem = {
        clientMsgId: newClientMsgId(),
        conversationId,
        text,
        status: 'queued',
      };
      items = [...items, item];
      changed();
      void outbox.flush();
      return item;
    },
    /** Sends what is queued, in order; concurrent calls share one pass. */
    flush(): Promise<void> {
      flushing ??= drain().finally(() => {
        flushing = null;
      });
      return flushing;
    },
    /** Puts a failed message back in the queue. */
    retry(clientMsgId: string): Promise<void> {
      update(clientMsgId, { status: 'queued', error: undefined });
      return outbox.flush();
    },
    /** Drops a message that will not be sent. */
    discard(clientMsgId: string): void {
      items = items.filter((item) => item.clientMsgId !== clientMsgId);
      changed();
    },
  };
  return outbox;
}

/** An outbox. */
export type Outbox = ReturnType<typeof createOutbox>;
