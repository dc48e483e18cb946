import { createHmac } from 'node:crypto';
import { ParleyError } from '@parley/protocol';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import type { Config } from '../config/index.js';
import { createTokenService } from './createTokenService.js';

const NOW = Date.parse('2026-11-22T21:30:00Z');
const T = NOW / 1000;
const AGENT_SECRET = 'agent-secret-agent-secret-agent-secret!!';
const CUSTOMER_SECRET = 'customer-secret-customer-secret-customer';
const SESSION_SECRET = 'session-secret-session-secret-session-se';

type TokenConfig = Pick<Config, 'agentTokens' | 'customerTokens' | 'session'>;
const CONFIG: TokenConfig = {
  agentTokens: {
    issuer: 'https://idp.bank.example',
    audience: 'parley-agent',
    key: { kind: 'secret', secret: AGENT_SECRET },
  },
  customerTokens: {
    issuer: 'https://idp.bank.example',
    audience: 'parley-customer',
    key: { kind: 'secret', secret: CUSTOMER_SECRET },
  },
  session: {
    secret: SESSION_SECRET,
    issuer: 'parley',
    audience: 'parley-session',
    ttlMinutes: 60,
    graceSeconds: 60,
    maxHours: 12,
  },
};
const service = (config: TokenConfig = CONFIG) => createTokenService(config, { now: () => NOW });

const AGENT = {
  sub: 'alice',
  name: 'Alice',
  roles: ['agent', 'hr-admin'],
  team: 'social-care',
  iat: T,
  exp: T + 3600,
};
const CUSTOMER = {
  sub: 'c-42',
  name: 'Olga',
  phone_number: '+48 601 234 567',
  locale: 'pl_PL',
  iat: T,
  exp: T + 600,
};

