import type { Message } from '@parley/protocol';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handoffInput } from './fixtures.js';
import { ok, startTestServer, type TestServer } from './harness.js';

describe('who is sent a new message', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.stop();
  });

  it("pushes it to every other socket of the conversation; the sender's socket has it in its ack", async () => {
    const olga = await t.agent('olga', { name: 'Olga' });
    const olgaOtherConsole = await t.agent('olga', { name: 'Olga' });
    const created = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const anna = await t.customer('cust-anna', 'Anna');
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code: created.code }));
    const annaOtherTab = await t.customer('cust-anna', 'Anna');
    await ok(
      annaOtherTab.emitWithAck('conversation:resume', {
        conversationId: conversation.id,
        afterSeq: 0,
      }),
    );
    await ok(
      olga.emitWithAck('conversation:join', { conversationId: conversation.id, afterSeq: 0 }),
    );

    const seen = new Map<string, string[]>();
    const sockets: Record<string, Socket> = { anna, annaOtherTab, olga, olgaOtherConsole };
    for (const [name, socket] of Object.entries(sockets)) {
      seen.set(name, []);
      socket.on('message:new', (message: Pick<Message, 'clientMsgId'>) => {
        seen.get(name)?.push(message.clientMsgId ?? 'system');
      });
    }

    const fromAnna = await ok(
      anna.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMsgId: 'anna-own-0001',
        text: 'Is my refund on its way?',
      }),
    );
    const fromOlga = await ok(
      olga.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMsgId: 'olga-own-0001',
        text: 'It is, Anna: three working days.',
      }),
    );
    expect([fromAnna.seq + 1, fromAnna.clientMsgId]).toEqual([fromOlga.seq, 'anna-own-0001']);
    await vi.waitFor(() => {
      expect(seen.get('annaOtherTab')).toEqual(['anna-own-0001', 'olga-own-0001']);
      expect(seen.get('olgaOtherConsole')).toEqual(['anna-own-0001', 'olga-own-0001']);
    });
    // A push is sent at commit and the ack only once the message is durable, so on one
    // connection any push to the sender would have arrived before its ack.
    expect(seen.get('anna')).toEqual(['olga-own-0001']);
    expect(seen.get('olga')).toEqual(['anna-own-0001']);
  });
});
