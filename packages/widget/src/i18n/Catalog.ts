import type { en } from './en.js';

/** A plural message: one text per `Intl.PluralRules` category the locale uses; `other` always. */
export type PluralEntry = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A catalog's key. */
export type MessageKey = keyof typeof en;

/**
 * A complete catalog: every key of the English one, plurals where English has them. A missing
 * or extra key fails type-checking; `catalogs.test.ts` also checks the plural categories.
 */
export type Catalog = {
  readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralEntry;
};
