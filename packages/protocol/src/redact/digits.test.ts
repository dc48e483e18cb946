import { describe, expect, it } from 'vitest';
import { digitAt, digitWidth } from './digits.js';

const DECIMAL_DIGIT = /\p{Nd}/u;
/** Two rare blocks that do not start at a code point ending in hex 0 or 6 (Myanmar Extended-C's second set, Ol Onal). */
const IRREGULAR = [
  [0x116da, 0x116e3],
  [0x1e5f1, 0x1e5fa],
];

describe('digitAt', () => {
  it('recognises every Unicode decimal digit and knows its value', () => {
    const wrong: string[] = [];
    let value = -1;
    for (let point = 0x30; point < 0x110000; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      const isDigit = DECIMAL_DIGIT.test(char);
      value = isDigit ? (value >= 0 ? (value + 1) % 10 : 0) : -1;
      const irregular = IRREGULAR.some(([from = 0, to = 0]) => point >= from && point <= to);
      const got = digitAt(char, 0);
      if (irregular ? got < 0 : got !== value) wrong.push(point.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('reads full-width, Arabic-Indic, Persian, Devanagari and mathematical digits', () => {
    expect([...'７٧۷७'].map((c) => digitAt(c, 0))).toEqual([7, 7, 7, 7]);
    expect(digitAt('𝟕', 0)).toBe(7);
    expect(digitWidth('𝟕', 0)).toBe(2);
    expect(digitAt('a', 0)).toBe(-1);
  });
});
