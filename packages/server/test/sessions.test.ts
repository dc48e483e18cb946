import {
  CUSTOMER_NAMESPACE,
  PROTOCOL_MAJOR,
  type SessionExpiring,
  type SessionIssued,
} from '@parley/protocol';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDemoTokens } from '../src/auth/mintDemoTokens.js';
import { loadConfig } from '../src/config/index.js';
import {
  type CustomerClient,
  nextEvent,
  ok,
  startTestServer,
  TEST_ENV,
  type TestServer,
} from './harness.js';

function connectCustomer(url: string, token: string): CustomerClient {
  return io(`${url}${CUSTOMER_NAMESPACE}`, {
    auth: { token, v: PROTOCOL_MAJOR },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
}

describe('customer sessions', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PARLEY_SESSION_GRACE_SECONDS: '1' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('trade the bank’s identity token for a session token that survives a reload', async () => {
    const { token } = t.mint.customerIdentityToken({ sub: 'cust-anna', name: 'Anna' });
    const first = connectCustomer(t.url, token);
    const issued = await nextEvent<SessionIssued>(first, 'session:issued');
    expect(issued.customer).toEqual({ id: 'cust-anna', name: 'Anna' });
    const { conversation } = await ok(first.emitWithAck('conversation:start', {}));
    first.close();

    // A reload: the page reconnects with the session token from sessionStorage.
    const again = connectCustomer(t.url, issued.token);
    await new Promise<void>((resolve) => again.once('connect', () => resolve()));
    let reissued = false;
    again.on('session:issued', () => {
      reissued = true;
    });
    const resumed = await ok(
      again.emitWithAck('conversation:resume', { conversationId: conversation.id, afterSeq: 0 }),
    );
    expect(resumed.conversation.id).toBe(conversation.id);
    expect(reissued).toBe(false);
    again.close();
  });

  it('warns a socket whose token is expiring and disconnects it after the grace period', async () => {
    // An identity token issued almost 15 minutes ago, so it expires in about two seconds.
    const config = loadConfig({ ...TEST_ENV, PARLEY_DATA_DIR: t.dataDir });
    const old = mintDemoTokens(config, { now: () => Date.now() - (15 * 60 - 2) * 1000 });
    const socket = connectCustomer(
      t.url,
      old.customerIdentityToken({ sub: 'cust-late', name: 'Late' }).token,
    );
    const warning = await nextEvent<SessionExpiring>(socket, 'session:expiring', () => true, 5_000);
    expect(Date.parse(warning.disconnectAt) - Date.parse(warning.expiresAt)).toBe(1_000);
    const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
  });

  it('keeps a socket that refreshes in time', async () => {
    const config = loadConfig({ ...TEST_ENV, PARLEY_DATA_DIR: t.dataDir });
    const old = mintDemoTokens(config, { now: () => Date.now() - (15 * 60 - 2) * 1000 });
    const socket = connectCustomer(
      t.url,
      old.customerIdentityToken({ sub: 'cust-fresh', name: 'Fresh' }).token,
    );
    await nextEvent<SessionExpiring>(socket, 'session:expiring', () => true, 5_000);
    const fresh = t.mint.customerIdentityToken({ sub: 'cust-fresh', name: 'Fresh' }).token;
    const refreshed = await ok(socket.emitWithAck('session:refresh', { token: fresh }));
    expect(refreshed.sessionToken).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(socket.connected).toBe(true);
    const other = t.mint.customerIdentityToken({ sub: 'cust-other', name: 'Other' }).token;
    expect(await socket.emitWithAck('session:refresh', { token: other })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    socket.close();
  });
});
