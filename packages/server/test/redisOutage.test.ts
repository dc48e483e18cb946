import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer } from '../../../bench/chaos/redisServer.mjs';
import { handoffInput } from './fixtures.js';
import { ok, startTestServer, type TestServer, talk } from './harness.js';

/**
 * A node whose Redis goes down: its own sockets keep talking. Redis carries fan-out to the OTHER
 * nodes only, so a customer and an agent on one node must not wait for it. A private redis-server
 * on its own port, which this test kills; never the shared one.
 */
describe('a node while its Redis is down', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  let node: TestServer;
  let stopped = false;

  beforeAll(async () => {
    redis = await startRedisServer();
    node = await startTestServer({ REDIS_URL: redis.url, PARLEY_REDIS_PREFIX: 'parley-outage' });
  });
  afterAll(async () => {
    if (!stopped) await node?.stop();
    await redis?.stop();
  });

  it('relays between a customer and an agent on the node, both ways', async () => {
    const olga = await node.agent('olga', { name: 'Olga' });
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const anna = await node.customer('cust-anna');
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    await ok(
      olga.emitWithAck('conversation:join', { conversationId: conversation.id, afterSeq: 0 }),
    );

    await redis.kill();

    expect(await talk(anna, olga, conversation.id, 'Is anyone there?', 'Yes, I am here.')).toEqual([
      'Is anyone there?',
      'Yes, I am here.',
    ]);
  });

  it('stops without waiting for Redis to come back', async () => {
    // Replies to what it queued for Redis will never come; a graceful close would wait for them.
    const started = performance.now();
    await node.stop();
    stopped = true;
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
