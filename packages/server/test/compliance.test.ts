import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../src/compliance/complianceOps.js';
import { handoffInput } from './fixtures.js';
import { ok, startTestServer, type TestServer } from './harness.js';

describe('retention, legal holds and data-subject requests', () => {
  let t: TestServer;
  let ewa: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer();
    ewa = {
      authorization: `Bearer ${t.mint.agentToken('ewa', { roles: ['compliance'], teams: [] }).token}`,
      'content-type': 'application/json',
    };
  });
  afterAll(async () => {
    await t.stop();
  });

  async function closedConversation(customerId: string): Promise<string> {
    const olga = await t.agent('olga');
    const customer = await t.customer(customerId);
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const { conversation } = await ok(customer.emitWithAck('handoff:claim', { code }));
    await ok(
      olga.emitWithAck('conversation:join', { conversationId: conversation.id, afterSeq: 0 }),
    );
    await ok(olga.emitWithAck('conversation:close', { conversationId: conversation.id }));
    return conversation.id;
  }

  it('purges conversations past retention, except under legal hold', async () => {
    const held = await closedConversation('cust-held');
    const free = await closedConversation('cust-free');
    const hold = await fetch(`${t.url}/v1/legal-holds`, {
      method: 'POST',
      headers: ewa,
      body: JSON.stringify({ customerId: 'cust-held', reason: 'Complaint 2026-118' }),
    });
    expect(hold.status).toBe(201);

    const tenYearsLater = { ...t.server.ctx, now: () => new Date(Date.now() + 3_650 * 86_400_000) };
    expect(await purgeExpired(tenYearsLater, 2_555)).toBe(1);
    expect(await t.server.store.getConversation(free)).toBeNull();
    expect(await t.server.store.getConversation(held)).not.toBeNull();
  });

  it('exports and erases one customer, and refuses erasure under a hold', async () => {
    const id = await closedConversation('cust-gdpr');
    const exported = await fetch(`${t.url}/v1/customers/cust-gdpr/export`, { headers: ewa });
    const body = (await exported.json()) as { conversations: { conversation: { id: string } }[] };
    expect(body.conversations.map((c) => c.conversation.id)).toEqual([id]);

    expect(
      (await fetch(`${t.url}/v1/customers/cust-held`, { method: 'DELETE', headers: ewa })).status,
    ).toBe(409);
    const erased = await fetch(`${t.url}/v1/customers/cust-gdpr`, {
      method: 'DELETE',
      headers: ewa,
    });
    expect(await erased.json()).toMatchObject({ customerId: 'cust-gdpr', erasedConversations: 1 });
    expect(await t.server.store.getConversation(id)).toBeNull();

    const audit = (await (await fetch(`${t.url}/v1/audit`, { headers: ewa })).json()) as {
      entries: { action: string }[];
    };
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['customer.export', 'customer.erase', 'legal_hold.set']),
    );
  });
});

describe('conversation search', () => {
  it('finds a customer’s conversations for compliance, and logs the search', async () => {
    const t = await startTestServer();
    try {
      const olga = await t.agent('olga');
      const anna = await t.customer('cust-search', 'Anna Search');
      const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
      const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
      const headers = {
        authorization: `Bearer ${t.mint.agentToken('ewa', { roles: ['compliance'], teams: [] }).token}`,
      };
      const found = (await (
        await fetch(`${t.url}/v1/conversations?customerId=cust-search&channel=x`, { headers })
      ).json()) as {
        conversations: { id: string; customerName: string }[];
      };
      expect(found.conversations).toEqual([
        expect.objectContaining({ id: conversation.id, customerName: 'Anna Search' }),
      ]);
      const none = (await (
        await fetch(`${t.url}/v1/conversations?customerId=cust-search&channel=facebook`, {
          headers,
        })
      ).json()) as {
        conversations: unknown[];
      };
      expect(none.conversations).toEqual([]);
      const agentOnly = {
        authorization: `Bearer ${t.mint.agentToken('olga', { roles: ['agent'], teams: ['social-care'] }).token}`,
      };
      expect((await fetch(`${t.url}/v1/conversations`, { headers: agentOnly })).status).toBe(403);
      const log = (await (await fetch(`${t.url}/v1/audit`, { headers })).json()) as {
        entries: { action: string; target: string }[];
      };
      expect(log.entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'conversation.view', target: 'search:cust-search' }),
        ]),
      );
    } finally {
      await t.stop();
    }
  });
});

describe('demo mode', () => {
  it('signs in demo customers only when it is on', async () => {
    const demo = await startTestServer({ PARLEY_DEMO: '1' });
    const plain = await startTestServer();
    try {
      const signIn = (url: string) =>
        fetch(`${url}/v1/demo/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"name":"Anna Kowalska"}',
        });
      const response = await signIn(demo.url);
      expect(response.status).toBe(201);
      expect(
        ((await response.json()) as { identityToken: string }).identityToken.split('.'),
      ).toHaveLength(3);
      expect((await fetch(`${demo.url}/demo`)).status).toBe(200);
      expect((await signIn(plain.url)).status).toBe(404);
      expect((await fetch(`${plain.url}/demo`)).status).toBe(404);
      expect(demo.logs.some((line) => line.includes('DEMO MODE IS ON'))).toBe(true);

      const config = (await (await fetch(`${demo.url}/v1/console/config`)).json()) as {
        demo: boolean;
        demoAgents: { id: string }[];
      };
      expect(config.demo).toBe(true);
      expect(config.demoAgents.map((a) => a.id)).toEqual(
        expect.arrayContaining(['alice', 'bob', 'sam']),
      );
      const agentToken = (agent: string, url: string) =>
        fetch(`${url}/v1/demo/agent-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ agentId: agent }),
        });
      expect((await agentToken('alice', demo.url)).status).toBe(201);
      expect((await agentToken('mallory', demo.url)).status).toBe(404);
      expect((await agentToken('alice', plain.url)).status).toBe(404);
      expect(
        (await (await fetch(`${plain.url}/v1/console/config`)).json()) as {
          demo: boolean;
          demoAgents: unknown[];
        },
      ).toMatchObject({
        demo: false,
        demoAgents: [],
      });
    } finally {
      await demo.stop();
      await plain.stop();
    }
  });
});
