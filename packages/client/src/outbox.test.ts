import type { Ack } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { createOutbox, type OutboxItem } from './outbox.js';

function server() {
  const stored = new Map<string, string>();
  let online = false;
  return {
    stored,
    setOnline(value: boolean) {
      online = value;
    },
    async send(item: Pick<OutboxItem, 'clientMsgId' | 'text'>): Promise<Ack<unknown>> {
      if (!online) return { ok: false, error: { code: 'UNAVAILABLE', message: 'offline' } };
      if (item.text === 'closed')
        return { ok: false, error: { code: 'CONVERSATION_CLOSED', message: 'closed' } };
      stored.set(item.clientMsgId, item.text);
      return { ok: true, data: { seq: stored.size } };
    },
  };
}

describe('createOutbox', () => {
  it('keeps messages typed offline and sends each once, in order, when back online', async () => {
    const s = server();
    const outbox = createOutbox({ send: (item) => s.send(item) });
    outbox.add('cv_1', 'first');
    outbox.add('cv_1', 'second');
    await outbox.flush();
    expect(outbox.items().map((i) => [i.text, i.status])).toEqual([
      ['first', 'queued'],
      ['second', 'queued'],
    ]);
    s.setOnline(true);
    await outbox.flush();
    await outbox.flush();
    expect([...s.stored.values()]).toEqual(['first', 'second']);
    expect(outbox.items()).toEqual([]);
  });

  it('marks a refused message failed, and retries it on request', async () => {
    const s = server();
    s.setOnline(true);
    const outbox = createOutbox({ send: (item) => s.send(item) });
    const item = outbox.add('cv_1', 'closed');
    await outbox.flush();
    expect(outbox.items()[0]).toMatchObject({
      status: 'failed',
      error: { code: 'CONVERSATION_CLOSED' },
    });
    outbox.discard(item.clientMsgId);
    expect(outbox.items()).toEqual([]);
  });

  it('survives a reload through its storage, resending an interrupted send with the same id', async () => {
    let saved: readonly OutboxItem[] = [];
    const storage = {
      load: () => [...saved],
      save: (items: readonly OutboxItem[]) => {
        saved = items;
      },
    };
    const s = server();
    const first = createOutbox({ send: () => new Promise<Ack<unknown>>(() => {}), storage });
    const item = first.add('cv_1', 'in the tunnel');
    expect(saved[0]?.status).toBe('sending');
    s.setOnline(true);
    const second = createOutbox({ send: (i) => s.send(i), storage });
    expect(second.items()[0]).toMatchObject({ clientMsgId: item.clientMsgId, status: 'queued' });
    await second.flush();
    expect([...s.stored.keys()]).toEqual([item.clientMsgId]);
  });
});
