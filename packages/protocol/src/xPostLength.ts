import { X_URL_WEIGHT } from './limits.js';
import { X_URL_IN_TEXT_REGEX } from './regex.js';

/**
 * Code-point ranges X counts as one character; everything else (CJK, emoji, …) counts as two.
 * From twitter-text's v3 configuration ("ranges" with weight 100):
 * https://github.com/twitter/twitter-text/blob/master/config/v3.json
 */
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

function weightOf(codePoint: number): number {
  for (const [from, to] of LIGHT_RANGES) if (codePoint >= from && codePoint <= to) return 1;
  return 2;
}

/**
 * The length X counts for a post: every URL as 23, light characters (Latin, Cyrillic, …) as one,
 * others as two. The console's character counter and the server's suggested replies use it so
 * a suggested reply always fits in 280.
 *
 * @example
 * xPostLength('Hi https://bank.example/h/very-long-code'); // 3 + 23 = 26
 */
export function xPostLength(text: string): number {
  let length = 0;
  let rest = text;
  for (const match of text.matchAll(X_URL_IN_TEXT_REGEX)) {
    length += X_URL_WEIGHT;
    rest = rest.replace(match[0], '');
  }
  for (const char of rest) length += weightOf(char.codePointAt(0) ?? 0);
  return length;
}