function agentToken(claims: Record<string, unknown> = AGENT, options: jwt.SignOptions = {}) {
  return jwt.sign(defined(claims), AGENT_SECRET, {
    noTimestamp: claims.iat === undefined,
    algorithm: 'HS256',
    issuer: 'https://idp.bank.example',
    audience: 'parley-agent',
    ...options,
  });
}
function identityToken(claims: Record<string, unknown> = CUSTOMER, options: jwt.SignOptions = {}) {
  return jwt.sign(defined(claims), CUSTOMER_SECRET, {
    noTimestamp: claims.iat === undefined,
    algorithm: 'HS256',
    issuer: 'https://idp.bank.example',
    audience: 'parley-customer',
    ...options,
  });
}
/** Drops `undefined` claims (jsonwebtoken refuses them); `iat` is always given explicitly. */
const defined = (claims: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Rejects with a ParleyError of `code` whose message never contains the token. */
async function refused(promise: Promise<unknown>, code: string, token: string, reason?: RegExp) {
  const error = await promise.then(
    () => {
      throw new Error('the token was accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParleyError);
  expect((error as ParleyError).code).toBe(code);
  expect((error as ParleyError).message).not.toContain(token);
  if (reason) expect((error as ParleyError).message).toMatch(reason);
}

describe('verifyAgentToken', () => {
  it('returns the principal with known roles only and teams from `team`', async () => {
    await expect(service().verifyAgentToken(agentToken())).resolves.toEqual({
      sub: 'alice',
      name: 'Alice',
      roles: ['agent'],
      teams: ['social-care'],
      expiresAt: '2026-11-22T22:30:00.000Z',
    });
    const withTeams = agentToken({
      ...AGENT,
      team: undefined,
      teams: ['a', 'b'],
      roles: ['supervisor'],
    });
    await expect(service().verifyAgentToken(withTeams)).resolves.toMatchObject({
      teams: ['a', 'b'],
      roles: ['supervisor'],
    });
  });

  it('refuses alg none', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...AGENT, iss: 'https://idp.bank.example', aud: 'parley-agent' })}.`;
    await refused(service().verifyAgentToken(token), 'UNAUTHENTICATED', token, /algorithm/);
  });

  it('refuses an expired token with TOKEN_EXPIRED, past the 5 s tolerance only', async () => {
    const expired = agentToken({ ...AGENT, iat: T - 7200, exp: T - 6 });
    await refused(service().verifyAgentToken(expired), 'TOKEN_EXPIRED', expired, /has expired/);
    const justExpired = agentToken({ ...AGENT, iat: T - 7200, exp: T - 3 });
    await expect(service().verifyAgentToken(justExpired)).resolves.toMatchObject({ sub: 'alice' });
  });

  it('reports an expired token that is also invalid as UNAUTHENTICATED', async () => {
    const token = agentToken({ ...AGENT, exp: T - 60 }, { audience: 'someone-else' });
    await refused(service().verifyAgentToken(token), 'UNAUTHENTICATED', token);
    const nameless = agentToken({ ...AGENT, name: undefined, exp: T - 60 });
    await refused(service().verifyAgentToken(nameless), 'UNAUTHENTICATED', nameless, /name/);
  });

  it('refuses a token whose nbf is in the future', async () => {
    const token = agentToken({ ...AGENT, nbf: T + 60 });
    await refused(service().verifyAgentToken(token), 'UNAUTHENTICATED', token, /not valid yet/);
  });

  it('refuses a token issued in the future', async () => {
    const token = agentToken({ ...AGENT, iat: T + 600, exp: T + 4000 });
    await refused(service().verifyAgentToken(token), 'UNAUTHENTICATED', token, /iat/);
  });

  it('refuses the wrong issuer and the wrong audience', async () => {
    const wrongIss = agentToken(AGENT, { issuer: 'https://evil.example' });
    await refused(service().verifyAgentToken(wrongIss), 'UNAUTHENTICATED', wrongIss, /issuer/);
    const wrongAud = agentToken(AGENT, { audience: 'another-app' });
    await refused(service().verifyAgentToken(wrongAud), 'UNAUTHENTICATED', wrongAud, /audience/);
  });

  it.each([
    ['sub', { sub: undefined }, /subject/],
    ['exp', { exp: undefined }, /expiry/],
    ['name', { name: undefined }, /name/],
    ['a known role', { roles: ['hr-admin'] }, /roles/],
    ['roles as a list', { roles: 'agent' }, /roles/],
    ['team or teams', { team: undefined }, /team/],
  ])('refuses a token without %s', async (_, change, reason) => {
    const token = agentToken({ ...AGENT, ...change });
    await refused(service().verifyAgentToken(token), 'UNAUTHENTICATED', token, reason);
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = agentToken().split('.');
    const forged = b64({
      ...AGENT,
      roles: ['compliance'],
      iss: 'https://idp.bank.example',
      aud: 'parley-agent',
    });
    const token = `${header}.${forged}.${signature}`;
    await refused(service().verifyAgentToken(token), 'UNAUTHENTICATED', token, /signature/);
  });

  it('refuses garbage without echoing it', async () => {
    for (const token of ['', 'not-a-jwt', 'a.b.c', `${'x'.repeat(9000)}.y.z`]) {
      await refused(service().verifyAgentToken(token), 'UNAUTHENTICATED', token || '\u0000');
    }
  });

  it('refuses a customer identity token, even under a shared identity provider key (audience)', async () => {
    const shared: TokenConfig = {
      ...CONFIG,
      customerTokens: { ...CONFIG.customerTokens, key: { kind: 'secret', secret: AGENT_SECRET } },
    };
    const token = jwt.sign({ ...CUSTOMER, roles: ['agent'], team: 'x' }, AGENT_SECRET, {
      algorithm: 'HS256',
      issuer: 'https://idp.bank.example',
      audience: 'parley-customer',
    });
    await expect(service(shared).verifyCustomerIdentity(token)).resolves.toMatchObject({
      sub: 'c-42',
    });
    await refused(service(shared).verifyAgentToken(token), 'UNAUTHENTICATED', token, /audience/);
  });

  it('refuses a session token', async () => {
    const { token } = service().issueSessionToken({
      sub: 'alice',
      name: 'Alice',
      phone: null,
      locale: null,
    });
    await refused(service().verifyAgentToken(token), 'UNAUTHENTICATED', token);
  });
});

describe('verifyCustomerIdentity', () => {
  it('returns the customer with an E.164 phone and a supported locale', async () => {
    await expect(service().verifyCustomerIdentity(identityToken())).resolves.toEqual({
      sub: 'c-42',
      name: 'Olga',
      phone: '+48601234567',
      locale: 'pl',
      expiresAt: '2026-11-22T21:40:00.000Z',
      source: 'identity',
      signedInAt: T,
    });
  });

  it('turns an invalid phone number and an unsupported locale into null', async () => {
    const token = identityToken({ ...CUSTOMER, phone_number: '+48 123', locale: 'de-DE' });
    await expect(service().verifyCustomerIdentity(token)).resolves.toMatchObject({
      phone: null,
      locale: null,
    });
  });

  it('refuses an identity token that lives longer than 15 minutes', async () => {
    const longLived = identityToken({ ...CUSTOMER, exp: T + 2 * 3600 });
    await refused(
      service().verifyCustomerIdentity(longLived),
      'UNAUTHENTICATED',
      longLived,
      /15 minutes/,
    );
    const backdated = identityToken({ ...CUSTOMER, iat: T - 3600, exp: T + 60 });
    await refused(
      service().verifyCustomerIdentity(backdated),
      'UNAUTHENTICATED',
      backdated,
      /15 minutes/,
    );
    const noIat = identityToken(
      { ...CUSTOMER, iat: undefined, exp: T + 3600 },
      { noTimestamp: true },
    );
    await refused(service().verifyCustomerIdentity(noIat), 'UNAUTHENTICATED', noIat, /15 minutes/);
  });

  it('refuses an agent token', async () => {
    const token = agentToken();
    await refused(service().verifyCustomerIdentity(token), 'UNAUTHENTICATED', token);
    await refused(service().verifyCustomerToken(token), 'UNAUTHENTICATED', token);
  });

  it('refuses a session token (typ and audience)', async () => {
    const { token } = service().issueSessionToken({
      sub: 'c-42',
      name: 'Olga',
      phone: null,
      locale: null,
    });
    await refused(service().verifyCustomerIdentity(token), 'UNAUTHENTICATED', token);
    // Even one signed with the identity provider's key and audience, if it claims the session typ.
    const typed = identityToken(CUSTOMER, { header: { alg: 'HS256', typ: 'parley-session+jwt' } });
    await refused(service().verifyCustomerIdentity(typed), 'UNAUTHENTICATED', typed, /typ/);
  });
});

describe('session tokens', () => {
  it('round-trips the customer through issueSessionToken and verifySessionToken', async () => {
    const tokens = service();
    const customer = await tokens.verifyCustomerIdentity(identityToken());
    const issued = tokens.issueSessionToken(customer);
    expect(issued.expiresAt).toBe('2026-11-22T22:30:00.000Z');
    const [header] = issued.token.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'parley-session+jwt',
    });
    await expect(tokens.verifySessionToken(issued.token)).resolves.toEqual({
      ...customer,
      expiresAt: issued.expiresAt,
      source: 'session',
    });
  });

  it('keeps the sign-in time through refreshes and ends the chain maxHours after it', async () => {
    const HOUR = 3600_000;
    const at = (ms: number) => createTokenService(CONFIG, { now: () => NOW + ms });
    const customer = await service().verifyCustomerIdentity(identityToken());
    expect(customer.signedInAt).toBe(T);
    // Refreshed with its own session token hour after hour, as the widget does.
    let token = service().issueSessionToken(customer).token;
    for (let hour = 1; hour <= 11; hour += 1) {
      const current = await at(hour * HOUR - 60_000).verifySessionToken(token);
      expect(current.signedInAt).toBe(T);
      token = at(hour * HOUR - 60_000).issueSessionToken(current).token;
    }
    // The last one stops exactly 12 hours after the sign-in, not an hour after its refresh.
    const last = await at(11 * HOUR + 30 * 60_000).verifySessionToken(token);
    const final = at(11 * HOUR + 30 * 60_000).issueSessionToken(last);
    expect(final.expiresAt).toBe(new Date(NOW + 12 * HOUR).toISOString());
    expect(() => at(12 * HOUR).issueSessionToken(last)).toThrow(
      expect.objectContaining({
        code: 'TOKEN_EXPIRED',
        message: expect.stringMatching(/12 hours/),
      }),
    );
    // A fresh sign-in with the bank starts a new chain.
    const again = await at(12 * HOUR).verifyCustomerIdentity(
      identityToken({ ...CUSTOMER, iat: T + 12 * 3600, exp: T + 12 * 3600 + 600 }),
    );
    expect(again.signedInAt).toBe(T + 12 * 3600);
  });

  it('refuses a session token whose sign-in is older than maxHours, whatever its exp says', async () => {
    const token = jwt.sign(
      { sub: 'c-42', name: 'Olga', auth_time: T - 13 * 3600, iat: T - 60, exp: T + 600 },
      SESSION_SECRET,
      {
        algorithm: 'HS256',
        issuer: 'parley',
        audience: 'parley-session',
        header: { alg: 'HS256', typ: 'parley-session+jwt' },
      },
    );
    await refused(service().verifySessionToken(token), 'UNAUTHENTICATED', token, /auth_time/);
  });

  it('expires after the configured lifetime', async () => {
    const { token } = service().issueSessionToken({
      sub: 'c-42',
      name: 'Olga',
      phone: null,
      locale: null,
    });
    const later = createTokenService(CONFIG, { now: () => NOW + 61 * 60_000 });
    await refused(later.verifySessionToken(token), 'TOKEN_EXPIRED', token);
  });

  it('refuses a token under the session key without the session typ, audience or issuer', async () => {
    const claims = { sub: 'c-42', name: 'Olga', iat: T, exp: T + 600 };
    const base = { algorithm: 'HS256', issuer: 'parley', audience: 'parley-session' } as const;
    const cases = [
      jwt.sign(claims, SESSION_SECRET, base),
      jwt.sign(claims, SESSION_SECRET, {
        ...base,
        audience: 'parley-customer',
        header: { alg: 'HS256', typ: 'parley-session+jwt' },
      }),
      jwt.sign(claims, SESSION_SECRET, {
        ...base,
        issuer: 'someone',
        header: { alg: 'HS256', typ: 'parley-session+jwt' },
      }),
    ];
    for (const token of cases)
      await refused(service().verifySessionToken(token), 'UNAUTHENTICATED', token);
  });

  it('verifyCustomerToken routes by typ and still verifies everything', async () => {
    const tokens = service();
    const identity = identityToken();
    const { token: session } = tokens.issueSessionToken({
      sub: 'c-42',
      name: 'Olga',
      phone: null,
      locale: 'ru',
    });
    await expect(tokens.verifyCustomerToken(identity)).resolves.toMatchObject({
      source: 'identity',
    });
    await expect(tokens.verifyCustomerToken(session)).resolves.toMatchObject({
      source: 'session',
      locale: 'ru',
    });
    // An identity-provider token that claims the session typ is sent to the session verifier,
    // where the session key refuses it.
    const spoofed = identityToken(CUSTOMER, {
      header: { alg: 'HS256', typ: 'parley-session+jwt' },
    });
    await refused(tokens.verifyCustomerToken(spoofed), 'UNAUTHENTICATED', spoofed, /signature/);
  });

  it('refuses an HS256 session token forged with a wrong key', async () => {
    const header = b64({ alg: 'HS256', typ: 'parley-session+jwt' });
    const payload = b64({
      sub: 'c-1',
      name: 'X',
      iss: 'parley',
      aud: 'parley-session',
      iat: T,
      exp: T + 60,
    });
    const signature = createHmac('sha256', 'guess')
      .update(`${header}.${payload}`)
      .digest('base64url');
    const token = `${header}.${payload}.${signature}`;
    await refused(service().verifySessionToken(token), 'UNAUTHENTICATED', token, /signature/);
  });
});
