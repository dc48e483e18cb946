import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateServiceKey, hashServiceKey } from './generateServiceKey.js';
import { parseBearer } from './parseBearer.js';
import { readTokenType } from './readTokenType.js';

describe('service keys', () => {
  it('are psk_ plus 32 random bytes, with the SHA-256 hex of the whole key', () => {
    const { key, keyHash } = generateServiceKey();
    expect(key).toMatch(/^psk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.slice(4), 'base64url')).toHaveLength(32);
    expect(keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hashServiceKey(key)).toBe(keyHash);
    expect(generateServiceKey().key).not.toBe(key);
  });
});

describe('parseBearer', () => {
  it('reads exactly `Bearer <token>`', () => {
    expect(parseBearer('Bearer abc.def-ghi_jkl')).toBe('abc.def-ghi_jkl');
    expect(parseBearer('bearer psk_x')).toBe('psk_x');
  });

  it.each([
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Bearer  two-spaces',
    'Bearer a b',
    'Basic dXNlcjpwYXNz',
    'Bearer abc, Bearer def',
    ' Bearer abc',
    `Bearer ${'a'.repeat(10_000)}`,
  ])('refuses %j', (header) => {
    expect(parseBearer(header)).toBeNull();
  });

  it('stays fast on long adversarial input', () => {
    const started = performance.now();
    parseBearer(`Bearer ${'a='.repeat(4000)}`);
    parseBearer(`Bearer ${'='.repeat(8000)}a`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('readTokenType', () => {
  it("reads the header's typ and nothing else", () => {
    const header = Buffer.from(
      JSON.stringify({ alg: 'HS256', typ: 'parley-session+jwt' }),
    ).toString('base64url');
    expect(readTokenType(`${header}.e30.sig`)).toBe('parley-session+jwt');
    expect(readTokenType('garbage')).toBeUndefined();
    expect(readTokenType('.e30.sig')).toBeUndefined();
    expect(readTokenType(`${Buffer.from('[1]').toString('base64url')}.e30.`)).toBeUndefined();
  });
});
