import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Callback } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInput } from './fixtures.js';
import { nextEvent, ok, startTestServer, type TestServer } from './harness.js';

const WEBHOOK_SECRET = 'dialer-webhook-secret-0123456789abcdef01';
const window = {
  from: '2026-12-01T15:00:00.000Z',
  to: '2026-12-01T17:00:00.000Z',
  timeZone: 'Europe/Moscow',
};

describe('call-backs', () => {
  let t: TestServer;
  let dialer: ReturnType<typeof createServer>;
  const received: { body: string; signature: string | undefined }[] = [];

  beforeAll(async () => {
    dialer = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-parley-signature'] as string | undefined });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => dialer.listen(0, '127.0.0.1', resolve));
    const port = (dialer.address() as AddressInfo).port;
    t = await startTestServer({
      PARLEY_CALLBACK_WEBHOOK_URL: `http://127.0.0.1:${port}/dialer`,
      PARLEY_CALLBACK_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
  });
  afterAll(async () => {
    await t.stop();
    dialer.close();
  });

  it('reach the agent live, the dialer signed, survive a restart, and tell the customer each change', async () => {
    const olga = await t.agent('olga');
    const anna = await t.customer('cust-anna', 'Anna', { phone: '+79161234567' });
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const { conversation } = await ok(anna.emitWithAck('handoff:claim', { code }));

    const live = nextEvent<Callback>(olga, 'callback:new');
    const requested = await ok(
      anna.emitWithAck('callback:request', {
        conversationId: conversation.id,
        phone: '+79161234567',
        window,
        note: 'после 18:00',
      }),
    );
    expect(requested.state).toBe('requested');
    expect((await live).id).toBe(requested.id);

    await expect.poll(() => received.length).toBe(1);
    const [hook] = received;
    const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET)
      .update(hook?.body ?? '')
      .digest('hex')}`;
    expect(hook?.signature).toBe(expected);
    expect(JSON.parse(hook?.body ?? '{}')).toMatchObject({
      event: 'callback.created',
      callback: { id: requested.id },
    });

    await t.restart();
    const olgaAgain = await t.agent('olga');
    const annaAgain = await t.customer('cust-anna', 'Anna');
    const listed = await ok(olgaAgain.emitWithAck('callback:list', {}));
    expect(listed.map((c) => c.id)).toContain(requested.id);

    const told = nextEvent<Callback>(annaAgain, 'callback:updated', (c) => c.state === 'scheduled');
    await ok(
      olgaAgain.emitWithAck('callback:update', {
        callbackId: requested.id,
        state: 'scheduled',
        scheduledFor: '2026-12-01T15:30:00.000Z',
      }),
    );
    expect((await told).scheduledFor).toBe('2026-12-01T15:30:00.000Z');

    const cancelled = await ok(
      annaAgain.emitWithAck('callback:cancel', { callbackId: requested.id }),
    );
    expect(cancelled.state).toBe('cancelled');
    expect(
      await olgaAgain.emitWithAck('callback:update', {
        callbackId: requested.id,
        state: 'completed',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const service = await fetch(`${t.url}/v1/callbacks?state=cancelled`, {
      headers: {
        authorization: `Bearer ${t.mint.agentToken('olga', { roles: ['agent'], teams: ['social-care'] }).token}`,
      },
    });
    expect(
      ((await service.json()) as { callbacks: Callback[] }).callbacks.map((c) => c.id),
    ).toEqual([requested.id]);
  });

  it('refuses a number that does not exist in its country’s plan, naming the field', async () => {
    const anna = await t.customer('cust-anna-2', 'Anna');
    const answer = await anna.emitWithAck('callback:request', { phone: '+7123', window });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', path: 'phone' },
    });
    const unplanned = await anna.emitWithAck('callback:request', { phone: '+79991234', window });
    expect(unplanned).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', path: 'phone' },
    });
  });
});
