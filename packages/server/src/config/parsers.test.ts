import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseFrameAncestors } from './parseFrameAncestors.js';
import { parseHttpUrl, parseOrigin } from './parseHttpUrl.js';
import { parsePublicKey } from './parsePublicKey.js';
import { parseTrustProxy } from './parseTrustProxy.js';

describe('parseHttpUrl and parseOrigin', () => {
  it('normalises and refuses what a base URL must not have', () => {
    expect(parseHttpUrl('https://Chat.Bank.example/')).toEqual({
      ok: true,
      value: 'https://chat.bank.example',
    });
    for (const bad of [
      'javascript:alert(1)',
      'https://u:p@x.example',
      'https://x.example/?a=1',
      'x',
    ]) {
      expect(parseHttpUrl(bad).ok).toBe(false);
    }
    expect(parseHttpUrl('http://idp.example/jwks', { httpsOnly: true }).ok).toBe(false);
    expect(parseHttpUrl('http://127.0.0.1:9000/jwks', { httpsOnly: true }).ok).toBe(true);
  });

  it('accepts only exact origins', () => {
    expect(parseOrigin('http://localhost:8080')).toEqual({
      ok: true,
      value: 'http://localhost:8080',
    });
    expect(parseOrigin('https://bank.example/path').ok).toBe(false);
    expect(parseOrigin('null').ok).toBe(false);
  });
});

describe('parseFrameAncestors', () => {
  it("accepts 'self', 'none' alone and host sources with a subdomain wildcard", () => {
    expect(parseFrameAncestors("'self', https://*.bank.example")).toEqual({
      ok: true,
      value: ["'self'", 'https://*.bank.example'],
    });
    expect(parseFrameAncestors("'none'")).toEqual({ ok: true, value: ["'none'"] });
  });

  it('refuses wildcards that let any site frame the chat, and injection', () => {
    for (const bad of ['*', 'https:', "'none' 'self'", 'https://*', "'self'; script-src *", '']) {
      expect(parseFrameAncestors(bad).ok, bad).toBe(false);
    }
  });

  it('stays fast on long adversarial input', () => {
    const started = performance.now();
    expect(parseFrameAncestors(`https://${'a.'.repeat(50_000)}!`).ok).toBe(false);
    // Generous: the input is refused by length before the pattern runs; machines are shared.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('parseTrustProxy', () => {
  it('accepts false, hop counts, addresses, subnets and named ranges', () => {
    expect(parseTrustProxy('false')).toEqual({ ok: true, value: false });
    expect(parseTrustProxy('2')).toEqual({ ok: true, value: 2 });
    expect(parseTrustProxy('loopback, 10.0.0.0/8, fd00::/8, 192.168.1.1')).toEqual({
      ok: true,
      value: ['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.1'],
    });
  });

  it('refuses true and malformed subnets', () => {
    for (const bad of ['true', '10.0.0.0/33', '10.0.0/8', 'proxy.example', '1.2.3.4/8/8']) {
      expect(parseTrustProxy(bad).ok, bad).toBe(false);
    }
  });
});

describe('parsePublicKey', () => {
  const pem = (key: { export(o: { type: 'spki'; format: 'pem' }): string | Buffer }) =>
    key.export({ type: 'spki', format: 'pem' }).toString();

  it('derives RS256 from an RSA key and ES256 from a P-256 key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(parsePublicKey(pem(rsa.publicKey))).toMatchObject({
      ok: true,
      value: { algorithm: 'RS256' },
    });
    expect(parsePublicKey(pem(ec.publicKey))).toMatchObject({
      ok: true,
      value: { algorithm: 'ES256' },
    });
    // Escaped newlines, as many deployment tools store them.
    expect(parsePublicKey(pem(ec.publicKey).replace(/\n/g, '\\n')).ok).toBe(true);
  });

  it('refuses private keys, short RSA keys, other curves and garbage', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const private_ = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(parsePublicKey(private_)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('private key'),
    });
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(parsePublicKey(pem(short.publicKey)).ok).toBe(false);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    expect(parsePublicKey(pem(p384.publicKey)).ok).toBe(false);
    expect(parsePublicKey('not a key').ok).toBe(false);
  });
});
