import type { Locale } from '@parley/protocol';

/**
 * The server's own lines in a conversation, in the customer's language. They are stored as
 * `system` messages, so the transcript reads as the customer saw it.
 */
const TEXTS = {
  recorded: {
    en: 'This chat is recorded and kept by the bank. Never share your PIN or full card number.',
    ru: 'Этот чат записывается и хранится банком. Никогда не сообщайте PIN-код и полный номер карты.',
    pl: 'Ten czat jest nagrywany i przechowywany przez bank. Nigdy nie podawaj PIN-u ani pełnego numeru karty.',
    bg: 'Този чат се записва и съхранява от банката. Никога не споделяйте ПИН кода или пълния номер на картата си.',
    nl: 'Deze chat wordt opgenomen en bewaard door de bank. Deel nooit je pincode of volledige kaartnummer.',
  },
  joined: {
    en: '{name} has joined the chat.',
    ru: '{name} присоединяется к чату.',
    pl: '{name} dołącza do czatu.',
    bg: '{name} се присъедини към чата.',
    nl: '{name} neemt deel aan de chat.',
  },
  transferred: {
    en: 'You are now talking to {name}.',
    ru: 'Теперь с вами общается {name}.',
    pl: 'Teraz rozmawiasz z: {name}.',
    bg: 'Сега разговаряте с {name}.',
    nl: 'Je praat nu met {name}.',
  },
  queued: {
    en: 'The next available colleague from {name} will answer you here.',
    ru: 'Вам ответит первый свободный сотрудник: {name}.',
    pl: 'Odpowie Ci pierwsza wolna osoba z zespołu: {name}.',
    bg: 'Ще ви отговори първият свободен колега от екипа: {name}.',
    nl: 'De eerste beschikbare collega van {name} antwoordt je hier.',
  },
  closed: {
    en: 'The chat has ended. Thank you for contacting us.',
    ru: 'Чат завершён. Спасибо за обращение.',
    pl: 'Czat został zakończony. Dziękujemy za kontakt.',
    bg: 'Чатът приключи. Благодарим ви, че се свързахте с нас.',
    nl: 'De chat is beëindigd. Bedankt voor je bericht.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** The kinds of system line. */
export type SystemText = keyof typeof TEXTS;

/**
 * A system line in `locale`, with `{name}` filled in.
 *
 * @example
 * systemText('transferred', 'ru', 'Piotr'); // 'Теперь с вами общается Piotr.'
 */
export function systemText(kind: SystemText, locale: Locale, name = ''): string {
  return TEXTS[kind][locale].replace('{name}', name);
}
