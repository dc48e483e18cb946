import { generateKeyPairSync } from 'node:crypto';
import { AGENT_NAMESPACE, CUSTOMER_NAMESPACE } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../packages/server/test/harness.js';
import { stopAndCheckSinks } from './support/leaks.js';
import { rawConnect } from './support/rawSocket.js';
import {
  agentClaims,
  agentToken,
  auth,
  handshake,
  identityToken,
  signHs256,
  signRs256,
  tampered,
  unsigned,
} from './support/tokens.js';

/** A staff REST call that needs a valid compliance token: 200 with one, 401/403 without. */
async function auditStatus(url: string, token: string): Promise<{ status: number; code: string }> {
  const response = await fetch(`${url}/v1/audit`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: body.error?.code ?? 'OK' };
}

/** The customer REST call that trades an identity token for a session: 201 only for one. */
async function sessionStatus(url: string, token: string): Promise<number> {
  const response = await fetch(`${url}/v1/customer/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  return response.status;
}

describe('tokens', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PARLEY_LOG_LEVEL: 'trace' });
  });
  afterAll(() => stopAndCheckSinks(t));

  it('accepts the well-formed control tokens the attacks below are derived from', async () => {
    expect(await handshake(t.url, AGENT_NAMESPACE, { auth: auth(agentToken()) })).toEqual({
      connected: true,
    });
    expect(await handshake(t.url, CUSTOMER_NAMESPACE, { auth: auth(identityToken()) })).toEqual({
      connected: true,
    });
    expect(await auditStatus(t.url, agentToken())).toEqual({ status: 200, code: 'OK' });
    expect(await sessionStatus(t.url, identityToken())).toBe(201);
  });

  it.each([
    ['alg none', () => unsigned(agentClaims())],
    ['alg none with a signature part', () => `${unsigned(agentClaims())}c2ln`],
    [
      'a tampered payload (roles raised to supervisor)',
      () => tampered(agentToken(), { roles: ['supervisor', 'compliance'] }),
    ],
    ['a tampered payload (another subject)', () => tampered(agentToken(), { sub: 'sam' })],
    ['the wrong issuer', () => agentToken({ iss: 'https://evil.example' })],
    ['the wrong audience', () => agentToken({ aud: 'parley-customers' })],
    ['a future nbf', () => agentToken({ nbf: Math.floor(Date.now() / 1000) + 300 })],
    ['no sub', () => agentToken({ sub: undefined })],
    ['no exp', () => agentToken({ exp: undefined })],
    [
      'a key that is not the server’s',
      () => signHs256(agentClaims(), 'guessed-secret-guessed-secret-guessed-secret'),
    ],
    ['a customer identity token', () => identityToken()],
    ['a handoff code', () => 'Yb3kQ9zR2mX8pL4wT7vN1c'],
    ['a service key shape', () => `psk_${'A'.repeat(43)}`],
  ])('refuses an agent token with %s on the socket and over REST', async (_, make) => {
    const token = make();
    const socket = await handshake(t.url, AGENT_NAMESPACE, { auth: auth(token) });
    expect(socket).toEqual({ connected: false, code: 'UNAUTHENTICATED' });
    const rest = await auditStatus(t.url, token);
    expect(rest).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses an expired token as TOKEN_EXPIRED, on both namespaces and over REST', async () => {
    const past = Math.floor(Date.now() / 1000) - 120;
    const agent = agentToken({ iat: past - 600, exp: past });
    const customer = identityToken({ iat: past - 600, exp: past });
    expect(await handshake(t.url, AGENT_NAMESPACE, { auth: auth(agent) })).toEqual({
      connected: false,
      code: 'TOKEN_EXPIRED',
    });
    expect(await handshake(t.url, CUSTOMER_NAMESPACE, { auth: auth(customer) })).toEqual({
      connected: false,
      code: 'TOKEN_EXPIRED',
    });
    expect(await auditStatus(t.url, agent)).toEqual({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(await sessionStatus(t.url, customer)).toBe(401);
  });

  it.each([
    [
      'alg none',
      () =>
        unsigned({
          ...agentClaims(),
          sub: 'cust-anna',
          aud: 'parley-customers',
          iss: 'https://login.bank.test',
        }),
    ],
    ['a tampered payload', () => tampered(identityToken(), { sub: 'cust-boris' })],
    ['the wrong issuer', () => identityToken({ iss: 'https://login.evil.example' })],
    ['the wrong audience', () => identityToken({ aud: 'parley-agents' })],
    ['a future nbf', () => identityToken({ nbf: Math.floor(Date.now() / 1000) + 300 })],
    ['no sub', () => identityToken({ sub: undefined })],
    ['an agent token', () => agentToken()],
    ['a handoff code', () => 'Yb3kQ9zR2mX8pL4wT7vN1c'],
  ])('refuses a customer token with %s on the socket and over REST', async (_, make) => {
    const token = make();
    expect(await handshake(t.url, CUSTOMER_NAMESPACE, { auth: auth(token) })).toEqual({
      connected: false,
      code: 'UNAUTHENTICATED',
    });
    expect(await sessionStatus(t.url, token)).toBe(401);
  });

  it('refuses a Parley session token as an identity token and as an agent token', async () => {
    const issued = await fetch(`${t.url}/v1/customer/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${identityToken()}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const { token: session } = (await issued.json()) as { token: string };
    // Control: the session token is good for what it is for, a customer socket.
    expect(await handshake(t.url, CUSTOMER_NAMESPACE, { auth: auth(session) })).toEqual({
      connected: true,
    });
    expect(await sessionStatus(t.url, session)).toBe(401);
    expect(await handshake(t.url, AGENT_NAMESPACE, { auth: auth(session) })).toEqual({
      connected: false,
      code: 'UNAUTHENTICATED',
    });
    expect((await auditStatus(t.url, session)).status).toBe(401);
  });

  it('ignores a token in the query string and never logs it', async () => {
    const token = agentToken({ sub: 'query-string-olga' });
    const customer = identityToken({ sub: 'query-string-anna' });
    const tokens = [token, customer];
    expect(await handshake(t.url, AGENT_NAMESPACE, { query: { token } })).toEqual({
      connected: false,
      code: 'UNAUTHENTICATED',
    });
    expect(
      await handshake(t.url, CUSTOMER_NAMESPACE, {
        query: { token: customer, access_token: customer },
        transports: ['polling'],
      }),
    ).toEqual({ connected: false, code: 'UNAUTHENTICATED' });
    const raw = await rawConnect(t.url, AGENT_NAMESPACE, {}, {}, `&token=${token}`);
    expect(raw).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    for (const query of [`token=${token}`, `access_token=${token}`, `jwt=${token}`]) {
      const response = await fetch(`${t.url}/v1/audit?${query}`);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain(token);
    }
    // The link page and an unknown path with a token attached: answered, not logged.
    expect((await fetch(`${t.url}/h/AAAAAAAAAAAAAAAAAAAAAA?token=${token}`)).status).toBe(404);
    expect((await fetch(`${t.url}/nowhere?token=${token}`)).status).toBe(404);
    expect(t.logs.length).toBeGreaterThan(0);
    const logs = t.logs.join('\n');
    for (const secret of tokens) {
      // The signature alone is what makes a token usable; neither it nor the whole may appear.
      expect(logs).not.toContain(secret);
      expect(logs).not.toContain(secret.split('.')[2]);
    }
  });
});

