import { HANDOFF_CODE_REGEX, ID_REGEX } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { newId } from '../domain/ids.js';
import { hashHandoffCode, newHandoffCode } from './handoffCode.js';

describe('handoff codes', () => {
  it('match the protocol format and do not repeat', () => {
    const codes = new Set(Array.from({ length: 10_000 }, newHandoffCode));
    expect(codes.size).toBe(10_000);
    for (const code of [...codes].slice(0, 100)) expect(code).toMatch(HANDOFF_CODE_REGEX);
  });

  it('are stored as a SHA-256 that does not contain the code', () => {
    const code = newHandoffCode();
    const hash = hashHandoffCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code);
    expect(hashHandoffCode(code)).toBe(hash);
  });
});

describe('ids', () => {
  it('match the protocol id format', () => {
    expect(newId('conversation')).toMatch(ID_REGEX);
    expect(newId('message').startsWith('m_')).toBe(true);
  });
});
