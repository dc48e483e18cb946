import type { Locale } from '@parley/protocol';
import type { Catalog } from './Catalog.js';
import { en } from './en.js';

/** Each catalog but the default is its own chunk, fetched only by customers who need it. */
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Catalog }>> = {
  ru: () => import('./ru.js'),
  pl: () => import('./pl.js'),
  bg: () => import('./bg.js'),
  nl: () => import('./nl.js'),
};

/**
 * The catalog of a locale; English at once, the others after one small download. A failed
 * download falls back to English rather than leaving the customer with no words at all.
 *
 * @example
 * const catalog = await loadCatalog('pl');
 */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  if (locale === 'en') return en;
  try {
    return (await LOADERS[locale]()).default;
  } catch {
    return en;
  }
}
