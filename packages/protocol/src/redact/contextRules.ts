import {
  ACCOUNT,
  CARD,
  CVV,
  DASH,
  DATE,
  EXPIRY,
  MIN_ACCOUNT_DIGITS,
  OTP,
  PHONE,
  PIN,
  ROUTING,
  SORT_CODE,
  SOUP,
  TAKEN,
} from './constants.js';
import { isExpiryPair, looksLikeAmount } from './contextShapes.js';
import { isAbaRouting } from './domesticAccounts.js';
import { keywordBefore } from './keywordBefore.js';
import { luhnValid } from './luhn.js';
import {
  add,
  addCard,
  cardTail,
  endOf,
  expiryAt,
  first,
  flags,
  free,
  gFrom,
  gSep,
  len,
  nextToCard,
  startOf,
  text,
  val,
  value,
} from './run.js';
import { separatorClass } from './separatorClass.js';

/** What may stand between a card and a following expiry or CVV: `4111… 12/27, 123`. */
const NEXT_TO_CARD = /^[ ,;:|/()\xa0-]*$/;

/** Free groups from `from` on while their digits total at most `max`: [last group, count]. */
function span(max: number, from = 0): [number, number] {
  let count = 0;
  let g = from;
  for (; free(g) && count + len(g) <= max; g++) count += len(g);
  return [g - 1, count];
}

/**
 * Records the account number a keyword (or a routing number or sort code before it) points at,
 * groups `[from, to]`. No checksum proves it complete, so its mask keeps its last 4 digits only
 * if it has at least MIN_ACCOUNT_DIGITS and something other than separators follows it: at the
 * end of a message it may be the head of a number the next one completes (`счёт 40817810` …
 * `0990 1234 5678`), and its last 4 digits are then the number's 5th to 8th (docs/redaction.md,
 * "Fragments keep no digit").
 */
function account(from: number, to: number): void {
  let end = endOf(to);
  // Past the end charCodeAt is NaN, which is no separator.
  while (separatorClass(text.charCodeAt(end))) end++;
  const complete = first(to + 1) - first(from) >= MIN_ACCOUNT_DIGITS && end < text.length;
  add('account', from, to, 'account', complete);
}

/**
 * Takes the number at the start of the current run by what stands before it: the expiry and CVV
 * right after a card, or what a keyword says (a card with any issuer, an account, a routing
 * number or sort code, a CVV, PIN, one-time code or expiry date), or a UK `20-00-00 12345678`
 * pair.
 *
 * @example takeByContext() // after viewRun; "CVV: 123" → a secret
 */
export function takeByContext(): void {
  // A run has at least one group.
  if (flags[0]! & (TAKEN | PHONE | SOUP)) return;
  const start = startOf(0);
  if (cardTail >= 0 && start >= cardTail && start - cardTail <= 8) {
    if (NEXT_TO_CARD.test(text.slice(cardTail, start))) {
      nextToCard(0);
      return;
    }
  }
  if (val.length < 3) return;
  const context = keywordBefore(text, start);
  // A sort code or an expiry may look like a date; the keyword says which it is.
  if (context === SORT_CODE || context === EXPIRY)
    for (let g = 0; g < gFrom.length; g++) flags[g]! &= ~DATE;
  // The free groups from the start a number of this context may span, by context (none, CARD,
  // ACCOUNT, ROUTING, SORT_CODE, then the rest): a card has at most 19 digits, an account 34, a
  // routing number 9, a sort code 6, a PIN or one-time code 8 (CVV and expiry read their groups
  // directly).
  let [e, count] = span([9, 19, 34, 9, 6][context] ?? 8);
  if (context === CARD) {
    // Any issuer: the longest Luhn-valid 12–19 digit prefix of whole groups.
    for (; e >= 0 && !(count >= 12 && luhnValid(val, 0, count)); e--) count -= len(e);
    if (e >= 0) addCard(0, e);
  } else if (context === ACCOUNT) {
    if (count >= 6 && !flags[0] && !looksLikeAmount(text, start, endOf(e))) account(0, e);
  } else if (context === ROUTING) {
    if (count !== 9 || !isAbaRouting(val, 0)) return;
    add('routing', 0, e, 'routing', false);
    const [f, rest] = span(17, e + 1);
    if (rest >= 4) account(e + 1, f);
  } else if (context === SORT_CODE) {
    if (count !== 6) return;
    add('routing', 0, e, 'sort code', false);
    const [f, rest] = span(10, e + 1);
    if (rest >= 6) account(e + 1, f);
  } else if (context === CVV) {
    if (len(0) === 3 || len(0) === 4) add('secret', 0, 0, 'CVV');
  } else if (context === PIN || context === OTP) {
    const label = context === PIN ? 'PIN' : 'code';
    // 3 digits: a card code written as "code on the back: 123".
    if (count >= 3 && !free(e + 1)) add('secret', 0, e, label);
    else if (len(0) >= 3 && len(0) <= 8) add('secret', 0, 0, label);
  } else if (context === EXPIRY) {
    // `12/27` in two groups, or MMYY / MMYYYY written without a separator: `exp1227`.
    const year = len(0) - 2;
    if (free(1) && expiryAt(0)) add('secret', 0, 1, 'expiry');
    else if (
      (year === 2 || year === 4) &&
      isExpiryPair(Math.floor(value(0) / 10 ** year), 2, value(0) % 10 ** year, year)
    )
      add('secret', 0, 0, 'expiry');
  } else if (len(0) === 2 && len(1) === 2 && len(2) === 2 && len(3) === 8) {
    // A UK sort code and account without a keyword: `20-00-00 12345678`.
    const clear = (flags[1]! | flags[2]! | flags[3]!) & ~DATE;
    if (gSep[0] === DASH && gSep[1] === DASH && !clear) {
      add('routing', 0, 2, 'sort code', false);
      add('account', 3, 3);
    }
  }
}
