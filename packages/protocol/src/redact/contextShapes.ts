/**
 * Currency signs and words that follow or precede an amount in the five languages: "1 234,56 zł",
 * "1 500 руб.", "250 лв", "€ 1 200", "$1,500". ISO 4217 codes included.
 */
const CURRENCY_WORDS =
  ' zł zl pln gr złotych zlotych руб рублей рубля р rub ₽ лв лева bgn eur euro euros € usd $ ' +
  'dollars gbp £ pounds ¥ % procent процентов ';

function isDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0x30 && code <= 0x39;
}

function isAsciiOrCyrillicLetter(code: number): boolean {
  const folded = code | 0x20;
  return (folded >= 0x61 && folded <= 0x7a) || (code >= 0x400 && code <= 0x4ff) || code === 0x142;
}

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
  while (j < text.length && j - i < 10 && isAsciiOrCyrillicLetter(text.charCodeAt(j))) j++;
  const word = j > i ? text.slice(i, j).toLowerCase() : text.charAt(i);
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
 * Whether three digit groups joined by one kind of dot, dash or slash read as a calendar date:
 * `22.11.2026`, `11/22/26`, `2026-11-22`. Such a triple never joins a longer number.
 *
 * @example isDateTriple([22, 11, 2026], [2, 2, 4]) // true
 */
export function isDateTriple(values: readonly number[], lengths: readonly number[]): boolean {
  const [a = 0, b = 0, c = 0] = values;
  const [la = 0, lb = 0, lc = 0] = lengths;
  if (la === 4)
    return a >= 1900 && a <= 2099 && lb <= 2 && lc <= 2 && b >= 1 && b <= 12 && c >= 1 && c <= 31;
  if (la > 2 || lb > 2 || (lc !== 2 && lc !== 4) || (lc === 4 && (c < 1900 || c > 2099)))
    return false;
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}
