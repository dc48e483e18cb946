/** Context classes a keyword puts on the number that follows it. */
export const CARD = 1;
export const ACCOUNT = 2;
export const ROUTING = 3;
export const SORT_CODE = 4;
export const CVV = 5;
export const PIN = 6;
export const OTP = 7;
export const EXPIRY = 8;
/** Words that may stand between a keyword and its number ("my", "number", "is", "do", "до"). */
const FILLER = 9;
/** "code", "код", "kod": a one-time code unless a word before it says otherwise ("order code"). */
const CODE = 10;
/** Words that turn "code" into something that is not a secret: "order code", "zip code". */
const NOT_SECRET = 11;

/**
 * Keywords of en, ru, pl, bg and nl, lower case, by class. A word matches when it equals an entry,
 * or starts with an entry ending in `*` (a stem that covers the inflections).
 */
const WORDS: Readonly<Record<number, string>> = {
  [CARD]: 'card* pan kart* kaart* карт*',
  [ACCOUNT]:
    'account* acct acc a/c konto konta koncie rachun* nrb счет* р/с л/с к/с сметк* rekening*',
  [ROUTING]: 'routing aba rtn transit',
  [SORT_CODE]: 'sortcode',
  [CVV]: 'cvv* cvc* cid csc cvn security безопасн* bezpiecz* сигурн* beveilig* veiligheid*',
  [PIN]: 'pin pincode пин*',
  [OTP]:
    'otp password passcode hasło haslo парол* wachtwoord tan blik 2fa smscode verifica* одноразов* ' +
    'jednoraz* еднократ* eenmalig* подтвержд* потвържд* weryfik* bevestig* autoryz* авториз* ' +
    'authori* authentic* toegang*',
  [EXPIRY]:
    'exp* valid* thru срок действ* годн* годен истека* ważn* wygasa валидн* изтича verva* geldig verloop*',
  [FILLER]:
    "is are was my your our the a an of number no nr num* numer* номер* it it's its here this to jest " +
    'mój moj* twój twoj* mijn uw je de het van een мо* ваш* это вот е ми на date data дата do до tot ' +
    'until through end from z ze из от за sms смс text one time получател* отправител* клиент* ' +
    'лицев* расч* банк* bank* new нов* nowy current debit credit kredyt* debet* дебет* кредит* ' +
    'please enter введ* wpisz kodem kodu on back reverse оборот* сторон* odwrocie achterkant гърба op',
  [CODE]: 'code* код* kod* kode',
  [NOT_SECRET]:
    'order track* promo* postal post zip discount coupon voucher ticket booking ref* error area ' +
    'country product reservation invite qr bar tax swift bic pocztow* почтов* пощенск*',
};

/** Slashes and apostrophes at either end of a word (`cvv/`, `'pin`); anchored, so linear. */
const EDGE_MARKS = /^[/']+|[/']+$/g;

/** One or two ASCII digits at the end of a 2-character string not preceded by a digit there. */
const LEAD_DIGITS_REGEX = /(?:^|[^0-9])[0-9]$|^[0-9]{2}$/;
/** Anything but an ASCII digit. */
const NOT_DIGIT_REGEX = /[^0-9]/g;

let exact: Map<string, number> | undefined;
const stems: [string, number][] = [];

/** The class of a lower-case word, or 0 for a word that is none of these. */
function classify(word: string): number {
  if (!exact) {
    exact = new Map();
    for (const [key, list] of Object.entries(WORDS)) {
      for (const entry of list.split(' ')) {
        if (entry.endsWith('*')) stems.push([entry.slice(0, -1), Number(key)]);
        else exact.set(entry, Number(key));
      }
    }
  }
  const cls = exact.get(word);
  if (cls !== undefined) return cls;
  for (const [stem, key] of stems) if (word.startsWith(stem)) return key;
  return 0;
}

function isLetter(code: number): boolean {
  const folded = code | 0x20;
  if (folded >= 0x61 && folded <= 0x7a) return true;
  return (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x400 && code <= 0x4ff)
  );
}

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
    const isDigit = code >= 0x30 && code <= 0x39;
    if (!isLetter(code) && !isDigit) {
      i--;
      continue;
    }
    const end = i;
    let letters = false;
    while (i > 0) {
      const c = text.charCodeAt(i - 1);
      // One or two digits may end a word (`cvv2`) but not start it: in `4111…1111exp1227` the
      // word before 1227 is `exp`, and in `cvv4111…1111` the card is a number, not a word.
      if (isLetter(c)) letters = true;
      else if (!((c >= 0x30 && c <= 0x39 && !letters) || ((c === 0x2f || c === 0x27) && i < end)))
        break;
      i--;
      if (!letters && end - i > 2 && c >= 0x30 && c <= 0x39) break;
    }
    // A number, not a word: a keyword before it belongs to that number.
    if (!letters) break;
    words++;
    const word = text.slice(i, end).toLowerCase().replaceAll('ё', 'е').replace(EDGE_MARKS, '');
    let cls = classify(word);
    // One or two digits glued before a word may belong to it (`2fa`, `3ds`), when that makes a
    // keyword; otherwise they are another number's (`12/27счёт` is `счёт`).
    const lead = text.slice(Math.max(0, i - 2), i);
    if (cls === 0 && LEAD_DIGITS_REGEX.test(lead))
      cls = classify(lead.replace(NOT_DIGIT_REGEX, '') + word);
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
    if (cls === FILLER) continue;
    if (cls === CARD) {
      soft = CARD;
      continue;
    }
    if (cls === CODE) {
      found = CODE;
      continue;
    }
    if (cls === 0 || cls === NOT_SECRET) break;
    return cls;
  }
  return found === CODE ? OTP : soft;
}
