// What customers type: chat lines of 60–280 characters in the bank's five languages, about one in
// twenty carrying a card number (Luhn-valid, in the usual spellings) so the redaction engine masks
// something real instead of only scanning clean text.

/** Phrases by language; a message strings a few of one language together. */
const PHRASES = {
  en: [
    'Hi, I was charged twice for the same order yesterday evening.',
    'Can you check why the transfer is still pending after the weekend?',
    'I did not want to post my details publicly, thanks for moving this here.',
    'The app keeps saying my session expired when I try to log in.',
    'My salary usually arrives on the 25th but nothing has come through yet.',
    'Is there a fee for paying in euros with this card?',
    'Thanks, that helps a lot.',
    'Could you also tell me when the refund will show up on my statement?',
  ],
  ru: [
    'Здравствуйте! Списали деньги дважды за одну покупку.',
    'Не могу войти в приложение банка, пишет что пароль неверный.',
    'Перевод ушёл в пятницу, а получатель до сих пор ничего не видит.',
    'Спасибо, что перенесли разговор сюда, не хотел писать публично.',
    'Подскажите, пожалуйста, когда вернутся деньги?',
    'Карту заблокировали после поездки, можно её разблокировать?',
    'Хорошо, подожду.',
  ],
  pl: [
    'Dzień dobry, przelew nie dotarł do odbiorcy, co mam zrobić?',
    'Aplikacja wyrzuca mnie przy każdej próbie logowania.',
    'Pobrano opłatę dwa razy za tę samą transakcję.',
    'Dziękuję za szybką odpowiedź, sprawdzę jutro rano.',
    'Kiedy mogę spodziewać się zwrotu środków?',
    'Karta nie działa w terminalu na stacji benzynowej.',
  ],
  bg: [
    'Здравейте, картата ми беше блокирана след пътуването.',
    'Може ли да я отблокирате днес, защото съм в чужбина?',
    'Преводът не е пристигнал, а парите са изтеглени от сметката.',
    'Благодаря, ще изчакам потвърждение по имейл.',
    'Защо ми е начислена такса за поддръжка този месец?',
  ],
  nl: [
    'Hallo, mijn betaling is mislukt maar het geld is wel afgeschreven.',
    'Ik kan niet inloggen in de app sinds de laatste update.',
    'Oké, dank je wel, ik wacht op jullie bericht.',
    'Wanneer wordt het bedrag teruggestort op mijn rekening?',
    'Mijn pas werkt niet meer bij de geldautomaat.',
  ],
};

/** How each language introduces a card number. */
const CARD_LEAD = {
  en: 'The card is',
  ru: 'Карта',
  pl: 'Numer karty to',
  bg: 'Картата е',
  nl: 'Mijn kaartnummer is',
};

/** A small seeded generator (mulberry32), so every run offers the same texts. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 16-digit Visa-like number that passes the Luhn check, spelled with spaces, dashes or none. */
function cardNumber(random) {
  const digits = [4];
  while (digits.length < 15) digits.push(Math.floor(random() * 10));
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const doubled = i % 2 === 0 ? digits[i] * 2 : digits[i];
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  digits.push((10 - (sum % 10)) % 10);
  const groups = digits.join('').match(/.{4}/g);
  return groups.join(['', ' ', '-'][Math.floor(random() * 3)]);
}

/**
 * `count` chat messages, each 60–280 characters of one language.
 *
 * @example
 * const texts = chatTexts(997); // texts[i].length in [60, 280]
 */
export function chatTexts(count) {
  const random = seeded(20_251_122);
  const languages = Object.keys(PHRASES);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const texts = [];
  while (texts.length < count) {
    const language = pick(languages);
    const target = 60 + Math.floor(random() * 221);
    const parts = random() < 0.05 ? [`${CARD_LEAD[language]} ${cardNumber(random)}.`] : [];
    let length = parts.join(' ').length;
    for (let tries = 0; length < target && tries < 20; tries++) {
      const phrase = pick(PHRASES[language]);
      if (parts.includes(phrase) || length + phrase.length + 1 > 280) continue;
      parts.splice(Math.floor(random() * (parts.length + 1)), 0, phrase);
      length += phrase.length + 1;
    }
    const text = parts.join(' ');
    if (text.length >= 60 && text.length <= 280) texts.push(text);
  }
  return texts;
}
