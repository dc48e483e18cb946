/**
 * ISO 7064 MOD 97-10 of a sequence of values 0–35 (a digit is itself, a letter A–Z is 10–35), as
 * IBANs and Polish NRBs use it. Computed piecewise so no number exceeds 2^31.
 * https://www.iso.org/standard/31531.html
 *
 * @example mod97([1, 2, 3]) // 26 (123 mod 97)
 */
export function mod97(values: readonly number[]): number {
  let rest = 0;
  for (const value of values) rest = (rest * (value < 10 ? 10 : 100) + value) % 97;
  return rest;
}
