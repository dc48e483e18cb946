import { AGENT_NAMESPACE, CUSTOMER_NAMESPACE, PROTOCOL_MAJOR } from '@parley/protocol';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, handoffInput } from './fixtures.js';
import { ok, startTestServer, type TestServer } from './harness.js';

function refusal(
  url: string,
  namespace: string,
  auth: unknown,
  extraHeaders: Record<string, string> = {},
) {
  const socket = io(`${url}${namespace}`, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders,
  });
  return new Promise<{ message: string; data?: { code: string } }>((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('connected, but should have been refused'));
    });
    socket.once('connect_error', (error: Error & { data?: { code: string } }) => {
      socket.close();
      resolve({
        message: error.message,
        ...(error.data === undefined ? {} : { data: error.data }),
      });
    });
  });
}

describe('authorisation', () => {
  let t: TestServer;
  let conversationId: string;
  beforeAll(async () => {
    t = await startTestServer();
    const olga = await t.agent('olga');
    const anna = await t.customer('cust-anna');
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    conversationId = (await ok(anna.emitWithAck('handoff:claim', { code }))).conversation.id;
    await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));
    await ok(
      anna.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'anna-0001',
        text: 'private words',
      }),
    );
  });
  afterAll(async () => {
    await t.stop();
  });

  it('keeps customer B out of customer A’s conversation, as if it did not exist', async () => {
    const boris = await t.customer('cust-boris', 'Boris');
    for (const attempt of [
      boris.emitWithAck('conversation:resume', { conversationId, afterSeq: 0 }),
      boris.emitWithAck('message:send', { conversationId, clientMsgId: 'boris-0001', text: 'hi' }),
      boris.emitWithAck('conversation:end', { conversationId }),
      boris.emitWithAck('survey:submit', { conversationId, score: 0 }),
    ]) {
      expect(await attempt).toMatchObject({ ok: false, error: { code: 'CONVERSATION_NOT_FOUND' } });
    }
  });

  it('keeps agent B of another team out of agent A’s conversation and transcript', async () => {
    const bob = await t.agent('bob', { teams: ['cards'] });
    expect(
      await bob.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await bob.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'bob-00001',
        text: 'x',
      }),
    ).toMatchObject({
      ok: false,
    });
    const token = t.mint.agentToken('bob', { roles: ['agent'], teams: ['cards'] }).token;
    const transcript = await fetch(`${t.url}/v1/conversations/${conversationId}/transcript`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(transcript.status).toBe(403);
    expect(await transcript.text()).not.toContain('private words');
  });

  it('refuses a transcript export without a token and without the compliance role', async () => {
    expect((await fetch(`${t.url}/v1/conversations/${conversationId}/transcript`)).status).toBe(
      401,
    );
    const token = t.mint.agentToken('carl', { roles: ['agent'], teams: ['social-care'] }).token;
    expect(
      (await fetch(`${t.url}/v1/audit`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(403);
  });

  it('accepts each kind of token only as itself', async () => {
    const identity = t.mint.customerIdentityToken({ sub: 'cust-x', name: 'X' }).token;
    const agent = t.mint.agentToken('olga', { roles: ['agent'], teams: ['social-care'] }).token;
    expect(
      (await refusal(t.url, AGENT_NAMESPACE, { token: identity, v: PROTOCOL_MAJOR })).data?.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      (await refusal(t.url, CUSTOMER_NAMESPACE, { token: agent, v: PROTOCOL_MAJOR })).data?.code,
    ).toBe('UNAUTHENTICATED');
    const session = await fetch(`${t.url}/v1/customer/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${identity}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(session.status).toBe(201);
    const { token: sessionToken } = (await session.json()) as { token: string };
    expect(
      (await refusal(t.url, AGENT_NAMESPACE, { token: sessionToken, v: PROTOCOL_MAJOR })).data
        ?.code,
    ).toBe('UNAUTHENTICATED');
    const asIdentity = await fetch(`${t.url}/v1/customer/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(asIdentity.status).toBe(401);
  });

  it('refuses an unknown protocol major and a missing token with clear codes', async () => {
    const agent = t.mint.agentToken('olga', { roles: ['agent'], teams: ['social-care'] }).token;
    expect((await refusal(t.url, AGENT_NAMESPACE, { token: agent, v: 99 })).data?.code).toBe(
      'UNSUPPORTED_PROTOCOL_VERSION',
    );
    expect((await refusal(t.url, AGENT_NAMESPACE, {})).data?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a socket from a page outside the allowed origins', async () => {
    const agent = t.mint.agentToken('olga', { roles: ['agent'], teams: ['social-care'] }).token;
    const refused = await refusal(
      t.url,
      AGENT_NAMESPACE,
      { token: agent, v: PROTOCOL_MAJOR },
      { origin: 'https://evil.example' },
    );
    expect(refused.message).toMatch(/websocket error|forbidden|xhr/i);
  });

  it('disconnects an agent at once when their access is withdrawn', async () => {
    const dave = await t.agent('dave');
    const gone = new Promise<string>((resolve) => dave.once('disconnect', resolve));
    const sam = t.mint.agentToken('sam', { roles: ['supervisor'], teams: ['social-care'] }).token;
    const response = await fetch(`${t.url}/v1/agents/dave/deny`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sam}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    const token = t.mint.agentToken('dave', { roles: ['agent'], teams: ['social-care'] }).token;
    expect((await refusal(t.url, AGENT_NAMESPACE, { token, v: PROTOCOL_MAJOR })).data?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await auditLog(t)).toContainEqual(
      expect.objectContaining({
        action: 'agent.deny',
        target: 'dave',
        actor: { id: 'sam', role: 'supervisor' },
        requestId: expect.any(String),
      }),
    );
  });
});
