import type { Locale } from '@parley/protocol';

const LOCALES: readonly string[] = ['en', 'ru', 'pl', 'bg', 'nl'] satisfies Locale[];

/**
 * The supported locale for a language tag, else English: `ru-RU` → `ru`, `de` → `en`. The same
 * rule as the protocol's `resolveLocale`, which lives beside the valibot schemas — importing it
 * would drag 2.5 KB gzip of schemas into the widget, so the widget keeps this copy;
 * `pickLocale.test.ts` checks the two agree.
 *
 * @example
 * pickLocale('pl-PL'); // 'pl'
 */
export function pickLocale(tag: string | undefined): Locale {
  const language = tag?.split('-')[0]?.toLowerCase() ?? '';
  return (LOCALES.includes(language) ? language : 'en') as Locale;
}
