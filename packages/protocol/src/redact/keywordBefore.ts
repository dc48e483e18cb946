import { isAsciiDigit, isAsciiLetter } from './chars.js';
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
 * Keywords of en, ru, pl, bg and nl, two space-separated lists per class in class order (CARD …
 * NOT_SECRET): its Latin words, then its Cyrillic ones written as above without their `_` (the
 * look-up adds it; one list separator costs less than a `_` per word), each list comma-separated.
 * A word matches when it equals an entry, or starts with an entry ending in `-` (a stem that
 * covers the inflections). No stem is a prefix of a stem of another class, so the longest
 * matching stem is the only class a word can have. Commas, spaces and dashes rather than other
 * marks: the code around uses them often, so gzip codes them in fewer bits; none can be part of a
 * word the look-up sees. The order of the words inside a list means nothing: it is the order a
 * local search found to gzip smallest with the code around it (44 B less than alphabetical). A
 * new word may go anywhere in its list.
 */
export const KEYWORDS =
  // CARD | карт(а)
  'card-,kart-,kaart-,pan kart- ' +
  // ACCOUNT | к/с, л/с, р/с, сметк(а), счет
  'a/c,acct,rachun-,acc,rekening-,account-,koncie,konto,nrb,konta r/s,l/s,sqet-,k/s,smetk- ' +
  // ROUTING, SORT_CODE (no Cyrillic words)
  'aba,rtn,routing,transit  sortcode  ' +
  // CVV | безопасн(ости), сигурн(ост)
  'csc,security,cvv-,cvc-,cvn,veiligheid-,beveilig-,bezpiecz-,cid sigurn-,bezopasn- ' +
  // PIN | пин(-код)
  'pincode,pin pin- ' +
  // OTP | авториз(ации), еднократ(ен), одноразов(ый), пароль, подтвержд(ения), потвържд(ение)
  '2fa,haslo,authori-,otp,eenmalig-,blik,authentic-,hasło,autoryz-,password,bevestig-,' +
  'jednoraz-,passcode,toegang-,verifica-,smscode,tan,wachtwoord,weryfik- avtoriz-,potv@rjd-,' +
  'parol-,odnorazov-,podtverjd-,ednokrat- ' +
  // EXPIRY | действ(ия), годен, годн(а), истека(ет), изтича, срок, валидн(а)
  'wygasa,exp-,verva-,verloop-,valid-,thru,ważn-,geldig iztiqa,deystv-,validn-,godn-,goden,' +
  'isteka-,srok ' +
  // FILLER | это, банк, дата, дебет, до, е, гърба, из, клиент, кредит, лицев(ой), ми, мо(й), на,
  // номер, нов(ый), оборот(е), от, отправител(ь), получател(ь), расч(ётный), смс, сторон(е),
  // ваш, вот, введ(ите), за
  'of,bank-,the,tot,debit,kodem,achterkant,debet-,are,wpisz,credit,kodu,twój,nowy,current,data,' +
  "de,no,een,op,het,sms,is,it,kredyt-,through,it's,its,jest,je,mój,mijn,num-,this,new,end,moj-," +
  'odwrocie,on,here,one,back,date,my,our,reverse,an,text,uw,do,nr,time,from,z,ze,to,twoj-,a,' +
  'until,van,was,enter,your,please oborot-,bank-,iz,nomer-,otpravitel-,na,vved-,klient-,' +
  'kredit-,do,nov-,poluqatel-,debet-,mo-,g@rba,rasq-,mi,^to,sms,licev-,ot,za,storon-,vaw-,vot,' +
  'data,e ' +
  // CODE | код
  'code-,kod- kod- ' +
  // NOT_SECRET | почтов(ый), пощенск(и)
  'bic,bar,discount,post,country,coupon,area,booking,track-,invite,tax,postal,promo-,swift,' +
  'product,order,reservation,error,ref-,zip,qr,ticket,pocztow-,voucher poqtov-,poxensk-';

/** Only spaces and dashes between two words: the first qualifies the second ("SMS code", "zip-code"). */
const ADJACENT = /^[ \xa0-]*$/;

/** Slashes and apostrophes at either end of a word (`cvv/`, `'pin`); anchored, so linear. */
const EDGE_MARKS = /^[/']+|[/']+$/g;

/** Every entry of {@link KEYWORDS} (stems with their `-`) and its class; built on first use. */
let classes: Map<string, number> | undefined;

/** The class of a lower-case ASCII-written word, or 0 for a word that is none of these. */
function classify(word: string): number {
  // List 2c - 2 holds class c's Latin words, list 2c - 1 its Cyrillic ones (an empty one adds
  // the key '_', which no word is).
  classes ??= new Map(
    KEYWORDS.split(' ').flatMap((list, n) =>
      list.split(',').map((entry) => [n % 2 ? `_${entry}` : entry, (n >> 1) + 1]),
    ),
  );
  // The word itself, then its prefixes as stems, longest first.
  let cls = classes.get(word);
  for (let n = Math.min(word.length, LONGEST_STEM); !cls && n > 0; n--)
    cls = classes.get(`${word.slice(0, n)}-`);
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
  let afterCode = false; // the nearest keyword so far is "code"
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
    // Before the text's start charCodeAt is NaN, which ends the word.
    for (;;) {
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
    const adjacent = ADJACENT.test(text.slice(end, previousStart));
    previousStart = i;
    if (afterCode) {
      // The word just before "code" says whose code it is: "SMS code", "the code" and "PIN code"
      // are secrets; "order code", "zip code" or "пощенски код" are not.
      if (!adjacent) return OTP;
      if (cls === PIN || cls === CVV) return cls;
      if (word === 'sort') return SORT_CODE;
      return cls === FILLER || cls === OTP || cls === CARD ? OTP : 0;
    }
    if (cls === CARD) soft = CARD;
    else if (cls === CODE) afterCode = true;
    else if (cls !== FILLER) return cls && cls !== NOT_SECRET ? cls : soft;
  }
  return afterCode ? OTP : soft;
}
