import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ParleyError } from '@parley/protocol';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config/index.js';
import { createTokenService } from './createTokenService.js';

/** A signing key as an identity provider holds it: the private half and its public JWK. */
function makeKey(kid: string, type: 'rsa' | 'ec') {
  const pair =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    kid,
    privateKey: pair.privateKey,
    jwk: { ...pair.publicKey.export({ format: 'jwk' }), kid, use: 'sig' },
  };
}

/** A real JWKS endpoint on port 0 whose key set the test rotates. */
let server: Server;
let url: string;
let published: object[] = [];
let requests = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function service(jwksUrl = url) {
  const config: Pick<Config, 'agentTokens' | 'customerTokens' | 'session'> = {
    agentTokens: {
      issuer: 'https://idp.bank.example',
      audience: 'parley-agent',
      key: { kind: 'jwks', url: jwksUrl },
    },
    customerTokens: {
      issuer: 'https://idp.bank.example',
      audience: 'parley-customer',
      key: { kind: 'jwks', url: jwksUrl },
    },
    session: {
      secret: 's'.repeat(40),
      issuer: 'parley',
      audience: 'parley-session',
      ttlMinutes: 60,
      graceSeconds: 60,
      maxHours: 12,
    },
  };
  return createTokenService(config);
}
function sign(
  key: { kid: string; privateKey: KeyObject },
  algorithm: 'RS256' | 'ES256',
  audience = 'parley-agent',
) {
  return jwt.sign(
    { sub: 'alice', name: 'Alice', roles: ['agent'], team: 'social-care' },
    key.privateKey,
    {
      algorithm,
      keyid: key.kid,
      issuer: 'https://idp.bank.example',
      audience,
      expiresIn: 600,
    },
  );
}
async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'accepted',
    (e: unknown) => (e instanceof ParleyError ? e.code : String(e)),
  );
}

describe('JWKS verification', () => {
  it('verifies RS256 and ES256 keys by kid, caching them, and follows a rotation', async () => {
    const first = makeKey('2026-01', 'rsa');
    const ecKey = makeKey('ec-1', 'ec');
    published = [first.jwk, ecKey.jwk];
    requests = 0;
    const tokens = service();
    await expect(tokens.verifyAgentToken(sign(first, 'RS256'))).resolves.toMatchObject({
      sub: 'alice',
    });
    await expect(tokens.verifyAgentToken(sign(first, 'RS256'))).resolves.toMatchObject({
      sub: 'alice',
    });
    await expect(tokens.verifyAgentToken(sign(ecKey, 'ES256'))).resolves.toMatchObject({
      sub: 'alice',
    });
    expect(requests).toBe(2); // one per kid; the second RS256 token came from the cache

    // The identity provider rotates: a new kid appears, the old one is withdrawn.
    const second = makeKey('2026-02', 'rsa');
    published = [second.jwk];
    await expect(tokens.verifyAgentToken(sign(second, 'RS256'))).resolves.toMatchObject({
      sub: 'alice',
    });
    expect(requests).toBe(3);
  });

  it('refuses an unknown kid and a JWK whose key type does not match the header alg', async () => {
    const known = makeKey('known', 'ec');
    published = [known.jwk];
    const tokens = service();
    await expect(
      codeOf(tokens.verifyAgentToken(sign(makeKey('unknown', 'ec'), 'ES256'))),
    ).resolves.toBe('UNAUTHENTICATED');
    // An RSA key published under a kid, with a token claiming ES256 for it.
    const rsaKey = makeKey('rsa-as-ec', 'rsa');
    published = [rsaKey.jwk];
    const forged = jwt.sign({ sub: 'a' }, makeKey('x', 'ec').privateKey, {
      algorithm: 'ES256',
      keyid: 'rsa-as-ec',
    });
    await expect(codeOf(tokens.verifyAgentToken(forged))).resolves.toBe('UNAUTHENTICATED');
  });

  it('refuses HS256 without asking the key server', async () => {
    requests = 0;
    const token = jwt.sign({ sub: 'a' }, 'x'.repeat(40), { algorithm: 'HS256', keyid: 'known' });
    await expect(codeOf(service().verifyAgentToken(token))).resolves.toBe('UNAUTHENTICATED');
    expect(requests).toBe(0);
  });

  it('refuses a customer token presented as an agent token (audience)', async () => {
    const key = makeKey('shared', 'rsa');
    published = [key.jwk];
    await expect(
      codeOf(service().verifyAgentToken(sign(key, 'RS256', 'parley-customer'))),
    ).resolves.toBe('UNAUTHENTICATED');
  });

  it('answers UNAVAILABLE when the key server cannot be reached', async () => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const port = (down.address() as AddressInfo).port;
    await new Promise<void>((resolve) => down.close(() => resolve()));
    const key = makeKey('any', 'rsa');
    await expect(
      codeOf(service(`http://127.0.0.1:${port}/jwks`).verifyAgentToken(sign(key, 'RS256'))),
    ).resolves.toBe('UNAVAILABLE');
  });
});
