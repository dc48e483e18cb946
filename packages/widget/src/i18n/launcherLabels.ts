import type { Locale } from '@parley/protocol';

/**
 * The launcher's label, the only string the loader carries: the full catalogs load with the UI
 * chunk. One label for both states, as the disclosure pattern wants — `aria-expanded` says
 * whether the chat is open. https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/
 */
export const LAUNCHER_LABELS: Partial<Record<Locale, string>> & { en: string } = {
  en: 'Chat with us',
  ru: 'Написать нам',
  pl: 'Napisz do nas',
  bg: 'Пишете ни',
  nl: 'Chat met ons',
};
