import type { Locale } from '@parley/protocol';

/** Calling codes of the regions a locale's tag may name (`en-GB`, `ru-KZ`). */
const REGION_CODES: Readonly<Record<string, string>> = {
  GB: '44',
  IE: '353',
  US: '1',
  CA: '1',
  RU: '7',
  KZ: '7',
  BY: '375',
  UA: '380',
  PL: '48',
  BG: '359',
  NL: '31',
  BE: '32',
  DE: '49',
};

/** When the tag names no region: the country most customers of that language call from. */
const LANGUAGE_CODES: Readonly<Record<Locale, string>> = {
  en: '44',
  ru: '7',
  pl: '48',
  bg: '359',
  nl: '31',
};

/** A realistic example number per language, for the hint under the field. */
export const PHONE_EXAMPLES: Readonly<Record<Locale, string>> = {
  en: '+44 7700 900123',
  ru: '+7 916 123-45-67',
  pl: '+48 601 234 567',
  bg: '+359 88 123 4567',
  nl: '+31 6 12345678',
};

/**
 * The country calling code to start the phone field with, from the customer's language tag.
 *
 * @example
 * callingCode('en-US', 'en'); // '+1'
 * callingCode('ru', 'ru'); // '+7'
 */
export function callingCode(tag: string, locale: Locale): string {
  const region = tag.split('-').find((part, index) => index > 0 && part.length === 2);
  return `+${REGION_CODES[region?.toUpperCase() ?? ''] ?? LANGUAGE_CODES[locale]}`;
}

/** Spaces, dots, dashes and brackets people type inside phone numbers. */
const PHONE_PUNCTUATION_REGEX = /[\s().\u2010-\u2015-]/g;

/**
 * A typed phone number in E.164 form as far as punctuation goes: `+48 601-234-567` →
 * `+48601234567`, `0048…` → `+48…`. The protocol's `E164_REGEX` decides whether it is valid.
 *
 * @example
 * normalisePhone('(+48) 601 234 567'); // '+48601234567'
 */
export function normalisePhone(input: string): string {
  const compact = input.replace(PHONE_PUNCTUATION_REGEX, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}
