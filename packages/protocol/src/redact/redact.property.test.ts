import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardNumber, seeded } from './caseValues.js';
import { digitAt } from './digits.js';
import { redact } from './redact.js';

const SEPARATORS = [' ', '-', '.', '\u00a0', '\u2009', '\u202f', '\u200b', '–', ''];
/** Words without digits, `+` or brackets, in the five languages' alphabets. */
const word = fc.string({
  unit: fc.constantFrom(...'abcxyzABCXYZ абвгдеёжАБВ ąęłóśżĄŁ ,;:!?'.split('')),
  maxLength: 12,
});
/** A Luhn-valid card of a real network's range and length (13–19 digits). */
const card = fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => cardNumber(seeded(seed)));

/** Covered: whether every digit offset of `text` in [from, to) except the last 4 is masked. */
function hiddenButLast4(
  text: string,
  from: number,
  to: number,
  findings: ReturnType<typeof redact>['findings'],
): boolean {
  const digits: number[] = [];
  for (let i = from; i < to; i++) if (digitAt(text, i) >= 0) digits.push(i);
  return digits.slice(0, -4).every((at) => findings.some((f) => f.start <= at && at < f.end));
}

describe('redact properties', () => {
  it('masks a Luhn-valid card with random separators inside random text', () => {
    fc.assert(
      fc.property(
        word,
        card,
        fc.array(fc.constantFrom(...SEPARATORS), { minLength: 5, maxLength: 5 }),
        word,
        (before, number, seps, after) => {
          const groups = number.match(/.{1,4}/g) ?? [];
          const written = groups
            .map((g, i) => g + (i < groups.length - 1 ? (seps[i] ?? '') : ''))
            .join('');
          const text = `${before} ${written} ${after}`;
          const start = before.length + 1;
          return hiddenButLast4(text, start, start + written.length, redact(text).findings);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('masks a card split into random group sizes with one separator', () => {
    fc.assert(
      fc.property(
        card,
        fc.array(fc.integer({ min: 3, max: 7 }), { minLength: 6, maxLength: 6 }),
        fc.constantFrom(...SEPARATORS),
        (number, sizes, sep) => {
          const parts: string[] = [];
          let at = 0;
          for (const size of sizes) {
            if (at < number.length) parts.push(number.slice(at, at + size));
            at += size;
          }
          if (at < number.length) parts.push(number.slice(at));
          const text = `my card ${parts.join(sep)} thanks`;
          return hiddenButLast4(text, 8, 8 + parts.join(sep).length, redact(text).findings);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('leaves text without digits unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        fc.pre(!/\p{Nd}/u.test(text));
        return redact(text).text === text;
      }),
      { numRuns: 1000 },
    );
  });

  const digitSoup = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '4111',
          '1111',
          '5555',
          '4444',
          '2200',
          '12/27',
          '123',
          'cvv',
          'PL61',
          'DE89',
          ' ',
          ' ',
          '-',
          '.',
          '/',
          '\u200b',
          'code ',
          'account ',
          '+',
          'x.com/',
          '[card ••••1111]',
          '•',
          ']',
          '\n',
          'PIN',
          'iban ',
          'kod ',
          'счёт ',
        ),
        fc.integer({ min: 0, max: 9 }).map(String),
        card,
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('is idempotent', () => {
    fc.assert(
      fc.property(digitSoup, (text) => {
        const once = redact(text).text;
        expect(redact(once).text).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('reports offsets that point at the digits it masked, in order, without overlap', () => {
    fc.assert(
      fc.property(digitSoup, (text) => {
        const { text: out, findings } = redact(text);
        let rebuilt = '';
        let at = 0;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(at);
          expect(f.end).toBeGreaterThan(f.start);
          const first = text.codePointAt(f.start) ?? 0;
          const last = text.charCodeAt(f.end - 1);
          expect(
            digitAt(text, f.start) >= 0 ||
              (f.kind === 'iban' && /[a-z]/i.test(String.fromCodePoint(first))),
          ).toBe(true);
          expect(
            digitAt(text, f.end - 1) >= 0 ||
              (last >= 0xdc00 && last <= 0xdfff) ||
              /[a-z0-9]/i.test(text.charAt(f.end - 1)),
          ).toBe(true);
          rebuilt += text.slice(at, f.start) + f.mask;
          at = f.end;
        }
        expect(rebuilt + text.slice(at)).toBe(out);
      }),
      { numRuns: 3000 },
    );
  });
});
