import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { ParleyError } from '@parley/protocol';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import type { Config } from '../config/index.js';
import { createTokenService } from './createTokenService.js';

const NOW = Date.parse('2026-11-22T21:30:00Z');
const T = NOW / 1000;
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pemOf = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

function configWith(
  pem: string,
  algorithm: 'RS256' | 'ES256',
): Pick<Config, 'agentTokens' | 'customerTokens' | 'session'> {
  return {
    agentTokens: {
      issuer: 'https://idp.bank.example',
      audience: 'parley-agent',
      key: { kind: 'publicKey', pem, algorithm },
    },
    customerTokens: {
      issuer: 'https://idp.bank.example',
      audience: 'parley-customer',
      key: { kind: 'publicKey', pem, algorithm },
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
}
const AGENT = {
  sub: 'bob',
  name: 'Bob',
  roles: ['agent'],
  teams: ['social-care'],
  iat: T,
  exp: T + 3600,
};
const OPTIONS = { issuer: 'https://idp.bank.example', audience: 'parley-agent' };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'accepted',
    (e: unknown) => (e instanceof ParleyError ? e.code : String(e)),
  );
}

describe.each([['RS256', rsa, 'ES256', ec] as const, ['ES256', ec, 'RS256', rsa] as const])(
  'a %s public key',
  (algorithm, pair, otherAlgorithm, otherPair) => {
    const tokens = createTokenService(configWith(pemOf(pair.publicKey), algorithm), {
      now: () => NOW,
    });

    it('verifies tokens signed with its private key', async () => {
      const token = jwt.sign(AGENT, pair.privateKey, { algorithm, ...OPTIONS });
      await expect(tokens.verifyAgentToken(token)).resolves.toMatchObject({
        sub: 'bob',
        roles: ['agent'],
      });
    });

    it('refuses HS256 "signed" with the public key as the secret (algorithm confusion)', async () => {
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const header = b64({ alg: 'HS256', typ: 'JWT' });
      const payload = b64({ ...AGENT, iss: OPTIONS.issuer, aud: OPTIONS.audience });
      const signature = createHmac('sha256', pemOf(pair.publicKey))
        .update(`${header}.${payload}`)
        .digest('base64url');
      await expect(
        codeOf(tokens.verifyAgentToken(`${header}.${payload}.${signature}`)),
      ).resolves.toBe('UNAUTHENTICATED');
    });

    it('refuses a token signed with another key type', async () => {
      const token = jwt.sign(AGENT, otherPair.privateKey, {
        algorithm: otherAlgorithm,
        ...OPTIONS,
      });
      await expect(codeOf(tokens.verifyAgentToken(token))).resolves.toBe('UNAUTHENTICATED');
    });

    it('refuses a token signed with another key of the same type', async () => {
      const stranger =
        algorithm === 'RS256'
          ? generateKeyPairSync('rsa', { modulusLength: 2048 })
          : generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const token = jwt.sign(AGENT, stranger.privateKey, { algorithm, ...OPTIONS });
      await expect(codeOf(tokens.verifyAgentToken(token))).resolves.toBe('UNAUTHENTICATED');
    });
  },
);
