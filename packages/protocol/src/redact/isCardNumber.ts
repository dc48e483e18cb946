import { luhnValid } from './luhn.js';

/**
 * Issuer identification ranges: `[first prefix, last prefix, shortest, longest]`; a prefix has as
 * many digits as written. Sources: ISO/IEC 7812 and the networks' published ranges, as collected at
 * https://en.wikipedia.org/wiki/Payment_card_number#Issuer_identification_number_(IIN)
 * Prefix 1 (UATP) and 0 are left out on purpose: X and Facebook IDs start with 1.
 */
const IIN_RANGES: readonly (readonly [number, number, number, number])[] = [
  [4, 4, 13, 13], // Visa: 13, 16, 19 only; a 15-digit IMEI starting with 49 passes Luhn too
  [4, 4, 16, 16],
  [4, 4, 19, 19],
  [51, 55, 16, 16], // Mastercard
  [2221, 2720, 16, 16], // Mastercard 2-series
  [2200, 2204, 16, 19], // Mir
  [34, 34, 15, 15], // American Express
  [37, 37, 15, 15], // American Express
  [300, 305, 14, 19], // Diners Club International
  [36, 36, 14, 19], // Diners Club International
  [38, 39, 16, 19], // Diners Club / Discover partner ranges
  [3528, 3589, 16, 19], // JCB
  [50, 50, 12, 19], // Maestro, Dankort, Verve
  [56, 69, 12, 19], // Maestro, Discover (6011, 644–649, 65), UnionPay (62), RuPay, Troy (65)
  [81, 81, 16, 19], // UnionPay 81xx, RuPay 81
  [9792, 9792, 16, 16], // Troy
];

/**
 * The card lengths the issuer ranges allow for a number starting at `digits[from]`, as a bit
 * mask (bit n set: n digits allowed). Computed once per start, so windows of every length are
 * checked in constant time.
 *
 * @example cardLengthMask([5, 5, 5, 5], 0) === 1 << 16 // Mastercard: 16 digits only
 */
export function cardLengthMask(digits: ArrayLike<number>, from: number): number {
  if (!masks) {
    // Built on first use: the mask of every 4-digit prefix, so a lookup is one array read.
    masks = new Int32Array(10_000);
    for (const [low, high, shortest, longest] of IIN_RANGES) {
      const scale = 10 ** (4 - String(low).length);
      for (let prefix = low * scale; prefix < (high + 1) * scale; prefix++) {
        for (let length = shortest; length <= longest; length++)
          masks[prefix] = (masks[prefix] ?? 0) | (1 << length);
      }
    }
  }
  const prefix =
    (digits[from] ?? 0) * 1000 +
    (digits[from + 1] ?? 0) * 100 +
    (digits[from + 2] ?? 0) * 10 +
    (digits[from + 3] ?? 0);
  return masks[prefix] ?? 0;
}

let masks: Int32Array | undefined;

/**
 * Whether `digits[from..to)` is a payment card number: Luhn-valid and inside an issuer range whose
 * length it has. With `anyIssuer` (a card keyword stands next to it), any 12–19 Luhn-valid number.
 *
 * @example isCardNumber([2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4], 0, 16) // true (Mir)
 */
export function isCardNumber(
  digits: ArrayLike<number>,
  from: number,
  to: number,
  anyIssuer = false,
): boolean {
  const length = to - from;
  if (length < 12 || length > 19 || !luhnValid(digits, from, to)) return false;
  return anyIssuer || ((cardLengthMask(digits, from) >> length) & 1) === 1;
}
