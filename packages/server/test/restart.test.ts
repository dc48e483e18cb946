import type { CustomerMessage, Message } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInput } from './fixtures.js';
import { ok, startTestServer, type TestServer } from './harness.js';

describe('a server restart mid-conversation', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('loses nothing and duplicates nothing: both sides resume from the seq they hold', async () => {
    let olga = await t.agent('olga');
    let anna = await t.customer('cust-anna');
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    const conversationId = conversation.id;
    await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));

    const annaSeen: CustomerMessage[] = [];
    anna.on('message:new', (m) => annaSeen.push(m));
    for (let i = 1; i <= 5; i += 1) {
      await ok(
        anna.emitWithAck('message:send', {
          conversationId,
          clientMsgId: `anna-before-${i}`,
          text: `before ${i}`,
        }),
      );
      await ok(
        olga.emitWithAck('message:send', {
          conversationId,
          clientMsgId: `olga-before-${i}`,
          text: `reply ${i}`,
        }),
      );
    }
    const annaHolds = Math.max(...annaSeen.map((m) => m.seq));

    await t.restart();
    anna = await t.customer('cust-anna');
    olga = await t.agent('olga');

    // Anna's outbox resends a message the server had stored before the restart: it is not doubled.
    const repeat = await ok(
      anna.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'anna-before-5',
        text: 'before 5',
      }),
    );
    expect(repeat.text).toBe('before 5');
    await ok(
      olga.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'olga-after-1',
        text: 'after restart',
      }),
    );

    const resumed = await ok(
      anna.emitWithAck('conversation:resume', { conversationId, afterSeq: annaHolds }),
    );
    expect(resumed.messages.map((m) => m.text)).toEqual(['after restart']);

    const all = await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));
    const seqs = all.messages.map((m: Message) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const texts = all.messages
      .filter((m: Message) => m.kind === 'text')
      .map((m: Message) => m.text);
    expect(texts.filter((text) => text === 'before 5')).toHaveLength(1);
    expect(texts).toHaveLength(11);
  });
});
