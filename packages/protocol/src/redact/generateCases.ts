import {
  abaOf,
  cardNumber,
  digitString,
  disguise,
  grouped,
  ibanOf,
  luhnComplete,
  notCardNumber,
  nrbOf,
  type Random,
  russianAccountOf,
  seeded,
} from './caseValues.js';

/** Languages of the corpus. */
export type Lang = 'en' | 'ru' | 'pl' | 'bg' | 'nl';

/** A labelled stretch of a case's text. `reveal`: how many trailing digits may stay visible. */
export interface LabelledSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly reveal: number;
}

/** One generated message: secrets that must be masked and strings that must stay unchanged. */
export interface LabelledCase {
  readonly text: string;
  readonly lang: Lang;
  readonly secrets: LabelledSpan[];
  readonly keeps: LabelledSpan[];
}

type Maker = (random: Random) => string;

/** Positives: `{name}` placeholders are filled by SECRET makers. */
const SECRET_FRAMES: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'my card number is {card}',
    'Card: {card} exp {exp} CVV {cvv}',
    'here it is {card} {exp} {cvv}',
    'PAN{card}',
    'please refund to {card}, thanks',
    'IBAN {iban}',
    'send it to {ibanLower} please',
    'account number {account}',
    'sort code {sortCode} account number {ukAccount}',
    'routing number {aba} account {account}',
    'my PIN is {pin}',
    'the code from the SMS is {otp}',
    'verification code: {otp}',
    'expiry {exp}',
    'valid thru {exp}',
    'security code {cvv}',
    'cvc2: {cvv}',
    '{card}',
    'card {card}, phone {phone}',
    'pay from {iban} on {date}',
  ],
  ru: [
    'номер моей карты {card}',
    'карта {card} срок {exp} CVV {cvv}',
    'вот {card} {exp} {cvv}',
    'мой счёт {ruAccount}',
    'р/с {ruAccount} БИК {bik}',
    'Номер счёта получателя: {ruAccount}',
    'IBAN {iban}',
    'переведите на {ruIban}',
    'ПИН {pin}',
    'пин-код {pin}',
    'код из смс {otp}',
    'код подтверждения {otp}',
    'срок действия {exp}',
    'действительна до {exp}',
    'CVV-код {cvv}',
    'счет {account}',
    'карта {card}, телефон {phone}',
    '{card}',
  ],
  pl: [
    'mój numer karty to {card}',
    'karta {card} ważna do {exp} CVV {cvv}',
    'nr konta {nrb}',
    'proszę o przelew na {nrb}',
    'numer rachunku: {nrb}',
    'IBAN {iban}',
    'kod BLIK {otp}',
    'kod z SMS: {otp}',
    'PIN {pin}',
    'data ważności {exp}',
    'kod CVC {cvv}',
    'karta:{card}',
    'rachunek {account}',
    'karta {card}, telefon {phone}',
    '{nrbSpaced}',
  ],
  bg: [
    'номерът на картата ми е {card}',
    'карта {card} валидна до {exp} CVV {cvv}',
    'IBAN {bgIban}',
    'сметка {bgIban}',
    'ПИН код {pin}',
    'кодът от SMS е {otp}',
    'код за потвърждение {otp}',
    'срок на валидност {exp}',
    'код за сигурност {cvv}',
    'моята сметка е {account}',
    '{card}',
    'карта {card}, телефон {phone}',
  ],
  nl: [
    'mijn kaartnummer is {card}',
    'kaart {card} geldig tot {exp} CVC {cvv}',
    'IBAN {nlIban}',
    'mijn rekeningnummer is {nlIban}',
    'rekening {iban}',
    'pincode {pin}',
    'verificatiecode {otp}',
    'sms-code {otp}',
    'vervaldatum {exp}',
    'beveiligingscode {cvv}',
    '{card}',
    'kaart {card}, tel {phone}',
  ],
};