describe('algorithm confusion', () => {
  let t: TestServer;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  beforeAll(async () => {
    // Agents' tokens verified with the identity provider's RS256 public key, as in production.
    t = await startTestServer({ PARLEY_AGENT_JWT_SECRET: '', PARLEY_AGENT_JWT_PUBLIC_KEY: pem });
  });
  afterAll(() =>
    stopAndCheckSinks(t, signRs256(agentClaims({ sub: 'ewa', roles: ['compliance'] }), privateKey)),
  );

  it('accepts RS256 from the identity provider and refuses HS256 signed with its public key', async () => {
    const genuine = signRs256(agentClaims(), privateKey);
    expect(await handshake(t.url, AGENT_NAMESPACE, { auth: auth(genuine) })).toEqual({
      connected: true,
    });
    expect((await auditStatus(t.url, genuine)).status).toBe(200);
    // The classic confusion: the public key (public by definition) used as an HMAC secret, in
    // every form a verifier might have turned it into.
    const der = publicKey.export({ type: 'spki', format: 'der' });
    for (const secret of [pem, pem.trim(), der, Buffer.from(pem)]) {
      for (const typ of ['JWT', undefined]) {
        const forged = signHs256(agentClaims(), secret, { alg: 'HS256', ...(typ ? { typ } : {}) });
        expect(await handshake(t.url, AGENT_NAMESPACE, { auth: auth(forged) })).toEqual({
          connected: false,
          code: 'UNAUTHENTICATED',
        });
        expect(await auditStatus(t.url, forged)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      }
    }
    const none = unsigned(agentClaims());
    expect((await auditStatus(t.url, none)).status).toBe(401);
  });
});
