import { describe, expect, it } from 'vitest';
import { luhnComplete } from './caseValues.js';
import { isAbaRouting, isNrb, isRussianAccount, russianKeyValid } from './domesticAccounts.js';
import { cardLengthMask, isCardNumber } from './isCardNumber.js';
import { luhnValid } from './luhn.js';
import { mod97 } from './mod97.js';

const digits = (text: string): number[] => [...text].map(Number);

describe('luhn and card ranges', () => {
  it('checks Luhn', () => {
    expect(luhnValid(digits('4111111111111111'), 0, 16)).toBe(true);
    expect(luhnValid(digits('4111111111111112'), 0, 16)).toBe(false);
    expect(luhnValid(digits('79927398713'), 0, 11)).toBe(true);
  });

  it.each([
    ['Visa 13', '4222222222222'],
    ['Visa 16', '4111111111111111'],
    ['Visa 19', luhnComplete('411111111111111111')],
    ['Mastercard 5x', '5555555555554444'],
    ['Mastercard 2-series', '2223000048410010'],
    ['Amex', '378282246310005'],
    ['Mir', '2200000000000004'],
    ['Mir 19', luhnComplete('220412345678901234')],
    ['Maestro 12', luhnComplete('67591234567')],
    [
      'Maestro 19',
      '6759649826438453000'.slice(0, 18) + luhnComplete('675964982643845300').slice(-1),
    ],
    ['UnionPay 16', '6212345678901265'],
    ['UnionPay 19', luhnComplete('621234567890123456')],
    ['JCB', '3530111333300000'],
    ['Discover', '6011111111111117'],
    ['Diners 14', '30569309025904'],
  ])('accepts %s', (_, number) => {
    expect(isCardNumber(digits(number), 0, number.length)).toBe(true);
  });

  it.each([
    ['a 15-digit IMEI starting 49', luhnComplete('49015420323751')],
    ['an X status ID', luhnComplete('185934857323456789')],
    ['Mastercard of 15 digits', luhnComplete('55555555555544')],
    ['a Luhn-invalid number', '4111111111111112'],
  ])('rejects %s', (_, number) => {
    expect(isCardNumber(digits(number), 0, number.length)).toBe(false);
  });

  it('accepts any issuer when a card keyword vouches for it', () => {
    const number = luhnComplete('123456789012345');
    expect(isCardNumber(digits(number), 0, 16, true)).toBe(true);
    expect(cardLengthMask(digits(number), 0)).toBe(0);
  });
});

describe('domestic accounts', () => {
  it('checks mod 97 and Polish NRBs', () => {
    expect(mod97(digits('123'))).toBe(26);
    expect(isNrb(digits('61109010140000071219812874'), 0)).toBe(true);
    expect(isNrb(digits('62109010140000071219812874'), 0)).toBe(false);
  });

  it('checks the structure and control key of Russian accounts', () => {
    expect(isRussianAccount(digits('40817810099910004312'), 0)).toBe(true);
    expect(isRussianAccount(digits('50817810099910004312'), 0)).toBe(false);
    expect(isRussianAccount(digits('40817123099910004312'), 0)).toBe(false);
    // Sberbank's correspondent account at the Bank of Russia, and its BIK.
    expect(russianKeyValid(digits('30101810400000000225'), 0, digits('044525225'))).toBe(true);
    expect(russianKeyValid(digits('30101810500000000225'), 0, digits('044525225'))).toBe(false);
  });

  it('checks ABA routing numbers', () => {
    expect(isAbaRouting(digits('021000021'), 0)).toBe(true);
    expect(isAbaRouting(digits('011000015'), 0)).toBe(true);
    expect(isAbaRouting(digits('021000022'), 0)).toBe(false);
    expect(isAbaRouting(digits('991000021'), 0)).toBe(false);
  });
});
