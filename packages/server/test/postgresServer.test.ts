import type { Message } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInput } from './fixtures.js';
import { ok, startTestServer, type TestServer } from './harness.js';
import {
  createTestDatabase,
  dropLeftoverDatabases,
  dropTestDatabase,
  requirePostgres,
} from './postgres.js';

describe('the server on PostgreSQL', () => {
  let database: { name: string; url: string };
  let t: TestServer;
  beforeAll(async () => {
    await requirePostgres();
    database = await createTestDatabase();
    t = await startTestServer({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await t?.stop();
    if (database !== undefined) await dropTestDatabase(database.name);
    await dropLeftoverDatabases();
  });

  it('claims, relays and resumes after a restart with nothing lost or doubled', async () => {
    let olga = await t.agent('olga');
    let anna = await t.customer('cust-anna');
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    await ok(
      olga.emitWithAck('conversation:join', { conversationId: conversation.id, afterSeq: 0 }),
    );
    await ok(
      anna.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMsgId: 'anna-00001',
        text: 'карта 4276 3800 1234 5679',
      }),
    );

    await t.restart();
    olga = await t.agent('olga');
    anna = await t.customer('cust-anna');
    await ok(
      anna.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMsgId: 'anna-00001',
        text: 'карта 4276 3800 1234 5679',
      }),
    );
    await ok(
      anna.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMsgId: 'anna-00002',
        text: 'after restart',
      }),
    );
    const { messages } = await ok(
      olga.emitWithAck('conversation:join', { conversationId: conversation.id, afterSeq: 0 }),
    );
    expect(messages.map((m: Message) => m.seq)).toEqual(
      messages.map((_: Message, i: number) => i + 1),
    );
    const texts = messages.filter((m: Message) => m.kind === 'text').map((m: Message) => m.text);
    expect(texts).toEqual(['карта [card ••••5679]', 'after restart']);
    expect(await t.server.store.ping()).toBeUndefined();
  });
});
