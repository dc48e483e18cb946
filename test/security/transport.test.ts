import { AGENT_NAMESPACE, CUSTOMER_NAMESPACE, type SessionExpiring } from '@parley/protocol';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CustomerClient,
  nextEvent,
  ok,
  startTestServer,
  type TestServer,
} from '../../packages/server/test/harness.js';
import { SECRETS, stopAndCheckSinks } from './support/leaks.js';
import { liveHeap, MB } from './support/memory.js';
import { type RawSocket, rawConnect } from './support/rawSocket.js';
import { agentToken, auth, handshake, identityToken } from './support/tokens.js';

const BANK = 'https://bank.example';

async function rawCustomer(t: TestServer, sub: string): Promise<RawSocket> {
  const answer = await rawConnect(t.url, CUSTOMER_NAMESPACE, auth(identityToken({ sub })));
  if (!answer.ok) throw new Error(`could not connect ${sub}: ${JSON.stringify(answer)}`);
  return answer.socket;
}

/** Customers who keep asking while someone else floods: every answer and its latency. */
function bystanders(customers: CustomerClient[], intervalMs = 25) {
  const latencies: number[] = [];
  const failures: string[] = [];
  let running = true;
  const loops = customers.map(async (customer) => {
    while (running) {
      const started = performance.now();
      const answer = await customer
        .timeout(10_000)
        .emitWithAck('callback:list', {})
        .catch((e: Error) => ({ ok: false as const, error: { code: e.message } }));
      latencies.push(performance.now() - started);
      if (!answer.ok) failures.push(answer.error.code);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return { latencies, failures };
    },
  };
}

describe('transport', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      PARLEY_ALLOWED_ORIGINS: BANK,
      PARLEY_SESSION_GRACE_SECONDS: '1',
    });
  });
  afterAll(() => stopAndCheckSinks(t));

  it('refuses sockets and CORS from origins outside the allowlist', async () => {
    const token = identityToken();
    for (const transports of [['websocket'], ['polling']] as const) {
      expect(
        await handshake(t.url, CUSTOMER_NAMESPACE, {
          auth: auth(token),
          extraHeaders: { origin: BANK },
          transports: [...transports],
        }),
      ).toEqual({ connected: true });
      for (const origin of [
        'https://evil.example',
        'null',
        'https://bank.example.evil.example',
        'http://bank.example',
        'https://bank.example:8443',
        'https://BANK.example.',
      ]) {
        const result = await handshake(t.url, CUSTOMER_NAMESPACE, {
          auth: auth(token),
          extraHeaders: { origin },
          transports: [...transports],
        });
        expect(result.connected, `${origin} over ${transports[0]}`).toBe(false);
      }
    }
    const preflight = await fetch(`${t.url}/v1/customer/sessions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await fetch(`${t.url}/v1/console/config`, { headers: { origin: BANK } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(BANK);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('closes a socket that sends a frame over 64 KB, over WebSocket and polling, and only that one', async () => {
    const bystander = await t.customer('cust-frame-bystander');
    const big = await rawCustomer(t, 'cust-frame-big');
    big.signal('message:send', JSON.stringify({ text: 'x'.repeat(70_000) }));
    expect(await big.closed).toBe(1009);
    const polling = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`);
    const sid = (JSON.parse((await polling.text()).slice(1)) as { sid: string }).sid;
    const posted = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: `4${'x'.repeat(70_000)}`,
    });
    expect(posted.status).toBe(413);
    const http = await fetch(`${t.url}/v1/handoffs/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x'.repeat(70_000) }),
    });
    expect(http.status).toBe(413);
    expect(((await http.json()) as { error: { code: string } }).error.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect((await ok(bystander.emitWithAck('callback:list', {}))).length).toBe(0);
  });

  it('answers a forged reserved event by closing that connection only', async () => {
    const bystander = await t.customer('cust-reserved-bystander');
    const forger = await rawCustomer(t, 'cust-reserved');
    // A client-sent "disconnect" would run the server's own disconnect handlers (session clock,
    // presence, socket gauge) if it got through; the parser must refuse it.
    forger.signal('disconnect', '"forged"');
    expect(await forger.closed).toBeGreaterThan(0);
    expect(t.server.io.of(CUSTOMER_NAMESPACE).sockets.size).toBeGreaterThan(0);
    await ok(bystander.emitWithAck('callback:list', {}));
  });

  it.each([
    [
      'requests',
      'conversation:resume',
      '{"conversationId":"cv_AAAAAAAAAAAAAAAAAAAAAA","afterSeq":0}',
      true,
    ],
    ['signals', 'typing', '{"conversationId":"cv_AAAAAAAAAAAAAAAAAAAAAA","typing":true}', false],
    ['events of no table', 'no:such-event', '{}', true],
  ] as const)(
    'throttles, then disconnects, a socket flooding 10,000 %s in a second while others are served',
    async (_, event, payload, withAck) => {
      const calm = await Promise.all(
        Array.from({ length: 4 }, (_, i) => t.customer(`cust-calm-${event}-${i}`)),
      );
      const flooder = await rawCustomer(t, `cust-flood-${event}`);
      const load = bystanders(calm);
      const started = performance.now();
      for (let i = 0; i < 10_000 && flooder.isOpen(); i += 1) {
        if (withAck) void flooder.request(event, payload, 10_000).catch(() => null);
        else flooder.signal(event, payload);
      }
      const sentMs = performance.now() - started;
      const closed = await Promise.race([
        flooder.closed.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000)),
      ]);
      const { latencies, failures } = await load.stop();
      expect(sentMs).toBeLessThan(1_000);
      expect(closed, 'the flooder was not disconnected').toBe(true);
      if (event === 'conversation:resume') {
        expect(flooder.received.some((p) => p.includes('RATE_LIMITED'))).toBe(true);
      }
      expect(failures).toEqual([]);
      expect(latencies.length).toBeGreaterThan(0);
      for (const customer of calm) expect(customer.connected).toBe(true);
      for (const customer of calm) customer.close();
    },
  );

  it('stays up through a burst of 500 handshakes, answers, and frees what they held', async () => {
    const before = liveHeap();
    const customers = t.server.io.of(CUSTOMER_NAMESPACE);
    const burstSockets = () =>
      [...customers.sockets.values()].filter((s) =>
        String((s.data as { actor?: { id: string } }).actor?.id).startsWith('cust-burst-'),
      ).length;
    const sockets: ReturnType<typeof io>[] = [];
    const outcomes = await Promise.all(
      Array.from({ length: 500 }, (_, i) => {
        // Every other one forged: verification failures must cost no more than successes.
        const token =
          i % 2 === 0 ? identityToken({ sub: `cust-burst-${i}` }) : `${identityToken()}x`;
        const socket = io(`${t.url}${CUSTOMER_NAMESPACE}`, {
          auth: auth(token),
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          timeout: 20_000,
        });
        sockets.push(socket);
        return new Promise<string>((resolve) => {
          socket.once('connect', () => resolve('connected'));
          socket.once('connect_error', (e: Error & { data?: { code: string } }) =>
            resolve(e.data?.code ?? e.message),
          );
        });
      }),
    );
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(outcomes.filter((o) => o === 'connected')).toHaveLength(250);
    expect(outcomes.filter((o) => o === 'UNAUTHENTICATED')).toHaveLength(250);
    expect(burstSockets()).toBe(250);
    const held = liveHeap() - before;
    for (const socket of sockets) socket.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(burstSockets()).toBe(0);
    const after = liveHeap() - before;
    // Server and clients share this process: 250 live sockets on both ends fit in 64 MB, and
    // once they are gone almost everything must be given back.
    expect(held).toBeLessThan(64 * MB);
    expect(after).toBeLessThan(16 * MB);
  });

  it('disconnects an agent socket kept open past its token’s expiry after the grace period', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3;
    const socket = io(`${t.url}${AGENT_NAMESPACE}`, {
      auth: auth(agentToken({ sub: 'olga-expiring', exp })),
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    const warning = nextEvent<SessionExpiring>(socket, 'session:expiring', () => true, 10_000);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const gone = new Promise<number>((resolve) =>
      socket.once('disconnect', (reason) => {
        expect(reason).toBe('io server disconnect');
        resolve(Date.now());
      }),
    );
    expect(Date.parse((await warning).disconnectAt)).toBe(exp * 1000 + 1_000);
    const at = await gone;
    // Not before the grace period is over, and not long after it.
    expect(at).toBeGreaterThanOrEqual(exp * 1000 + 1_000 - 50);
    expect(at).toBeLessThan(exp * 1000 + 1_000 + 2_000);
  });

  it('relays secrets only redacted while all this goes on', async () => {
    const olga = await t.agent('olga-transport');
    const anna = await t.customer('cust-transport-anna');
    const { conversation } = await ok(anna.emitWithAck('conversation:start', {}));
    await ok(
      olga.emitWithAck('conversation:join', { conversationId: conversation.id, afterSeq: 0 }),
    );
    const sent = await ok(
      anna.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMsgId: 'transport-0001',
        text: `card ${SECRETS.cardSpaced}, IBAN ${SECRETS.iban}`,
      }),
    );
    expect(sent.redactions.length).toBeGreaterThan(0);
  });
});

/** A connected socket.io client, or the connect error's code. */
async function connected(namespace: string, url: string, token: string) {
  const socket = io(`${url}${namespace}`, {
    auth: auth(token),
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

describe('the grace period after a token expires', () => {
  let t: TestServer;
  beforeAll(async () => {
    // Long enough that the sockets below are still connected while the test probes them.
    t = await startTestServer({ PARLEY_SESSION_GRACE_SECONDS: '60' });
  });
  afterAll(() => stopAndCheckSinks(t));

  it('accepts only session:refresh; everything else is refused TOKEN_EXPIRED and changes nothing', async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const agent = await connected(
      AGENT_NAMESPACE,
      t.url,
      agentToken({ sub: 'olga-grace', roles: ['agent'], exp }),
    );
    const customer = await connected(
      CUSTOMER_NAMESPACE,
      t.url,
      identityToken({ sub: 'cust-grace', exp }),
    );
    const started = (await ok(customer.emitWithAck('conversation:start', {}))) as {
      conversation: { id: string };
    };
    const conversationId = started.conversation.id;
    await ok(agent.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));
    const before = (await t.server.store.getConversation(conversationId))?.lastSeq;

    await new Promise((resolve) => setTimeout(resolve, exp * 1000 + 200 - Date.now()));
    expect(agent.connected && customer.connected).toBe(true);
    const expired = { ok: false, error: { code: 'TOKEN_EXPIRED' } };
    const send = (socket: typeof agent, clientMsgId: string) =>
      socket.emitWithAck('message:send', { conversationId, clientMsgId, text: 'late words' });
    expect(await send(agent, 'grace-agent-0001')).toMatchObject(expired);
    expect(await send(customer, 'grace-cust-0001')).toMatchObject(expired);
    expect(await agent.emitWithAck('conversation:list', { scope: 'mine' })).toMatchObject(expired);
    expect(await customer.emitWithAck('callback:list', {})).toMatchObject(expired);
    expect(await customer.emitWithAck('no:such-event', {})).toMatchObject(expired);
    const heard: unknown[] = [];
    customer.on('typing', (payload: unknown) => heard.push(payload));
    agent.emit('typing', { conversationId, typing: true });
    agent.emit('message:read', { conversationId, seq: 1 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(heard).toEqual([]);
    const after = await t.server.store.getConversation(conversationId);
    expect(after?.lastSeq).toBe(before);
    expect(after?.agentReadSeq ?? 0).toBe(0);

    // The refresh itself is accepted, and with it everything else again.
    await ok(
      agent.emitWithAck('session:refresh', {
        token: agentToken({ sub: 'olga-grace', roles: ['agent'] }),
      }),
    );
    await ok(send(agent, 'grace-agent-0002'));
    expect(await send(customer, 'grace-cust-0002')).toMatchObject(expired);
    await ok(
      customer.emitWithAck('session:refresh', { token: identityToken({ sub: 'cust-grace' }) }),
    );
    await ok(send(customer, 'grace-cust-0003'));
    expect((await t.server.store.getConversation(conversationId))?.lastSeq).toBe((before ?? 0) + 2);
    agent.close();
    customer.close();
  });
});
