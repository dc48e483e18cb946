import { describe, expect, it } from 'vitest';
import { IBAN_TABLE, ibanOf, seeded } from './caseValues.js';
import { IBAN_COUNTRIES, matchIban } from './matchIban.js';

describe('matchIban', () => {
  it('knows every country of the SWIFT registry, RU and the new ones included', () => {
    const countries = IBAN_COUNTRIES.match(/[a-z]{2}/g) ?? [];
    expect(countries.length).toBe(89);
    expect(new Set(countries).size).toBe(89);
    expect(IBAN_COUNTRIES.split('|').map((codes) => codes.length % 2)).not.toContain(1);
    const table = IBAN_TABLE.map(([code, length]) => `${code}${length}`);
    for (const code of [
      'RU33',
      'YE30',
      'SO23',
      'SD18',
      'OM23',
      'MN20',
      'LY25',
      'NI28',
      'FK18',
      'DJ27',
      'BI27',
    ]) {
      expect(table).toContain(code);
    }
  });

  it('accepts a valid IBAN of every country, printed or electronic, upper or lower case', () => {
    const random = seeded(1);
    for (const [country] of IBAN_TABLE) {
      const iban = ibanOf(random, false, country);
      const printed = iban.replace(/(.{4})/g, '$1 ').trim();
      for (const text of [
        iban,
        printed,
        printed.toLowerCase(),
        iban.replace(/(.{4})/g, '$1\u00a0'),
      ]) {
        expect(matchIban(`${text.trim()} ok`, 0), text).toMatchObject({
          valid: true,
          end: text.trim().length,
        });
      }
    }
  });

  it('finds a wrong check digit, a wrong length and trailing characters', () => {
    expect(matchIban('DE89 3704 0044 0532 0130 00', 0)?.valid).toBe(true);
    expect(matchIban('DE88 3704 0044 0532 0130 00', 0)?.valid).toBe(false);
    expect(matchIban('DE89 3704 0044 0532 0130 0', 0)).toBeUndefined();
    expect(matchIban('DE89 3704 0044 0532 0130 001', 0)).toBeUndefined();
    expect(matchIban('XX89 3704 0044 0532 0130 00', 0)).toBeUndefined();
    expect(matchIban('RU0204452560040702810412345678901', 0)?.valid).toBe(true);
    expect(matchIban('GB29 NWBK 6016 1331 9268 19', 0)).toEqual({
      end: 27,
      valid: true,
      last4: '6819',
    });
  });
});
