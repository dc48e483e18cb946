import { describe, expect, it } from 'vitest';
import { xPostLength } from './xPostLength.js';

describe('xPostLength', () => {
  it('counts every URL as 23 characters', () => {
    expect(xPostLength(`Hi https://bank.example/h/${'x'.repeat(100)}`)).toBe(3 + 23);
    expect(xPostLength('http://a.b')).toBe(23);
  });

  it('counts Latin and Cyrillic as one and emoji as two', () => {
    expect(xPostLength('Anna')).toBe(4);
    expect(xPostLength('Анна')).toBe(4);
    expect(xPostLength('👋')).toBe(2);
  });
});
