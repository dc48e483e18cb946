import { describe, expect, it } from 'vitest';
import { scrubLogText } from './scrubLogText.js';

describe('scrubLogText', () => {
  it.each([
    ['card 4111 1111 1111 1111', 'card [card ••••1111]'],
    ['call +48 601 234 567 or +31 (20) 123-4567', 'call [phone] or [phone]'],
    ['Authorization: Bearer abc.def', 'Authorization: Bearer [token]'],
    ['id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln done', 'id [token] done'],
    ['key psk_abcdefghijklmnop', 'key [service key]'],
    ['GET /h/AbCdEfGhIjKlMnOpQrStUv', 'GET /h/[code]'],
    ['conversation cv_1 closed after 120 s', 'conversation cv_1 closed after 120 s'],
  ])('%j → %j', (input, output) => {
    expect(scrubLogText(input)).toBe(output);
  });

  it('cuts very long text before scanning it', () => {
    expect(scrubLogText('a'.repeat(100_000))).toHaveLength(8_192 + '…[truncated]'.length);
  });

  it('stays fast on adversarial input', () => {
    const started = performance.now();
    for (const input of [
      `+${'1 '.repeat(4_000)}`,
      `eyJ${'a'.repeat(8_000)}`,
      `Bearer ${'='.repeat(8_000)}`,
      `${'/h/'.repeat(2_700)}`,
      `psk_${'-'.repeat(8_000)}`,
    ]) {
      scrubLogText(input);
    }
    // Generous: linear patterns finish in milliseconds; machines here are shared.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
