import {
  CARD,
  CODE,
  CVV,
  FILLER,
  LONGEST_STEM,
  NOT_SECRET,
  OTP,
  PIN,
  SORT_CODE,
} from './constants.js';
import { isAsciiDigit, isAsciiLetter } from './chars.js';

/**
 * Cyrillic а…я as one lower-case ASCII character each, so the word lists below stay ASCII (a
 * bundler writes each Cyrillic letter as a 6-character `\u…` escape; lower case, because under
 * gzip a capital costs more bits):
 * а a, б b, в v, г g, д d, е e, ж j, з z, и i, й y, к k, л l, м m, н n, о o, п p, р r, с s, т t,
 * у u, ф f, х h, ц c, ч q, ш w, щ x, ъ @, ы [, ь `, э ^, ю ], я _; ё is е (e).
 */
const CYRILLIC_AS_ASCII = 'abvgdejziyklmnoprstufhcqwx@[`^]_';
/** Lower-case Cyrillic letters, ё included. */
const CYRILLIC_REGEX = /[а-яё]/g;

/**
 * A lower-case word with its Cyrillic letters written as {@link CYRILLIC_AS_ASCII}, behind a `_`
 * when it has any, so a Cyrillic word never meets a Latin one (`до` is `_do`, not `do`), and no
 * word of the text starts with `_` (it is not a letter): `счёт` → `_sqet`.
 *
 * @example asciiWord('карта') // '_karta'
 */
export const asciiWord = (word: string): string => {
  const ascii = word.replace(
    CYRILLIC_REGEX,
    (c) => CYRILLIC_AS_ASCII[c.charCodeAt(0) - 0x430] ?? 'e',
  );
  return ascii === word ? word : `_${ascii}`;
};

/**
 * Keywords of en, ru, pl, bg and nl (Cyrillic written as above), one `|`-separated list per class
 * in class order (CARD … NOT_SECRET). A word matches when it equals an entry, or starts with an
 * entry ending in `*` (a stem that covers the inflections). No stem is a prefix of a stem of
 * another class, so the longest matching stem is the only class a word can have.
 */
export const KEYWORDS =
  // CARD
  'card* pan kart* kaart* _kart*|' +
  // ACCOUNT: счет, р/с, л/с, к/с, сметк(а)
  'account* acct acc a/c konto konta koncie rachun* nrb _sqet* _r/s _l/s _k/s _smetk* rekening*|' +
  // ROUTING, SORT_CODE
  'routing aba rtn transit|sortcode|' +
  // CVV: безопасн(ости), сигурн(ост)
  'cvv* cvc* cid csc cvn security _bezopasn* bezpiecz* _sigurn* beveilig* veiligheid*|' +
  // PIN: пин(-код)
  'pin pincode _pin*|' +
  // OTP: пароль, одноразов(ый), еднократ(ен), подтвержд(ения), потвържд(ение), авториз(ации)
  'otp password passcode hasło haslo _parol* wachtwoord tan blik 2fa smscode verifica* _odnorazov* ' +
  'jednoraz* _ednokrat* eenmalig* _podtverjd* _potv@rjd* weryfik* bevestig* autoryz* _avtoriz* ' +
  'authori* authentic* toegang*|' +
  // EXPIRY: срок действ(ия), годн(а), годен, истека(ет), валидн(а), изтича
  'exp* valid* thru _srok _deystv* _godn* _goden _isteka* ważn* wygasa _validn* _iztiqa verva* geldig ' +
  'verloop*|' +
  // FILLER: номер, мо(й), ваш, это, вот, е, ми, на, дата, до, из, от, за, смс, получател(ь),
  // отправител(ь), клиент, лицев(ой), расч(ётный), банк, нов(ый), дебет, кредит, введ(ите),
  // оборот(е), сторон(е), гърба
  "is are was my your our the a an of no nr num* _nomer* it it's its here this to jest mój moj* " +
  'twój twoj* mijn uw je de het van een _mo* _vaw* _^to _vot _e _mi _na date data _data do _do tot until ' +
  'through end from z ze _iz _ot _za sms _sms text one time _poluqatel* _otpravitel* _klient* _licev* ' +
  '_rasq* _bank* bank* new _nov* nowy current debit credit kredyt* debet* _debet* _kredit* please ' +
  'enter _vved* wpisz kodem kodu on back reverse _oborot* _storon* odwrocie achterkant _g@rba op|' +
  // CODE: код
  'code* _kod* kod*|' +
  // NOT_SECRET: почтов(ый), пощенск(и)
  'order track* promo* postal post zip discount coupon voucher ticket booking ref* error area ' +
  'country product reservation invite qr bar tax swift bic pocztow* _poqtov* _poxensk*';

