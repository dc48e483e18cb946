import { LENGTH_15 } from './constants.js';
import { isNrb, isRussianAccount, russianKeyValid } from './domesticAccounts.js';
import { cardLengthMask } from './isCardNumber.js';
import { luhnValid } from './luhn.js';
import {
  add,
  addCard,
  expiryAt,
  first,
  flags,
  free,
  gFrom,
  gSep,
  len,
  textBiks,
  tight,
  val,
} from './run.js';

/** A candidate: groups `[start, end]`, a card (else an account), and its score. */
type Window = [start: number, end: number, card: boolean, score: number];

/**
 * Takes the numbers a checksum or a structure proves, whatever the words around them: cards
 * (issuer range + Luhn), Russian 20-digit accounts (structure, or control key against a BIK in
 * the text) and Polish NRBs (mod 97). A window is a stretch of whole groups. Per start the best
 * window wins; of two overlapping ones, the better: an account proven by structure beats a card
 * (a Russian account in groups of 4 may start with a Luhn-valid "card"), a card of a common
 * length (16, 19, Amex 15) beats one that starts or ends inside it. At most 26 digits per window,
 * so the work is linear in the run's length.
 *
 * @example takeChecksummed() // after viewRun: pushes the run's cards and accounts
 */
export function takeChecksummed(): void {
  const groups = gFrom.length;
  if (val.length < 12) return;
  // The group on the outer side continues the window's grouping: it and the inner group's other
  // neighbour have the inner group's size, and the separators on both sides of the inner group
  // are alike.
  const continues = (inner: number, outer: number): boolean =>
    free(outer) &&
    len(outer) === len(inner) &&
    len(2 * inner - outer) === len(inner) &&
    gSep[inner - 1] === gSep[inner];
  // Cards of `tiles` groups totalling `digits` digits from group `from`: a tile of a row of
  // cards written one after another in the same grouping.
  const isCardTile = (from: number, tiles: number, digits: number): boolean => {
    let sum = 0;
    // A group before the first (from < 0) is not free either: the sum is then 99 or more.
    for (let g = from; g < from + tiles; g++) sum += free(g) ? len(g) : 99;
    if (sum !== digits) return false;
    const at = first(from);
    return ((cardLengthMask(val, at) >> digits) & 1) > 0 && luhnValid(val, at, at + digits);
  };
  const cleanEdges = (s: number, e: number, digits: number): boolean => {
    if (s === e) return true;
    // A group bound tighter to its outside neighbour (`12/27`, `05.32`) than to the window's
    // own groups (spaces) belongs to that neighbour.
    if ((tight(e) && !tight(e - 1)) || (tight(s - 1) && !tight(s))) return false;
    const common = digits === 15 || digits === 16 || digits === 19;
    const tiles = e - s + 1;
    // The window must not cut a uniformly grouped longer number (`6109-1211-7930-5083` has a
    // Luhn-valid 12-digit prefix) unless the neighbour is another card of a row of cards.
    if (continues(s, s - 1) && !(common && isCardTile(s - tiles, tiles, digits))) return false;
    if (digits === 0 || !continues(e, e + 1)) return true;
    // A common length may be followed by a CVV in the same grouping, not by two more groups.
    return common && (!continues(e + 1, e + 2) || isCardTile(e + 1, tiles, digits));
  };
  // A month/year pair bound tighter to each other than to their neighbours (`… 12/30 …`) starts
  // at group g. A window that swallows one is not a number.
  const isPair = (g: number): boolean =>
    g + 1 < groups && tight(g) && !tight(g - 1) && !tight(g + 1) && expiryAt(g);
  const chosen: Window[] = [];
  // Three cursors that only move forward, so the scan stays linear: the first group whose end
  // makes a window from s at least 12 digits long, the first group at or after s that is not
  // free (no window reaches it), the first group after s that starts an expiry pair.
  let shortest = 0;
  let stop = 0;
  let pair = 0;
  for (let s = 0; s < groups; s++) {
    if (flags[s]) continue;
    const from = first(s);
    const lengths = cardLengthMask(val, from);
    let best: Window | undefined;
    if (shortest < s) shortest = s;
    while (shortest < groups && first(shortest + 1) - from < 12) shortest++;
    if (stop <= s) for (stop = s; stop < groups && !flags[stop]; ) stop++;
    if (pair <= s) for (pair = s + 1; pair < groups && !isPair(pair); ) pair++;
    for (let e = shortest; e < stop; e++) {
      const digits = first(e + 1) - from;
      if (digits > 26) break;
      let score = 0;
      // An issuer range allows the length (12–19 digits only): a card if Luhn and the edges hold.
      if ((lengths >> digits) & 1) {
        if (luhnValid(val, from, from + digits) && cleanEdges(s, e, digits)) {
          // A lone 1–2 digit group after it in the same grouping is the rest of a longer card.
          const tail = len(e + 1) <= 2 && gSep[e] === gSep[e - 1 < s ? e : e - 1] && !tight(e + 1);
          // 15 digits are common for American Express (34, 37), which allows no other length.
          const common = digits === 16 || digits === 19 || lengths === LENGTH_15;
          score = digits + (common && !tail ? 100 : 0);
        }
      } else if (digits === 20) {
        const account =
          isRussianAccount(val, from) || textBiks().some((bik) => russianKeyValid(val, from, bik));
        if (account && cleanEdges(s, e, 0)) score = 220;
      } else if (digits === 26 && isNrb(val, from) && cleanEdges(s, e, 0)) score = 326;
      if (!score) continue;
      if (pair < e) score -= 400;
      if (!best || score > best[3]) best = [s, e, digits <= 19, score];
    }
    if (!best) continue;
    const last = chosen[chosen.length - 1];
    if (last && best[0] <= last[1]) {
      if (best[3] > last[3]) chosen[chosen.length - 1] = best;
    } else chosen.push(best);
  }
  for (const [s, e, card] of chosen) {
    if (card) addCard(s, e);
    else add('account', s, e);
  }
}
