import type { ReadUpdate, TypingUpdate } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepIdle } from '../src/conversations/sweeps.js';
import { handoffInput } from './fixtures.js';
import { type CustomerClient, nextEvent, ok, startTestServer, type TestServer } from './harness.js';

describe('operations', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PARLEY_ANONYMOUS_CHAT: 'true', PARLEY_IDLE_CLOSE_MINUTES: '30' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers health, readiness and token-protected metrics', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${t.url}/readyz`)).json()).toEqual({ status: 'ready' });
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${t.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-token-for-tests-0123456789abcdef' },
    });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('parley_sockets');
  });

  it('sets security headers on every response', async () => {
    const response = await fetch(`${t.url}/healthz`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('relays typing and read receipts both ways', async () => {
    const olga = await t.agent('olga');
    const anna = await t.customer('cust-anna');
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));
    const conversationId = conversation.id;
    await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));
    const typing = nextEvent<TypingUpdate>(olga, 'typing');
    anna.emit('typing', { conversationId, typing: true });
    expect(await typing).toMatchObject({ conversationId, role: 'customer', typing: true });
    const message = await ok(
      olga.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'olga-00001',
        text: 'Hello',
      }),
    );
    const read = nextEvent<ReadUpdate>(olga, 'message:read');
    anna.emit('message:read', { conversationId, seq: message.seq });
    expect(await read).toEqual({ conversationId, role: 'customer', seq: message.seq });
  });

  it('closes idle conversations and asks for the survey', async () => {
    const anna = await t.customer('cust-idle');
    const { conversation } = await ok(anna.emitWithAck('conversation:start', {}));
    const survey = nextEvent(anna, 'survey:request');
    const closed = await sweepIdle({
      ...t.server.ctx,
      now: () => new Date(Date.now() + 31 * 60_000),
    });
    expect(closed).toBeGreaterThanOrEqual(1);
    await survey;
    const resumed = await ok(
      anna.emitWithAck('conversation:resume', { conversationId: conversation.id, afterSeq: 0 }),
    );
    expect(resumed.conversation.status).toMatchObject({ state: 'closed', by: 'idle' });
  });

  it('works over HTTP long-polling where WebSockets are blocked', async () => {
    const { io } = await import('socket.io-client');
    const { token } = t.mint.customerIdentityToken({ sub: 'cust-polling', name: 'Polly' });
    const polling: CustomerClient = io(`${t.url}/customer`, {
      auth: { token, v: 1 },
      transports: ['polling'],
      forceNew: true,
      reconnection: false,
    });
    const started = await ok(polling.emitWithAck('conversation:start', {}));
    expect(started.conversation.status.state).toBe('queued');
    expect(polling.io.engine.transport.name).toBe('polling');
    polling.close();
  });

  it('lets a guest start a general chat but never claim a handoff', async () => {
    const response = await fetch(`${t.url}/v1/customer/sessions/anonymous`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(201);
    const { token } = (await response.json()) as { token: string };
    const { io } = await import('socket.io-client');
    const guest: CustomerClient = io(`${t.url}/customer`, {
      auth: { token, v: 1 },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    const olga = await t.agent('olga');
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    expect(await guest.emitWithAck('handoff:claim', { code })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await guest.emitWithAck('conversation:start', {})).ok).toBe(true);
    guest.close();
  });
});