/** Slashes and apostrophes at either end of a word (`cvv/`, `'pin`); anchored, so linear. */
const EDGE_MARKS = /^[/']+|[/']+$/g;

/** Every entry of {@link KEYWORDS} (stems with their `*`) and its class; built on first use. */
let classes: Map<string, number> | undefined;

/** The class of a lower-case ASCII-written word, or 0 for a word that is none of these. */
function classify(word: string): number {
  if (!classes) {
    classes = new Map();
    let cls = 0;
    for (const list of KEYWORDS.split('|')) {
      cls++;
      for (const entry of list.split(' ')) classes.set(entry, cls);
    }
  }
  // The word itself, then its prefixes as stems, longest first.
  let cls = classes.get(word);
  for (let n = Math.min(word.length, LONGEST_STEM); !cls && n > 0; n--)
    cls = classes.get(`${word.slice(0, n)}*`);
  return cls ?? 0;
}

/** Latin (with Latin-1 and Extended-A/B, but not × and ÷) or Cyrillic letters. */
export const isLetter = (code: number): boolean =>
  isAsciiLetter(code) ||
  (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
  (code >= 0x400 && code <= 0x4ff);

/**
 * The context class of the number that starts at `text[pos]`: walks back over at most 6 words
 * and 64 characters, skipping filler words and punctuation, and returns the class of the nearest
 * keyword (0 for none). An unknown word, another number, a line of its own or a mask (`]`) ends
 * the walk, so "kod pocztowy 00-950" and "order number 12345678" get no secret class.
 *
 * @example keywordBefore('мой CVV: 123', 9) // CVV
 */
export function keywordBefore(text: string, pos: number): number {
  let i = pos;
  let soft = 0;
  let found = 0;
  let previousStart = pos;
  for (let words = 0; words < 6 && i > 0 && pos - i < 64; ) {
    const code = text.charCodeAt(i - 1);
    if (code === 0x5b || code === 0x5d) break;
    if (!isLetter(code) && !isAsciiDigit(code)) {
      i--;
      continue;
    }
    const end = i;
    let letters = false;
    while (i > 0) {
      const c = text.charCodeAt(i - 1);
      const digit = isAsciiDigit(c);
      // One or two digits may end a word (`cvv2`) but not start it: in `4111…1111exp1227` the
      // word before 1227 is `exp`, and in `cvv4111…1111` the card is a number, not a word.
      if (isLetter(c)) letters = true;
      else if (!((digit && !letters) || ((c === 0x2f || c === 0x27) && i < end))) break;
      i--;
      if (!letters && end - i > 2 && digit) break;
    }
    // A number, not a word: a keyword before it belongs to that number.
    if (!letters) break;
    words++;
    const word = asciiWord(text.slice(i, end).toLowerCase().replace(EDGE_MARKS, ''));
    // One or two digits glued before a word may belong to it (`2fa`, `3ds`), when that makes a
    // keyword; otherwise they are another number's (`12/27счёт` is `счёт`).
    const cls =
      classify(word) ||
      (isAsciiDigit(text.charCodeAt(i - 1))
        ? classify(text.slice(isAsciiDigit(text.charCodeAt(i - 2)) ? i - 2 : i - 1, i) + word)
        : 0);
    let adjacent = true;
    for (let k = end; k < previousStart; k++) {
      const c = text.charCodeAt(k);
      if (c !== 0x20 && c !== 0x2d && c !== 0xa0) adjacent = false;
    }
    previousStart = i;
    if (found === CODE) {
      // The word just before "code" says whose code it is: "SMS code", "the code" and "PIN code"
      // are secrets; "order code", "zip code" or "пощенски код" are not.
      if (!adjacent) return OTP;
      if (cls === PIN || cls === CVV) return cls;
      if (word === 'sort') return SORT_CODE;
      return cls === FILLER || cls === OTP || cls === CARD ? OTP : 0;
    }
    if (cls === CARD) soft = CARD;
    else if (cls === CODE) found = CODE;
    else if (cls !== FILLER) return cls && cls !== NOT_SECRET ? cls : soft;
  }
  return found === CODE ? OTP : soft;
}