/** Decoys: every placeholder is filled by a KEEP maker. */
const KEEP_FRAMES: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'call me at {phone}',
    'order #{order} was shipped',
    'ticket {ticket}',
    'tracking {tracking}',
    'see {xUrl}',
    'posted at {fbUrl}',
    'on {date} at {time}',
    'I paid {amount}',
    'rate {percent}',
    'id {uuid}',
    'zip {postal}',
    'ref {notCard}',
    'is {badIban} right?',
    'order code {order}',
    'my account was charged {amount} on {date}',
    'postal code {postal}',
    'reply to {xUrl} pls',
  ],
  ru: [
    'позвоните мне {phone}',
    'заказ №{order}',
    'трек-номер {tracking}',
    'код заказа {order}',
    'оплатил {amount} {date} в {time}',
    'ставка {percent}',
    'индекс {postal}',
    'вот ссылка {xUrl}',
    'номер заявки {ticket}',
    'проверьте {badIban}',
    'номер {notCard}',
  ],
  pl: [
    'zadzwoń {phone}',
    'zamówienie nr {order}',
    'kod pocztowy {postal}',
    'zapłaciłem {amount}',
    'dnia {date} o {time}',
    'link {fbUrl}',
    'numer przesyłki {tracking}',
    'zgłoszenie {ticket}',
    'sprawdź {badIban}',
    'numer {notCard}',
  ],
  bg: [
    'обадете се на {phone}',
    'поръчка {order}',
    'платих {amount}',
    'на {date} в {time}',
    'пощенски код {postal}',
    'линк {xUrl}',
    'номер на пратка {tracking}',
  ],
  nl: [
    'bel me op {phone}',
    'bestelling {order}',
    'ik betaalde {amount}',
    'op {date} om {time}',
    'postcode {postal}',
    'zie {fbUrl}',
    'pakket {tracking}',
    'ticket {ticket}',
    'klopt {badIban}?',
  ],
};

const printedIban = (iban: string, random: Random): string =>
  random() < 0.6
    ? grouped(iban, [4, 4, 4, 4, 4, 4, 4, 4, 4], random.pick([' ', ' ', '\u00a0', '-']))
    : iban;

/** Makers of secrets, with how many trailing digits their mask may show. */
const SECRETS: Readonly<Record<string, readonly [Maker, number]>> = {
  card: [
    (r) => {
      const n = cardNumber(r);
      return disguise(r, n, n.length === 15);
    },
    4,
  ],
  iban: [(r) => printedIban(ibanOf(r), r), 4],
  ibanLower: [(r) => printedIban(ibanOf(r), r).toLowerCase(), 4],
  ruIban: [(r) => printedIban(ibanOf(r, false, 'RU'), r), 4],
  bgIban: [(r) => printedIban(ibanOf(r, false, 'BG'), r), 4],
  nlIban: [(r) => printedIban(ibanOf(r, false, 'NL'), r), 4],
  nrb: [(r) => nrbOf(r), 4],
  nrbSpaced: [
    (r) => {
      const n = nrbOf(r);
      return `${n.slice(0, 2)} ${grouped(n.slice(2), [4, 4, 4, 4, 4, 4], ' ')}`;
    },
    4,
  ],
  ruAccount: [(r) => disguise(r, russianAccountOf(r, '044525225')), 4],
  account: [(r) => digitString(r, r.int(8, 12)), 4],
  ukAccount: [(r) => digitString(r, 8), 4],
  sortCode: [(r) => grouped(digitString(r, 6), [2, 2, 2], '-'), 4],
  aba: [(r) => abaOf(r), 4],
  cvv: [(r) => digitString(r, r.int(3, 4)), 0],
  pin: [(r) => digitString(r, 4), 0],
  otp: [(r) => (r() < 0.7 ? digitString(r, 6) : `${digitString(r, 3)} ${digitString(r, 3)}`), 0],
  exp: [
    (r) =>
      `${String(r.int(1, 12)).padStart(2, '0')}${r.pick(['/', '/', '.', '-'])}${r() < 0.8 ? r.int(26, 33) : r.int(2026, 2033)}`,
    0,
  ],
};

const PHONES: readonly Maker[] = [
  (r) => `+7 9${digitString(r, 2)} ${digitString(r, 3)}-${digitString(r, 2)}-${digitString(r, 2)}`,
  (r) => `8 (9${digitString(r, 2)}) ${digitString(r, 3)}-${digitString(r, 2)}-${digitString(r, 2)}`,
  (r) => `+48 ${r.int(500, 899)} ${digitString(r, 3)} ${digitString(r, 3)}`,
  (r) => `${r.int(500, 899)}-${digitString(r, 3)}-${digitString(r, 3)}`,
  (r) => `+31 6 ${digitString(r, 8)}`,
  (r) => `06-${digitString(r, 8)}`,
  (r) => `+359 88 ${digitString(r, 3)} ${digitString(r, 4)}`,
  (r) => `0888 ${digitString(r, 3)} ${digitString(r, 3)}`,
  (r) => `+44 20 7946 ${digitString(r, 4)}`,
  (r) => `07700 ${digitString(r, 6)}`,
  (r) => `+1 (${r.int(201, 989)}) 555-${digitString(r, 4)}`,
  (r) => `${r.int(201, 989)}-555-${digitString(r, 4)}`,
  (r) => `+4420${digitString(r, 8)}`,
  (r) => `+79${digitString(r, 9)}`,
];

