import { E164_REGEX } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { callingCode, normalisePhone, PHONE_EXAMPLES } from './phoneDefaults.js';

describe('phone defaults', () => {
  it('takes the calling code from the region, else the language', () => {
    expect(callingCode('en-US', 'en')).toBe('+1');
    expect(callingCode('ru-KZ', 'ru')).toBe('+7');
    expect(callingCode('nl-BE', 'nl')).toBe('+32');
    expect(callingCode('bg', 'bg')).toBe('+359');
    expect(callingCode('sr-Latn-RS', 'en')).toBe('+44');
  });

  it('normalises what people type, and every example is valid', () => {
    expect(normalisePhone('(+48) 601-234 567')).toBe('+48601234567');
    expect(normalisePhone('0048 601 234 567')).toBe('+48601234567');
    expect(normalisePhone('+7 916 123‑45‑67')).toBe('+79161234567');
    for (const example of Object.values(PHONE_EXAMPLES))
      expect(E164_REGEX.test(normalisePhone(example)), example).toBe(true);
  });
});
