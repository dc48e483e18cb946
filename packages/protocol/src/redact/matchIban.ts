import { digitAt, digitWidth } from './digits.js';
import { mod97 } from './mod97.js';
import { INVISIBLE, separatorClass } from './separatorClass.js';

/**
 * Country code and total IBAN length of every country in the SWIFT IBAN registry (ISO 13616),
 * release 99 (2025), 89 countries incl. RU 33, YE, SO, SD, OM, NI, MN, LY, HN, FK, DJ, BI.
 * https://www.swift.com/standards/data-standards/iban-international-bank-account-number
 */
export const IBAN_LENGTHS =
  'AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24DE22DJ27DK18DO28EE20EG29ES24' +
  'FI18FK18FO18FR27GB22GE22GI23GL18GR27GT28HN28HR21HU28IE22IL23IQ23IS26IT27JO30KW30KZ20LB28LC32' +
  'LI21LT20LU20LV21LY25MC27MD24ME22MK19MN20MR27MT31MU30NI28NL18NO15OM23PK24PL28PS29PT25QA29RO24' +
  'RS22RU33SA24SC31SD18SE24SI19SK24SM27SO23ST25SV28TL23TN24TR26UA29VA22VG24XK20YE30';

/** An IBAN-shaped match: where it ends, whether its check digits hold, its last 4 characters. */
export interface IbanMatch {
  readonly end: number;
  readonly valid: boolean;
  readonly last4: string;
}

/** The value 10–35 of an ASCII letter, or -1. */
function letterValue(code: number): number {
  const upper = code & ~0x20;
  return upper >= 0x41 && upper <= 0x5a ? upper - 55 : -1;
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
  if (a < 0 || b < 0) return undefined;
  const at = IBAN_LENGTHS.indexOf(String.fromCharCode(a + 55, b + 55));
  if (at < 0) return undefined;
  const length = Number(IBAN_LENGTHS.slice(at + 2, at + 4));
  // Rearranged for the check: BBAN, then country code and check digits (ISO 13616-1 §7.1).
  const values: number[] = [];
  const head = [a, b];
  let i = start + 2;
  let gap = 0;
  let count = 2;
  while (count < length && i < text.length) {
    const digit = digitAt(text, i);
    const value = digit >= 0 ? digit : count >= 4 ? letterValue(text.charCodeAt(i)) : -1;
    if (value >= 0) {
      (count < 4 ? head : values).push(value);
      count++;
      gap = 0;
      i += digit >= 0 ? digitWidth(text, i) : 1;
      continue;
    }
    const separator = separatorClass(text.charCodeAt(i));
    if (separator === 0 || (separator !== INVISIBLE && ++gap > 3)) return undefined;
    i++;
  }
  if (count < length) return undefined;
  const next = i < text.length ? text.charCodeAt(i) : 0x20;
  if (digitAt(text, i) >= 0 || letterValue(next) >= 0) return undefined;
  const all = values.concat(head);
  const tail = values.slice(-4).map((v) => (v < 10 ? String(v) : String.fromCharCode(v + 55)));
  return { end: i, valid: mod97(all) === 1, last4: tail.join('') };
}