/** Makers of strings that must stay unchanged. */
const KEEPS: Readonly<Record<string, Maker>> = {
  phone: (r) => r.pick(PHONES)(r),
  order: (r) => digitString(r, r.int(5, 10)),
  ticket: (r) => `${r.int(2024, 2026)}-${digitString(r, 6)}`,
  tracking: (r) =>
    r.pick([
      `1Z${digitString(r, 3)}AA${digitString(r, 10)}`,
      `9400${digitString(r, 18)}`,
      `RR${digitString(r, 9)}PL`,
      `CP${digitString(r, 9)}RU`,
    ]),
  xUrl: (r) =>
    `https://x.com/user${r.int(1, 99)}/status/${luhnComplete(`18${digitString(r, 16)}`)}`,
  fbUrl: (r) =>
    r.pick([
      `https://www.facebook.com/permalink.php?story_fbid=${luhnComplete(`10${digitString(r, 14)}`)}&id=${digitString(r, 15)}`,
      `facebook.com/bank/posts/${luhnComplete(`5${digitString(r, 17)}`)}`,
      `https://twitter.com/i/web/status/${luhnComplete(`1${digitString(r, 18)}`)}`,
    ]),
  date: (r) =>
    r.pick([
      `${r.int(2024, 2027)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      `${r.int(1, 28)}.${String(r.int(1, 12)).padStart(2, '0')}.${r.int(2024, 2027)}`,
      `${r.int(1, 28)}/${r.int(1, 12)}/${r.int(2024, 2027)}`,
    ]),
  time: (r) => `${r.int(0, 23)}:${String(r.int(0, 59)).padStart(2, '0')}`,
  amount: (r) =>
    r.pick([
      `${r.int(1, 99)} ${digitString(r, 3)},${digitString(r, 2)} zł`,
      `${r.int(1, 999)} ${digitString(r, 3)} руб.`,
      `€${r.int(1, 99)},${digitString(r, 3)}.00`,
      `$${r.int(1, 9)},${digitString(r, 3)}.${digitString(r, 2)}`,
      `${r.int(10, 999)} лв`,
      `${r.int(1, 9)} ${digitString(r, 3)} ${digitString(r, 3)} ₽`,
    ]),
  percent: (r) => `${r.int(1, 99)},${r.int(0, 9)}%`,
  uuid: (r) =>
    [8, 4, 4, 4, 12]
      .map((n) => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join(''))
      .join('-'),
  bik: (r) => `04${digitString(r, 7)}`,
  postal: (r) =>
    r.pick([
      `${digitString(r, 2)}-${digitString(r, 3)}`,
      `1${digitString(r, 5)}`,
      `${r.int(1000, 9999)} AB`,
      `${r.int(1000, 9999)}`,
      `${digitString(r, 5)}-${digitString(r, 4)}`,
    ]),
  notCard: (r) => grouped(notCardNumber(r), [4, 4, 4, 4], r.pick([' ', '-', ''])),
  badIban: (r) => printedIban(ibanOf(r, true), r),
};

/** The braces around a frame's placeholder names: `card {card}, phone {phone}`. */
const PLACEHOLDER_REGEX = /[{}]/;

function fill(frame: string, random: Random, lang: Lang, makers: 'secret' | 'keep'): LabelledCase {
  const secrets: LabelledSpan[] = [];
  const keeps: LabelledSpan[] = [];
  let text = '';
  for (const [i, part] of frame.split(PLACEHOLDER_REGEX).entries()) {
    if (i % 2 === 0) {
      text += part;
      continue;
    }
    const secret = makers === 'secret' ? SECRETS[part] : undefined;
    const value = secret ? secret[0](random) : (KEEPS[part] ?? (() => part))(random);
    const span = {
      start: text.length,
      end: text.length + value.length,
      label: part,
      reveal: secret?.[1] ?? 0,
    };
    (secret ? secrets : keeps).push(span);
    text += value;
  }
  return { text, lang, secrets, keeps };
}

/**
 * `count` labelled messages in en/ru/pl/bg/nl, the same for the same seed: about 55% hold
 * secrets (cards, IBANs, accounts, CVV/PIN/OTP/expiry in every disguise), the rest are decoys
 * (phones, dates, amounts, URLs with IDs, order and tracking numbers, bad IBANs, UUIDs, postal codes).
 *
 * @example generateCases(2000, 42).filter((c) => c.secrets.length > 0).length // ≈ 1100
 */
export function generateCases(count: number, seed: number): LabelledCase[] {
  const random = seeded(seed);
  const langs: readonly Lang[] = ['en', 'ru', 'pl', 'bg', 'nl'];
  const cases: LabelledCase[] = [];
  for (let n = 0; n < count; n++) {
    const lang = langs[n % langs.length] ?? 'en';
    const positive = random() < 0.55;
    const frame = random.pick((positive ? SECRET_FRAMES : KEEP_FRAMES)[lang]);
    cases.push(fill(frame, random, lang, positive ? 'secret' : 'keep'));
  }
  return cases;
}
