import { randomBytes } from 'node:crypto';
import type { HandoffClaimed } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInput } from './fixtures.js';
import { nextEvent, ok, startTestServer, type TestServer, talk } from './harness.js';
import { dropKeys, REDIS_URL, type RedisClient, requireRedis } from './redis.js';

describe('two nodes sharing Redis', () => {
  const prefix = `parley-test-${randomBytes(6).toString('hex')}`;
  let redis: RedisClient;
  let nodeA: TestServer;
  let nodeB: TestServer;

  beforeAll(async () => {
    redis = await requireRedis();
    nodeA = await startTestServer({ REDIS_URL, PARLEY_REDIS_PREFIX: prefix });
    // Node B shares node A's data folder: one SQLite file, as two nodes on one host would.
    nodeB = await startTestServer({
      REDIS_URL,
      PARLEY_REDIS_PREFIX: prefix,
      PARLEY_DATA_DIR: nodeA.dataDir,
    });
  });
  afterAll(async () => {
    await nodeB?.server.close();
    await nodeA?.stop();
    if (redis?.isOpen) {
      await dropKeys(redis, prefix);
      await redis.close();
    }
  });

  it('relays between a customer on one node and the agent on the other, with presence shared', async () => {
    const olga = await nodeB.agent('olga', { name: 'Olga' });
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const anna = await nodeA.customer('cust-anna');

    // Node A sees Olga online (she is connected to node B), so the conversation waits for her.
    const claimed = nextEvent<HandoffClaimed>(olga, 'handoff:claimed');
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    expect(conversation.status).toMatchObject({ state: 'waiting', agent: { id: 'olga' } });
    await claimed;

    await ok(
      olga.emitWithAck('conversation:join', { conversationId: conversation.id, afterSeq: 0 }),
    );
    expect(await talk(anna, olga, conversation.id, 'через узлы', 'Got it')).toEqual([
      'через узлы',
      'Got it',
    ]);
  });

  it('moves a refreshed agent to the new token’s team in the presence both nodes read', async () => {
    const names = async (agent: Awaited<ReturnType<TestServer['agent']>>) =>
      (await ok(agent.emitWithAck('agent:list', {}))).map((entry) => `${entry.id}@${entry.team}`);
    const nadia = await nodeA.agent('nadia', { teams: ['social-care'] });
    const piotr = await nodeB.agent('piotr', { teams: ['social-care'] });
    const fiona = await nodeB.agent('fiona', { teams: ['fraud'] });
    expect(await names(piotr)).toContain('nadia@social-care');
    const moved = nodeA.mint.agentToken('nadia', {
      name: 'Nadia',
      roles: ['agent'],
      teams: ['fraud'],
    });
    await ok(nadia.emitWithAck('session:refresh', { token: moved.token }));
    expect(await names(piotr)).not.toContain('nadia@social-care');
    expect(await names(fiona)).toContain('nadia@fraud');
  });

  it('shares claim rate limits between nodes', async () => {
    const strictPrefix = `${prefix}-strict`;
    const a = await startTestServer({
      REDIS_URL,
      PARLEY_REDIS_PREFIX: strictPrefix,
      PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '3',
    });
    const b = await startTestServer({
      REDIS_URL,
      PARLEY_REDIS_PREFIX: strictPrefix,
      PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '3',
      PARLEY_DATA_DIR: a.dataDir,
    });
    try {
      const onA = await a.customer('cust-guess');
      const onB = await b.customer('cust-guess');
      const code = 'AAAAAAAAAAAAAAAAAAAAAA';
      const answers = [];
      for (const socket of [onA, onB, onA, onB])
        answers.push(await socket.emitWithAck('handoff:claim', { code }));
      expect(answers.map((x) => (x.ok ? 'ok' : x.error.code))).toEqual([
        'HANDOFF_NOT_FOUND',
        'HANDOFF_NOT_FOUND',
        'HANDOFF_NOT_FOUND',
        'RATE_LIMITED',
      ]);
    } finally {
      await b.server.close();
      await a.stop();
      await dropKeys(redis, strictPrefix);
    }
  });
});
