import { SUPPORTED_LOCALES } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import type { Catalog } from './Catalog.js';
import { createT } from './createT.js';
import { en } from './en.js';
import { loadCatalog } from './loadCatalog.js';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
const texts = (entry: Catalog[keyof Catalog]) =>
  typeof entry === 'string' ? [entry] : Object.values(entry);

describe('the catalogs', () => {
  it.each(SUPPORTED_LOCALES)(
    '%s has every key, every plural form its language needs, the same placeholders',
    async (locale) => {
      const catalog = await loadCatalog(locale);
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of Object.keys(en) as (keyof Catalog)[]) {
        const entry = catalog[key];
        const english = en[key];
        if (typeof english === 'string') {
          expect(typeof entry, `${locale}.${key}`).toBe('string');
          expect(placeholders(entry as string), `${locale}.${key}`).toEqual(placeholders(english));
        } else {
          expect(typeof entry, `${locale}.${key}`).toBe('object');
          for (const category of categories)
            expect(
              (entry as Record<string, string>)[category],
              `${locale}.${key}.${category}`,
            ).toBeTruthy();
          for (const text of texts(entry))
            expect(placeholders(text), `${locale}.${key}`).toEqual(['n']);
        }
        for (const text of texts(entry)) expect(text.trim(), `${locale}.${key}`).not.toBe('');
      }
    },
  );

  it('non-English catalogs are translated, not copied', async () => {
    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
      const catalog = await loadCatalog(locale);
      const same = (Object.keys(en) as (keyof Catalog)[]).filter(
        (key) => typeof en[key] === 'string' && catalog[key] === en[key],
      );
      // Only words that are the same in both languages (the bank's own word, for one).
      expect(same.length, `${locale}: ${same.join(', ')}`).toBeLessThanOrEqual(1);
    }
  });
});

describe('createT', () => {
  it('fills placeholders and picks plural forms by the language’s rules', async () => {
    const ru = createT('ru', await loadCatalog('ru'));
    expect(ru('queueAhead', { n: 1 })).toBe('Перед вами 1 клиент.');
    expect(ru('queueAhead', { n: 3 })).toBe('Перед вами 3 клиента.');
    expect(ru('queueAhead', { n: 5 })).toBe('Перед вами 5 клиентов.');
    expect(ru('queueAhead', { n: 21 })).toBe('Перед вами 21 клиент.');
    const pl = createT('pl', await loadCatalog('pl'));
    expect(pl('queueAhead', { n: 2 })).toBe('Przed Tobą są 2 osoby.');
    expect(pl('queueAhead', { n: 12 })).toBe('Przed Tobą jest 12 osób.');
    expect(createT('en', en)('typing', { name: 'Olga' })).toBe('Olga is typing…');
  });
});
