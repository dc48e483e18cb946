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
  return (
    // Visa: 13, 16, 19 only; a 15-digit IMEI starting with 49 passes Luhn too
    (p >= 4000 && p < 5000 ? LENGTHS_13_16_19 : 0) |
    // Mastercard 51–55 and 2221–2720; Troy 9792
    ((p >= 5100 && p < 5600) || (p >= 2221 && p <= 2720) || p === 9792 ? LENGTH_16 : 0) |
    // American Express 34, 37
    ((p >= 3400 && p < 3500) || (p >= 3700 && p < 3800) ? LENGTH_15 : 0) |
    // Diners Club International 300–305, 36
    ((p >= 3000 && p < 3060) || (p >= 3600 && p < 3700) ? LENGTHS_14_TO_19 : 0) |
    // Mir 2200–2204; Diners / Discover partners 38–39; JCB 3528–3589; UnionPay, RuPay 81
    ((p >= 2200 && p <= 2204) ||
    (p >= 3800 && p < 4000) ||
    (p >= 3528 && p <= 3589) ||
    (p >= 8100 && p < 8200)
      ? LENGTHS_16_TO_19
      : 0) |
    // Maestro, Dankort, Verve 50; Maestro, Discover (6011, 644–649, 65), UnionPay (62), RuPay,
    // Troy (65) 56–69
    ((p >= 5000 && p < 5100) || (p >= 5600 && p < 7000) ? LENGTHS_12_TO_19 : 0)
  );
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
