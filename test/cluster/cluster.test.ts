import { randomBytes } from 'node:crypto';
import {
  AGENT_NAMESPACE,
  CUSTOMER_NAMESPACE,
  type CustomerMessage,
  type HandoffClaimed,
  type Message,
  PROTOCOL_MAJOR,
  type SessionIssued,
} from '@parley/protocol';
import { createClient } from 'redis';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDemoTokens } from '../../packages/server/src/auth/mintDemoTokens.js';
import { loadConfig } from '../../packages/server/src/config/index.js';
import { handoffInput } from '../../packages/server/test/fixtures.js';
import {
  type AgentClient,
  type CustomerClient,
  nextEvent,
  ok,
  TEST_ENV,
} from '../../packages/server/test/harness.js';
import {
  createTestDatabase,
  dropLeftoverDatabases,
  dropTestDatabase,
  requirePostgres,
} from '../../packages/server/test/postgres.js';
import { type ClusterNode, startNode } from './startNode.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

function connect<T>(url: string, namespace: string, token: string): Promise<T> {
  const socket = io(`${url}${namespace}`, {
    auth: { token, v: PROTOCOL_MAJOR },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket as T));
    socket.once('connect_error', reject);
  });
}

describe('three nodes sharing PostgreSQL and Redis', () => {
  const prefix = `parley-cluster-${randomBytes(6).toString('hex')}`;
  let database: { name: string; url: string };
  let redis: ReturnType<typeof createClient>;
  const nodes: ClusterNode[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    await requirePostgres();
    redis = createClient({ url: REDIS_URL, socket: { reconnectStrategy: false } });
    redis.on('error', () => {});
    await redis.connect().catch(() => {
      throw new Error(
        'Redis is not answering at 127.0.0.1:6379. Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
      );
    });
    database = await createTestDatabase();
    env = {
      ...TEST_ENV,
      DATABASE_URL: database.url,
      REDIS_URL,
      PARLEY_REDIS_PREFIX: prefix,
      PARLEY_LOG_LEVEL: 'warn',
    };
    // Start one node first so the schema is migrated once, then the other two.
    nodes.push(await startNode(env));
    nodes.push(...(await Promise.all([startNode(env), startNode(env)])));
  });

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop().catch(() => {})));
    if (database !== undefined) await dropTestDatabase(database.name);
    await dropLeftoverDatabases();
    if (redis?.isOpen) {
      for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
        if (keys.length > 0) await redis.del(keys);
      }
      await redis.close();
    }
  });

  it('survives losing the customer’s node: nothing lost, nothing doubled, order kept', async () => {
    const [node1, node2, node3] = nodes as [ClusterNode, ClusterNode, ClusterNode];
    const mint = mintDemoTokens(loadConfig({ ...env, PARLEY_DATA_DIR: '/tmp' }));

    // The handoff is created on node 1; the agent works on node 2; the customer claims on node 3.
    const creator = await connect<AgentClient>(
      node1.url,
      AGENT_NAMESPACE,
      mint.agentToken('olga', { name: 'Olga', roles: ['agent'], teams: ['social-care'] }).token,
    );
    const olga = await connect<AgentClient>(
      node2.url,
      AGENT_NAMESPACE,
      mint.agentToken('olga', { name: 'Olga', roles: ['agent'], teams: ['social-care'] }).token,
    );
    const { code } = await ok(creator.emitWithAck('handoff:create', handoffInput()));
    creator.close();

    const identity = mint.customerIdentityToken({ sub: 'cust-anna', name: 'Anna' }).token;
    const anna = await connect<CustomerClient>(node3.url, CUSTOMER_NAMESPACE, identity);
    const session = await nextEvent<SessionIssued>(anna, 'session:issued');
    const claimed = nextEvent<HandoffClaimed>(olga, 'handoff:claimed');
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    expect(conversation.status).toMatchObject({ state: 'waiting', agent: { id: 'olga' } });
    await claimed;
    const conversationId = conversation.id;
    await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));

    const seenByAnna = new Map<number, CustomerMessage>();
    anna.on('message:new', (m) => seenByAnna.set(m.seq, m));
    for (let i = 1; i <= 3; i += 1) {
      const arrived = nextEvent<Message>(
        olga,
        'message:new',
        (m) => m.clientMsgId === `anna-${i}xxxx`,
      );
      // As the widget does: its own message comes back in the ack, the agent's as a push.
      const sent = await ok(
        anna.emitWithAck('message:send', {
          conversationId,
          clientMsgId: `anna-${i}xxxx`,
          text: `from node 3, #${i}`,
        }),
      );
      seenByAnna.set(sent.seq, sent);
      await arrived;
      await ok(
        olga.emitWithAck('message:send', {
          conversationId,
          clientMsgId: `olga-${i}xxxx`,
          text: `reply #${i}`,
        }),
      );
    }
    await expect.poll(() => seenByAnna.size, { timeout: 5_000 }).toBeGreaterThanOrEqual(6);
    const heldByAnna = Math.max(...seenByAnna.keys());

    // Node 3 dies. Meanwhile the agent keeps writing on node 2.
    await node3.kill();
    await ok(
      olga.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'olga-while-down',
        text: 'are you still there?',
      }),
    );

    // The customer's page reconnects to node 1 with its session token, resends its outbox (a
    // message whose ack was lost) and resumes from the seq it holds.
    const again = await connect<CustomerClient>(node1.url, CUSTOMER_NAMESPACE, session.token);
    await ok(
      again.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'anna-3xxxx',
        text: 'from node 3, #3',
      }),
    );
    const resumed = await ok(
      again.emitWithAck('conversation:resume', { conversationId, afterSeq: heldByAnna }),
    );
    expect(resumed.messages.map((m) => m.text)).toContain('are you still there?');
    await ok(
      again.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'anna-4xxxx',
        text: 'back, via node 1',
      }),
    );

    const everything = await ok(
      olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }),
    );
    const seqs = everything.messages.map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const texts = everything.messages.filter((m) => m.kind === 'text').map((m) => m.text);
    expect(texts).toEqual([
      'from node 3, #1',
      'reply #1',
      'from node 3, #2',
      'reply #2',
      'from node 3, #3',
      'reply #3',
      'are you still there?',
      'back, via node 1',
    ]);
    olga.close();
    again.close();
    anna.close();
  });
});
