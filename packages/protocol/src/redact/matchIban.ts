import { isAsciiLetter } from './chars.js';
import { INVISIBLE } from './constants.js';
import { digitAt, digitWidth } from './digits.js';
import { mod97 } from './mod97.js';
import { separatorClass } from './separatorClass.js';

/**
 * Every country of the SWIFT IBAN registry (ISO 13616), release 99 (2025), 89 countries incl.
 * RU 33, YE, SO, SD, OM, NI, MN, LY, HN, FK, DJ, BI, grouped by total IBAN length: one
 * `|`-separated list per length from 15 to 33, each the codes of the countries with that length
 * (`no|be||dkfi…` — NO 15, BE 16, none 17, DK 18, …). In lower case, because in a bundle's
 * gzip a lower-case letter costs fewer bits than a capital, which code rarely uses.
 * https://www.swift.com/standards/data-standards/iban-international-bank-account-number
 */
export const IBAN_COUNTRIES =
  'no|be||dkfifkfoglnlsd|mksi|atbaeekzltlumnxk|chhrlilv|bgbhcrdegbgeiemersva|aegiiliqomsotl|' +
  'adczesmdpkrosasesktnvg|lyptst|istr|bidjfrgritmcmrsm|alazbycydogthnhulbniplsv|bregpsqaua|' +
  'jokwmuye|mtsc|lc|ru';

let lengths: Map<string, number> | undefined;

/**
 * The total IBAN length of a country (lower-case code), or undefined outside the registry.
 *
 * @example ibanLength('de') // 22
 */
export function ibanLength(country: string): number | undefined {
  lengths ??= new Map(
    IBAN_COUNTRIES.split('|').flatMap((codes, n) =>
      (codes.match(/../g) ?? []).map((code) => [code, 15 + n]),
    ),
  );
  return lengths.get(country);
}

/** An IBAN-shaped match: where it ends, whether its check digits hold, its last 4 characters. */
export interface IbanMatch {
  readonly end: number;
  readonly valid: boolean;
  readonly last4: string;
}

/** The value 10–35 of an ASCII letter, or -1. */
function letterValue(code: number): number {
  return isAsciiLetter(code) ? (code | 0x20) - 87 : -1;
}

/**
 * The IBAN whose country code starts at `text[start]`: upper or lower case, electronic or printed
 * in groups (spaces, dashes, dots, invisible characters), digits in any script. It must have its
 * country's exact length and not run on into more letters or digits. `valid` is the mod-97 check.
 * Returns undefined when the text there is not IBAN-shaped at all.
 *
 * @example matchIban('pl61 1090 1014 0000 0712 1981 2874', 0) // { end: 34, valid: true, last4: '2874' }
 */
export function matchIban(text: string, start: number): IbanMatch | undefined {
  const a = letterValue(text.charCodeAt(start));
  const b = letterValue(text.charCodeAt(start + 1));
  const length = a < 0 || b < 0 ? 0 : ibanLength(String.fromCharCode(a + 87, b + 87));
  if (!length) return undefined;
  // Country code, check digits (digits only), then the BBAN (digits or letters).
  const values = [a, b];
  let i = start + 2;
  let gap = 0;
  // Past the end of the text nothing is a digit, letter or separator: the loop returns there.
  while (values.length < length) {
    const digit = digitAt(text, i);
    const value = digit >= 0 ? digit : values.length > 3 ? letterValue(text.charCodeAt(i)) : -1;
    if (value >= 0) {
      values.push(value);
      gap = 0;
      i += digit >= 0 ? digitWidth(text, i) : 1;
    } else {
      const separator = separatorClass(text.charCodeAt(i));
      if (!separator || (separator !== INVISIBLE && ++gap > 3)) return undefined;
      i++;
    }
  }
  // Its exact length, not running on into more letters or digits.
  if (values.length < length || digitAt(text, i) >= 0 || letterValue(text.charCodeAt(i)) >= 0)
    return undefined;
  return {
    end: i,
    // Rearranged for the check: BBAN, then country code and check digits (ISO 13616-1 §7.1).
    valid: mod97([...values.slice(4), ...values.slice(0, 4)]) === 1,
    last4: values
      .slice(-4)
      .map((v) => v.toString(36).toUpperCase())
      .join(''),
  };
}
