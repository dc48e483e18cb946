import type { Locale } from '@parley/protocol';
import type { Catalog, MessageKey } from './Catalog.js';

/** A `{name}` placeholder in a catalog text: letters only, so it cannot backtrack. */
const PLACEHOLDER_REGEX = /\{([A-Za-z]+)\}/g;

/** Values for a text's placeholders; `n` also picks the plural form. */
export type Vars = Readonly<Record<string, string | number>>;

/** Looks up and fills a catalog text. */
export type Translate = (key: MessageKey, vars?: Vars) => string;

/**
 * A translate function over one catalog, with the locale's plural rules.
 *
 * @example
 * const t = createT('ru', ru);
 * t('queueAhead', { n: 3 }); // 'Перед вами 3 клиента.'
 */
export function createT(locale: Locale, catalog: Catalog): Translate {
  const rules = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  return (key, vars = {}) => {
    const entry = catalog[key];
    const text =
      typeof entry === 'string' ? entry : (entry[rules.select(Number(vars.n))] ?? entry.other);
    return text.replace(PLACEHOLDER_REGEX, (_, name: string) => {
      const value = vars[name];
      return typeof value === 'number' ? number.format(value) : (value ?? '');
    });
  };
}
