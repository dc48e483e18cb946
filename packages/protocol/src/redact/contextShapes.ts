import { isAsciiDigit } from './chars.js';
import { asciiWord, isLetter } from './keywordBefore.js';

/**
 * Currency signs and words that follow or precede an amount in the five languages: "1 234,56 zł",
 * "1 500 руб.", "250 лв", "€ 1 200", "$1,500". ISO 4217 codes included. Cyrillic written as in
 * keywordBefore.ts: руб, рублей, рубля, р, лв, лева, процентов.
 */
const CURRENCY_WORDS =
  ' zł zl pln gr złotych zlotych _rub _rubley _rubl_ _r rub ₽ _lv _leva bgn eur euro euros € usd $ ' +
  'dollars gbp £ pounds ¥ % procent _procentov ';

const isDigit = (text: string, index: number): boolean => isAsciiDigit(text.charCodeAt(index));

/**
 * Whether the number at `text[start..end)` reads as an amount: a currency sign before it, or a
 * decimal part (`,56`, `.5`), a percent sign or a currency word right after it.
 *
 * @example looksLikeAmount('1 234,56 zł', 0, 5) // true
 */
export function looksLikeAmount(text: string, start: number, end: number): boolean {
  let before = start - 1;
  if (text.charAt(before) === ' ') before--;
  if ('$€£₽¥'.includes(text.charAt(before)) && before >= 0) return true;
  let i = end;
  const next = text.charAt(i);
  if ((next === ',' || next === '.') && isDigit(text, i + 1)) {
    return !(isDigit(text, i + 2) && isDigit(text, i + 3));
  }
  if (next === ' ' || next === '\u00a0') i++;
  let j = i;
  // Past the end charCodeAt is NaN, which is no letter.
  while (j - i < 10 && isLetter(text.charCodeAt(j))) j++;
  const word = j > i ? asciiWord(text.slice(i, j).toLowerCase()) : text.charAt(i);
  return word !== '' && CURRENCY_WORDS.includes(` ${word} `);
}

/**
 * Whether two digit groups read as a card expiry date: a month 1–12, then a two-digit or 20xx year
 * (`12/27`, `03.2029`, `5-28`).
 *
 * @example isExpiryPair(12, 2, 27, 2) // true
 */
export function isExpiryPair(
  month: number,
  monthLength: number,
  year: number,
  yearLength: number,
): boolean {
  if (monthLength > 2 || month < 1 || month > 12) return false;
  return yearLength === 2 || (yearLength === 4 && year >= 2000 && year < 2100);
}

/**
 * Whether three digit groups (values a, b, c of lengths la, lb, lc) joined by one kind of dot,
 * dash or slash read as a calendar date: `22.11.2026`, `11/22/26`, `2026-11-22`. Such a triple
 * never joins a longer number.
 *
 * @example isDateTriple(22, 2, 11, 2, 2026, 4) // true
 */
export function isDateTriple(
  a: number,
  la: number,
  b: number,
  lb: number,
  c: number,
  lc: number,
): boolean {
  if (la === 4)
    return a >= 1900 && a <= 2099 && lb <= 2 && lc <= 2 && b >= 1 && b <= 12 && c >= 1 && c <= 31;
  if (la > 2 || lb > 2 || (lc !== 2 && lc !== 4) || (lc === 4 && (c < 1900 || c > 2099)))
    return false;
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}
