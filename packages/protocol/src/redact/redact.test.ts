import { describe, expect, it } from 'vitest';
import { luhnComplete } from './caseValues.js';
import { redact } from './redact.js';

/** Digits left outside masks: none may be more than the 4 a mask keeps. */
const UNMASKED_DIGITS = /\p{Nd}/gu;
const MASK = /\[[^\]]*\]/g;

const MUST_MASK: readonly string[] = [
  'Card: 4111-1111-1111-1111, exp: 12/27, CVV: 123',
  'my cc is 4111111111111111',
  'PAN4111111111111111',
  '4111111111111111exp1227cvv123',
  '4111111111111111/12/27/123',
  '(4111 1111 1111 1111)',
  '4111.1111.1111.1111',
  '4111\u00a01111\u00a01111\u00a01111',
  '4111\u20091111\u20091111\u20091111',
  '4111\u200b1111\u200b1111\u200b1111',
  '4111—1111—1111—1111',
  '４１１１ １１１１ １１１１ １１１１',
  '٤١١١ ١١١١ ١١١١ ١١١١',
  '۴۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱',
  'Mastercard 2223 0000 4841 0010',
  'Mir 2200 0000 0000 0004',
  `Mir ${luhnComplete('220412345678901234')}`,
  '3782 822463 10005',
  'JCB 3530111333300000',
  'Discover 6011 1111 1111 1117',
  'Diners 3056 9309 0259 04',
  `UnionPay ${luhnComplete('621234567890123456')}`,
  `Maestro ${luhnComplete('67591234567')}`,
  '4111 1111 1111 1111 5555 5555 5555 4444',
  'IBAN: DE89 3704 0044 0532 0130 00',
  'BG80 BNBG 9661 1020 3456 78',
  'nl91abna0417164300',
  'RU0204452560040702810412345678901',
  'LC55 HEMM 0001 0001 0012 0012 0002 3015',
  'numer konta: 61 1090 1014 0000 0712 1981 2874',
  '61109010140000071219812874',
  'Номер счета: 40817810099910004312, банк ВТБ',
  'р/с 4081 7810 0999 1000 4312',
  'л/с 12345678901234567890',
  'Sort code: 20-00-00, Account: 55779911',
  '20-00-00 55779911',
  'Routing: 021000021 Account: 1234567890',
  'my account number is 12345678',
  'rekeningnummer 123456789',
  'сметка 1234567890',
];

const MUST_HIDE_ALL: readonly string[] = [
  'PIN: 1234',
  'my pin is 0000',
  'Your code is 123456',
  'one-time code 123 456',
  '2FA code 123456',
  'CVV2: 123',
  'expiry date: 12/2027',
  'valid thru 12/27',
  'срок действия 12/27',
  'код из смс 482913',
  'CVV код 123',
  'kod BLIK 123456',
  'data ważności: 12/27',
  'ważna do 11/2026',
  'валидна до 12/27',
  'код за потвърждение 5521',
  'pincode 4821',
  'geldig tot 12/27',
  'CVC-code 123',
];

const MUST_KEEP: readonly string[] = [
  '+7 (912) 345-67-89',
  '8 912 345 67 89',
  '+48 601 234 567',
  '+31 6 12345678',
  '+359 88 123 4567',
  '+44 7911 123456',
  '+1 (212) 555-0100',
  '+79123456789',
  'tel. 601 234 567 / 601 234 568',
  '22.11.2026',
  '2026-11-22',
  '22.11.2026-25.11.2026 14:30',
  '1 234 567,89 zł',
  '$1,234,567.89',
  '12,5%',
  'https://x.com/jack/status/1859348573234567891',
  `x.com/bank/status/${luhnComplete('512345678901234567')}`,
  'https://m.facebook.com/story.php?story_fbid=10159123456789012&id=100012345678901',
  'tweet 1859348573234567891',
  'order 4111111111111112',
  '1Z999AA10123456784',
  '9400 1000 0000 0000 0000 00',
  'DE88 3704 0044 0532 0130 00',
  '123e4567-e89b-12d3-a456-426614174000',
  'kod pocztowy 00-950',
  'пощенски код 1000',
  'order code 123456',
  'код заказа 5512345',
  'zip code 10001',
  'IMEI 490154203237518',
  'code 12',
  'score 12 34 56 78 90 12',
];

