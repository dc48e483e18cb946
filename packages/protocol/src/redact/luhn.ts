/**
 * Whether `digits[from..to)` passes the Luhn (mod 10) check that every payment card number carries.
 * ISO/IEC 7812-1 Annex B; https://en.wikipedia.org/wiki/Luhn_algorithm
 *
 * @example luhnValid([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 0, 16) // true
 */
export function luhnValid(digits: readonly number[], from: number, to: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = to - 1; i >= from; i--) {
    let d = digits[i]!;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
