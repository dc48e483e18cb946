import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParleyError } from '@parley/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { createTokenService } from './createTokenService.js';
import { mintDemoTokens } from './mintDemoTokens.js';

const dataDir = mkdtempSync(join(tmpdir(), 'parley-mint-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('mintDemoTokens', () => {
  const config = loadConfig({ PARLEY_DEMO: '1', PARLEY_DATA_DIR: dataDir });
  const tokens = createTokenService(config);

  it('mints agent tokens for the demo staff that the server accepts', async () => {
    const minter = mintDemoTokens(config);
    await expect(tokens.verifyAgentToken(minter.agentToken('sam').token)).resolves.toMatchObject({
      sub: 'sam',
      name: 'Sam',
      roles: ['agent', 'supervisor'],
      teams: ['social-care'],
    });
    await expect(tokens.verifyAgentToken(minter.agentToken('ewa').token)).resolves.toMatchObject({
      roles: ['compliance'],
    });
    // Any other id gets a plain agent profile in the first team.
    await expect(tokens.verifyAgentToken(minter.agentToken('zoe').token)).resolves.toMatchObject({
      sub: 'zoe',
      name: 'zoe',
      roles: ['agent'],
      teams: ['social-care'],
    });
  });

  it('mints short-lived customer identity tokens that the server accepts', async () => {
    const now = Date.now();
    const { token, expiresAt } = mintDemoTokens(config).customerIdentityToken({
      sub: 'c-42',
      name: 'Olga',
      phone: '+48601234567',
      locale: 'ru',
    });
    expect(Date.parse(expiresAt) - now).toBeLessThanOrEqual(15 * 60_000);
    await expect(tokens.verifyCustomerIdentity(token)).resolves.toMatchObject({
      sub: 'c-42',
      phone: '+48601234567',
      locale: 'ru',
      source: 'identity',
    });
    // A demo customer token is not an agent token.
    await expect(tokens.verifyAgentToken(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('explains that the IdP must mint tokens when the server holds only public keys', () => {
    const jwksConfig = {
      ...config,
      agentTokens: {
        ...config.agentTokens,
        key: { kind: 'jwks' as const, url: 'https://idp.example/jwks' },
      },
    };
    const attempt = () => mintDemoTokens(jwksConfig).agentToken('alice');
    expect(attempt).toThrow(ParleyError);
    expect(attempt).toThrow(
      /holds no signing key: the bank's identity provider must mint agent tokens/,
    );
  });
});
