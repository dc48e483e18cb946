import type { CustomerConversationUpdate } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInput } from './fixtures.js';
import { nextEvent, ok, startTestServer, type TestServer } from './harness.js';

describe('the same-agent fallback', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PARLEY_FALLBACK_SECONDS: '10' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('moves an unanswered conversation to the team queue once, across a restart', async () => {
    const olga = await t.agent('olga');
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const anna = await t.customer('cust-anna');
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    expect(conversation.status.state).toBe('waiting');

    // Nothing happens before the deadline.
    expect(await t.server.ctx.store.dueFallbacks(new Date().toISOString())).toEqual([]);

    // Move the clock past the deadline instead of waiting, on two "nodes" sweeping at once.
    const { sweepFallbacks } = await import('../src/conversations/sweeps.js');
    const later = { ...t.server.ctx, now: () => new Date(Date.now() + 11_000) };
    const told = nextEvent<CustomerConversationUpdate>(
      anna,
      'conversation:updated',
      (u) => u.reason === 'fallback',
    );
    const moved = await Promise.all([
      sweepFallbacks(later),
      sweepFallbacks(later),
      sweepFallbacks(later),
    ]);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(1);
    const update = await told;
    expect(update.conversation.status).toMatchObject({ state: 'queued', position: 1 });

    await t.restart();
    const again = { ...t.server.ctx, now: () => new Date(Date.now() + 11_000) };
    expect(await sweepFallbacks(again)).toBe(0);
  });

  it('goes straight to the queue when the agent who made the handoff is offline', async () => {
    const olga = await t.agent('olga');
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    olga.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const anna = await t.customer('cust-anna-2');
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    expect(conversation.status).toMatchObject({ state: 'queued' });
  });

  it('assigns a queued conversation to exactly one of two agents joining at once', async () => {
    const anna = await t.customer('cust-anna-3');
    const { conversation } = await ok(anna.emitWithAck('conversation:start', {}));
    const [alice, bob] = await Promise.all([t.agent('alice'), t.agent('bob')]);
    const answers = await Promise.all([
      alice.emitWithAck('conversation:join', { conversationId: conversation.id, afterSeq: 0 }),
      bob.emitWithAck('conversation:join', { conversationId: conversation.id, afterSeq: 0 }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