describe('redact', () => {
  it.each(MUST_MASK)('masks all but the last 4 digits: %s', (text) => {
    const { text: out, findings } = redact(text);
    expect(findings.length).toBeGreaterThan(0);
    for (const unmasked of out.replace(MASK, ' ').split(/\s+/)) {
      expect((unmasked.match(UNMASKED_DIGITS) ?? []).length, out).toBeLessThanOrEqual(4);
    }
  });

  it.each(MUST_HIDE_ALL)('hides every digit of a secret: %s', (text) => {
    const { text: out, findings } = redact(text);
    const at = out.indexOf('[');
    expect(findings.length).toBe(1);
    expect(out.slice(at).replace(MASK, '').match(UNMASKED_DIGITS), out).toBeNull();
  });

  it.each(MUST_KEEP)('leaves alone: %s', (text) => {
    expect(redact(text).findings).toEqual([]);
  });

  it('writes masks that name the kind and keep the last 4', () => {
    expect(redact('4111 1111 1111 1111, 12/27, 123').text).toBe(
      '[card ••••1111], [expiry hidden], [CVV hidden]',
    );
    expect(redact('IBAN GB29 NWBK 6016 1331 9268 19').text).toBe('IBAN [IBAN ••••6819]');
    expect(redact('счёт 40817810099910004312').text).toBe('счёт [account ••••4312]');
    expect(redact('routing 021000021').text).toBe('routing [routing ••••]');
    expect(redact('PIN 1234').text).toBe('PIN [PIN hidden]');
  });

  it('reports findings in input order with input offsets', () => {
    const text = 'a 4111111111111111 b DE89370400440532013000';
    expect(redact(text).findings).toEqual([
      { kind: 'card', start: 2, end: 18, mask: '[card ••••1111]' },
      { kind: 'iban', start: 21, end: 43, mask: '[IBAN ••••3000]' },
    ]);
  });

  it('checks a Russian account against the BIK in the text', () => {
    // No Russian structure (section 70 is not a client account), but the key matches the BIK.
    expect(redact('перевод 70601810704000000225 БИК 044525225').text).toBe(
      'перевод [account ••••0225] БИК 044525225',
    );
    expect(redact('перевод 70601810704000000225 БИК 044525226').findings).toEqual([]);
    expect(redact('перевод 70601810704000000225').findings).toEqual([]);
  });

  it('keeps no digit in the mask of an account fragment found by keyword only', () => {
    // Fewer digits than any complete account (8, a UK account), wherever it stands.
    expect(redact('account 123456 thanks').text).toBe('account [account ••••] thanks');
    // At the end of the message it may be the head of a number the next message completes, so
    // its last 4 digits may not be the number's last.
    for (const text of [
      'мой счёт 40817810',
      'мой счёт 40817810 ',
      'мой счёт 40817810.',
      'my account number is 12345678',
      'Routing: 021000021 Account: 1234567890',
      'sort code 20-00-00 account 55779911\u00a0',
    ]) {
      const out = redact(text).text;
      expect(out, text).toMatch(/\[account ••••\]/);
      expect(redact(out).text).toBe(out);
    }
    // Followed by more text, a complete one keeps its last 4; so does one a checksum proves.
    expect(redact('account 12345678 thanks').text).toBe('account [account ••••5678] thanks');
    expect(redact('счёт 40817810099910004312').text).toBe('счёт [account ••••4312]');
    expect(redact('20-00-00 55779911').text).toBe('[sort code ••••] [account ••••9911]');
  });

  it('masks only the kinds asked for', () => {
    const text = '4111111111111111 cvv 123';
    expect(redact(text, { kinds: ['secret'] }).text).toBe('4111111111111111 cvv [CVV hidden]');
  });

  it('is idempotent on all of the above', () => {
    for (const text of [...MUST_MASK, ...MUST_HIDE_ALL, ...MUST_KEEP]) {
      const once = redact(text).text;
      expect(redact(once).text).toBe(once);
    }
  });
});
