import {
  LENGTH_15,
  LENGTH_16,
  LENGTHS_12_TO_19,
  LENGTHS_13_16_19,
  LENGTHS_14_TO_19,
  LENGTHS_16_TO_19,
} from './constants.js';
import { luhnValid } from './luhn.js';

/**
 * The card lengths the issuer identification ranges allow for a number starting at
 * `digits[from]`, as a bit mask (bit n set: n digits allowed), from its first 4 digits. Sources:
 * ISO/IEC 7812 and the networks' published ranges, as collected at
 * https://en.wikipedia.org/wiki/Payment_card_number#Issuer_identification_number_(IIN)
 * Prefix 1 (UATP) and 0 are left out on purpose: X and Facebook IDs start with 1.
 *
 * @example cardLengthMask([5, 5, 5, 5], 0) === 1 << 16 // Mastercard: 16 digits only
 */
export function cardLengthMask(digits: readonly number[], from: number): number {
  let p = 0; // the first 4 digits, 0 for each one missing
  for (let i = from; i < from + 4; i++) p = p * 10 + (digits[i] ?? 0);
  const q = (p / 100) | 0; // the first 2 digits
  // The ranges do not overlap: the first that holds decides.
  // Visa: 13, 16, 19 only; a 15-digit IMEI starting with 49 passes Luhn too
  if (q >= 40 && q < 50) return LENGTHS_13_16_19;
  // Mastercard 51–55 and 2221–2720; Troy 9792
  if ((q > 50 && q < 56) || (p >= 2221 && p <= 2720) || p === 9792) return LENGTH_16;
  // American Express 34, 37
  if (q === 34 || q === 37) return LENGTH_15;
  // Diners Club International 300–305, 36
  if ((p >= 3000 && p < 3060) || q === 36) return LENGTHS_14_TO_19;
  // Mir 2200–2204; Diners / Discover partners 38–39; JCB 3528–3589; UnionPay, RuPay 81
  if ((p >= 2200 && p <= 2204) || q === 38 || q === 39 || (p >= 3528 && p <= 3589) || q === 81)
    return LENGTHS_16_TO_19;
  // Maestro, Dankort, Verve 50; Maestro, Discover (6011, 644–649, 65), UnionPay (62), RuPay,
  // Troy (65) 56–69
  return q === 50 || (q > 55 && q < 70) ? LENGTHS_12_TO_19 : 0;
}

/**
 * Whether `digits[from..to)` is a payment card number: Luhn-valid and inside an issuer range whose
 * length it has. With `anyIssuer` (a card keyword stands next to it), any 12–19 Luhn-valid number.
 *
 * @example isCardNumber([2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4], 0, 16) // true (Mir)
 */
export function isCardNumber(
  digits: readonly number[],
  from: number,
  to: number,
  anyIssuer = false,
): boolean {
  const length = to - from;
  if (length < 12 || length > 19 || !luhnValid(digits, from, to)) return false;
  return anyIssuer || ((cardLengthMask(digits, from) >> length) & 1) === 1;
}
