import { describe, expect, it } from 'vitest';
import * as regexModule from './regex.js';

// A plain record, so the table below can look patterns up by name.
const patterns: Record<string, RegExp> = { ...regexModule };

// Each pattern against inputs built to make a backtracking engine explode: long runs of the
// characters a pattern repeats, ending in a character that forces a mismatch. A linear pattern
// finishes these in microseconds; the bound is generous because machines here are shared.
const ADVERSARIAL = [
  `${'1'.repeat(100_000)}x`,
  `${'a-'.repeat(50_000)}!`,
  `${'aa/'.repeat(30_000)}/`,
  `http://${'a'.repeat(100_000)} `,
  `${'\uD800'.repeat(50_000)}`,
  `${'A_'.repeat(50_000)}.`,
  `${'1-'.repeat(50_000)}W`,
  `+${'1'.repeat(100_000)}`,
  `${'a.'.repeat(50_000)}.`,
];

describe('every named pattern', () => {
  for (const [name, pattern] of Object.entries(patterns)) {
    it(`${name} runs in linear time on adversarial input`, () => {
      const started = performance.now();
      for (const input of ADVERSARIAL) pattern.test(input);
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  }
});

describe('the formats', () => {
  it.each([
    ['ISO_UTC_REGEX', '2026-11-22T21:30:00Z', '2026-11-22T21:30:00+01:00'],
    ['ISO_UTC_REGEX', '2026-11-22T21:30:00.123Z', '2026-11-22 21:30:00Z'],
    ['E164_REGEX', '+48601234567', '0048601234567'],
    ['E164_REGEX', '+79161234567', '+0123456789'],
    ['LANGUAGE_TAG_REGEX', 'pl-PL', 'pl_PL'],
    ['TIME_ZONE_REGEX', 'America/Argentina/Buenos_Aires', 'Europe/../etc'],
    ['HTTP_URL_REGEX', 'https://x.com/anna/status/1', 'javascript:alert(1)'],
    ['ID_REGEX', 'cv_3q2YpX0b1nVf8kLmT9wR4A', 'cv_short'],
    ['HANDOFF_CODE_REGEX', 'Yb3kQ9zR2mX8pL4wT7vN1c', 'Yb3kQ9zR2mX8pL4wT7vN1c=='],
    ['JWT_REGEX', 'eyJh.eyJz.c2ln', 'not a token'],
    ['CLOCK_TIME_REGEX', '24:00', '24:30'],
    ['ISO_WEEK_REGEX', '2026-W47', '2026-W54'],
    ['PAGE_LIMIT_REGEX', '50', '050'],
  ] as const)('%s accepts %s and refuses %s', (name, good, bad) => {
    expect(patterns[name]?.test(good)).toBe(true);
    expect(patterns[name]?.test(bad)).toBe(false);
  });

  it('finds hidden characters but allows line breaks, tabs and direction marks', () => {
    expect(regexModule.FORBIDDEN_TEXT_CHAR_REGEX.test('line\nbreak\ttab\u200E')).toBe(false);
    expect(regexModule.FORBIDDEN_TEXT_CHAR_REGEX.test('evil\u202Etxt')).toBe(true);
    expect(regexModule.LONE_SURROGATE_REGEX.test('emoji 😀 ok')).toBe(false);
    expect(regexModule.LONE_SURROGATE_REGEX.test('broken \uD83D here')).toBe(true);
  });
});
