/**
 * The supported locales and how a language tag maps to one. Free of valibot, so the widget's
 * bundle can take `resolveLocale` without the schemas.
 */

/** The languages every screen, reply and notice exists in. */
export const SUPPORTED_LOCALES = ['en', 'ru', 'pl', 'bg', 'nl'] as const;
/** One of {@link SUPPORTED_LOCALES}. */
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/**
 * The supported locale for a language tag, or `fallback`.
 *
 * @example
 * resolveLocale('ru-RU'); // 'ru'
 * resolveLocale('de-DE'); // 'en'
 */
export function resolveLocale(tag: string | undefined | null, fallback: Locale = 'en'): Locale {
  const language = tag?.split('-')[0]?.toLowerCase();
  return (SUPPORTED_LOCALES as readonly string[]).includes(language ?? '')
    ? (language as Locale)
    : fallback;
}
