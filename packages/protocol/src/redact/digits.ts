import { isAsciiDigit } from './chars.js';
import { MATH_DIGITS } from './constants.js';

/**
 * A decimal digit in any script (Unicode general category Nd): ASCII, Arabic-Indic, Persian,
 * Devanagari, full-width, mathematical, … A secret typed in any script is still a secret.
 * https://www.unicode.org/reports/tr44/#General_Category_Values
 */
const DECIMAL_DIGIT_REGEX = /\p{Nd}/u;

/**
 * The value of the decimal digit whose UTF-16 code unit(s) start at `text[index]`, or -1.
 * Every Unicode digit block but two starts at a code point ending in hex 0 or 6, so the value
 * follows from the code point once `\p{Nd}` says it is a digit; `digits.test.ts` checks all of
 * them. A digit outside the BMP takes two code units; see {@link digitWidth}.
 *
 * @example digitAt('٤٢', 0) // 4 (Arabic-Indic four)
 */
export function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  // No digit below Arabic-Indic zero but the ASCII ones.
  if (code < 0x660) return isAsciiDigit(code) ? code - 0x30 : -1;
  const point = text.codePointAt(index) ?? 0;
  const char = String.fromCodePoint(point);
  if (!DECIMAL_DIGIT_REGEX.test(char)) return -1;
  if (point >= MATH_DIGITS && point < MATH_DIGITS + 50) return (point - MATH_DIGITS) % 10;
  const base = point - (point % 16);
  return (
    ((point - base + (DECIMAL_DIGIT_REGEX.test(String.fromCodePoint(base)) ? 0 : 10)) % 16) % 10
  );
}

/**
 * How many UTF-16 code units the digit at `text[index]` takes: 2 for a surrogate pair, else 1.
 *
 * @example digitWidth('𝟒', 0) // 2
 */
export function digitWidth(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1;
}
