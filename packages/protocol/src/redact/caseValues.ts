import { IBAN_COUNTRIES, ibanLength } from './matchIban.js';
import { mod97 } from './mod97.js';

/**
 * Value generators for the labelled test corpus (`generateCases.ts`); not part of the engine.
 * Each returns the text of one number as a customer might type it.
 */

/** A seeded pseudo-random source: mulberry32, so a corpus is the same on every run. */
export interface Random {
  (): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** A seeded {@link Random}. @example const random = seeded(42); random.int(1, 6) */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = next as Random;
  random.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  random.pick = (items) => items[Math.floor(next() * items.length)] as (typeof items)[number];
  return random;
}

/** `count` random digits. */
export function digitString(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += random.int(0, 9);
  return out;
}

/** The Luhn check digit that completes `body`. @example luhnComplete('411111111111111') // '4111111111111111' */
export function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}

/** Issuer prefixes and lengths of real networks, for positives. */
const NETWORKS: readonly (readonly [string, readonly number[]])[] = [
  ['4', [13, 16, 19]],
  ['51', [16]],
  ['55', [16]],
  ['2221', [16]],
  ['2720', [16]],
  ['2500', [16]],
  ['34', [15]],
  ['37', [15]],
  ['2200', [16, 17, 18, 19]],
  ['2204', [16]],
  ['6759', [12, 13, 16, 18, 19]],
  ['5018', [12, 16, 19]],
  ['62', [16, 17, 18, 19]],
  ['3530', [16]],
  ['6011', [16]],
  ['65', [16, 19]],
  ['36', [14]],
  ['9792', [16]],
];

/** A Luhn-valid card number of a random network. */
export function cardNumber(random: Random): string {
  const [prefix, lengths] = random.pick(NETWORKS);
  const length = random.pick(lengths);
  return luhnComplete(prefix + digitString(random, length - prefix.length - 1));
}

/** A Luhn-INVALID number of the same shape, for decoys. */
export function notCardNumber(random: Random, length = 16): string {
  const valid = luhnComplete(random.pick(['4', '5', '6']) + digitString(random, length - 2));
  const last = Number(valid[valid.length - 1]);
  return valid.slice(0, -1) + ((last + random.int(1, 9)) % 10);
}

/** The registry's country codes in alphabetical order, and each one's IBAN length. */
export const IBAN_TABLE: readonly (readonly [string, number])[] = (
  IBAN_COUNTRIES.match(/[a-z]{2}/g) ?? []
)
  .sort()
  .map((code) => [code.toUpperCase(), ibanLength(code) ?? 0]);

/** An IBAN of a random registry country, upper case, electronic form; `wrong` breaks its check. */
export function ibanOf(random: Random, wrong = false, country?: string): string {
  const [code, length] = country
    ? [country, ibanLength(country.toLowerCase()) ?? 0]
    : (IBAN_TABLE[random.int(0, IBAN_TABLE.length - 1)] ?? ['', 0]);
  const letters = random() < 0.3 && length > 18;
  let bban = '';
  for (let i = 0; i < length - 4; i++) {
    bban += letters && i < 4 ? String.fromCharCode(65 + random.int(0, 25)) : random.int(0, 9);
  }
  const values = [...`${bban}${code}00`].map((c) => parseInt(c, 36));
  let check = 98 - mod97(values);
  if (wrong) check = ((check + random.int(1, 96) - 2) % 97) + 2;
  return `${code}${String(check).padStart(2, '0')}${bban}`;
}

/** A Polish NRB (26 digits, valid check digits). */
export function nrbOf(random: Random): string {
  const body = digitString(random, 24);
  const check = 98 - mod97([...`${body}252100`].map(Number));
  return String(check).padStart(2, '0') + body;
}

/** A Russian 20-digit account: balance account, currency, control key against `bik`. */
export function russianAccountOf(random: Random, bik: string): string {
  const head =
    random.pick(['40817', '40702', '40802', '42301', '40701']) + random.pick(['810', '978', '840']);
  const rest = digitString(random, 11);
  const weights = [7, 1, 3];
  const digits = `${bik.slice(6)}${head}0${rest}`;
  let sum = 0;
  for (let i = 0; i < 23; i++) sum += Number(digits[i]) * (weights[i % 3] ?? 0);
  return `${head}${(sum * 3) % 10}${rest}`;
}

/** A valid ABA routing number. */
export function abaOf(random: Random): string {
  const body =
    random.pick(['02', '03', '11', '12', '21', '26', '31', '32', '06', '07']) +
    digitString(random, 6);
  const weights = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * (weights[i % 3] ?? 0);
  return body + ((10 - (sum % 10)) % 10);
}

/** One ASCII digit (for re-writing it in another script). */
const ASCII_DIGIT_REGEX = /[0-9]/g;

/** Writes ASCII digits in another script: full-width, Arabic-Indic, Persian, Devanagari. */
export function inScript(text: string, zero: number): string {
  return text.replace(ASCII_DIGIT_REGEX, (d) => String.fromCharCode(zero + Number(d)));
}

/** Separators customers put between groups, visible and not. */
export const SEPARATORS = [
  ' ',
  ' ',
  '-',
  '.',
  '\u00a0',
  '\u2009',
  '\u202f',
  ' - ',
  '/',
  '\u200b',
  ' ',
];

/** Splits `digits` into groups of the given sizes (the last takes the rest) joined by `separator`. */
export function grouped(digits: string, sizes: readonly number[], separator: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.join(separator);
}

/** A number in one of the disguises the issue lists: groups, separators, scripts, zero-width. */
export function disguise(random: Random, digits: string, amex = false): string {
  const roll = random();
  const separator = random.pick(SEPARATORS);
  let text: string;
  if (roll < 0.45) text = grouped(digits, amex ? [4, 6, 5] : [4, 4, 4, 4, 4], separator);
  else if (roll < 0.6) text = digits;
  else if (roll < 0.75) {
    const sizes = Array.from({ length: 8 }, () => random.int(2, 6));
    text = grouped(digits, sizes, separator);
  } else if (roll < 0.85) text = [...digits].join(random.pick(['\u200b', '\u200c', '\u00ad']));
  else text = grouped(digits, [4, 4, 4, 4, 4], separator);
  const script = random();
  if (script < 0.08) text = inScript(text, 0xff10);
  else if (script < 0.14) text = inScript(text, 0x660);
  else if (script < 0.17) text = inScript(text, 0x6f0);
  else if (script < 0.19) text = inScript(text, 0x966);
  return text;
}
