import type { Locale } from '@parley/protocol';

/** The five languages as an agent picks them: the English name and the language's own. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  ru: 'Russian — русский',
  pl: 'Polish — polski',
  bg: 'Bulgarian — български',
  nl: 'Dutch — Nederlands',
};
