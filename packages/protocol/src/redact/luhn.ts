/**
 * Whether `digits[from..to)` passes the Luhn (mod 10) check that every payment card number carries.
 * ISO/IEC 7812-1 Annex B; https://en.wikipedia.org/wiki/Luhn_algorithm
 *
 * @example luhnValid([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 0, 16) // true
 */
export function luhnValid(digits: readonly number[], from: number, to: number): boolean {
  let sum = 0;
  // From the last digit, which is never doubled, every other digit doubled.
  for (let i = to - 1, double = 0; i >= from; i--, double ^= 1) {
    const d = digits[i]! << double;
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10 === 0;
}
