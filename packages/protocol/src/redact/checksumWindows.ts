import { isExpiryPair } from './contextShapes.js';
import { isNrb, isRussianAccount, russianKeyValid } from './domesticAccounts.js';
import { cardLengthMask } from './isCardNumber.js';
import type { RunView } from './runView.js';
import type { FindingKind } from './types.js';

/**
 * A 9-digit Bank of Russia BIK: `04` and 7 digits (Bank of Russia Regulation 732-P, the BIK
 * directory https://www.cbr.ru/PSystem/payment_system/). Fixed length, so linear.
 */
const BIK_REGEX = /(?<![0-9])04[0-9]{7}(?![0-9])/g;

type Window = [start: number, end: number, kind: FindingKind, score: number];

/**
 * Takes the numbers a checksum or a structure proves, whatever the words around them: cards
 * (issuer range + Luhn), Russian 20-digit accounts (structure, or control key against a BIK in
 * the text) and Polish NRBs (mod 97). A window is a stretch of whole groups. Per start the best
 * window wins; of two overlapping ones, the better: an account proven by structure beats a card
 * (a Russian account in groups of 4 may start with a Luhn-valid "card"), a card of a common
 * length (16, 19, Amex 15) beats one that starts or ends inside it. At most 26 digits per window,
 * so the work is linear in the run's length.
 *
 * @example takeChecksummed(viewRun(state, run)) // pushes the run's cards and accounts
 */
export function takeChecksummed(view: RunView): void {
  const { run, groups, first, len, value, tight, free, state } = view;
  if (run.val.length < 12) return;

  const gap = (g: number): number => run.gSep[g] ?? -1;
  // The group on the outer side continues the window's grouping (same size, same separator).
  const continues = (inner: number, outer: number): boolean => {
    const next = inner + (inner - outer);
    const outerGap = gap(Math.min(inner, outer));
    return (
      free(outer) &&
      len(outer) === len(inner) &&
      len(next) === len(inner) &&
      outerGap === gap(Math.min(inner, next))
    );
  };
  // Cards of `groupCount` groups totalling `count` digits from group `from`: a tile of a row of
  // cards written one after another in the same grouping.
  const isCardTile = (from: number, groupCount: number, count: number): boolean => {
    let digits = 0;
    for (let g = from; g < from + groupCount; g++) digits += free(g) ? len(g) : 99;
    if (from < 0 || digits !== count) return false;
    const at = first(from);
    return ((cardLengthMask(run.val, at) >> count) & 1) === 1 && view.luhn(at, at + count);
  };
  const cleanEdges = (s: number, e: number, count: number): boolean => {
    if (s === e) return true;
    // A group bound tighter to its outside neighbour (`12/27`, `05.32`) than to the window's
    // own groups (spaces) belongs to that neighbour.
    if ((tight(e) && !tight(e - 1)) || (tight(s - 1) && !tight(s))) return false;
    const common = count === 15 || count === 16 || count === 19;
    const tile = e - s + 1;
    // The window must not cut a uniformly grouped longer number (`6109-1211-7930-5083` has a
    // Luhn-valid 12-digit prefix) unless the neighbour is another card of a row of cards.
    if (continues(s, s - 1) && !(common && isCardTile(s - tile, tile, count))) return false;
    if (count === 0 || !continues(e, e + 1)) return true;
    // A common length may be followed by a CVV in the same grouping, not by two more groups.
    if (!common) return false;
    return !continues(e + 1, e + 2) || isCardTile(e + 1, tile, count);
  };
  // expiryPairs[g]: month/year pairs bound tighter to each other than to their neighbours
  // (`… 12/30 …`) that start before group g. A window that swallows one is not a number.
  const expiryPairs = [0];
  for (let g = 0; g < groups; g++) {
    const pair = g + 1 < groups && tight(g) && !tight(g - 1) && !tight(g + 1);
    const isPair = pair && isExpiryPair(value(g), len(g), value(g + 1), len(g + 1));
    expiryPairs.push((expiryPairs[g] ?? 0) + (isPair ? 1 : 0));
  }
  const russianKey = (from: number): boolean => {
    state.biks ??= [...state.text.matchAll(BIK_REGEX)]
      .slice(0, 4)
      .map((m) => [...m[0]].map(Number));
    return state.biks.some((bik) => russianKeyValid(run.val, from, bik, 0));
  };
  const chosen: Window[] = [];
  // The hot loop reads plain arrays: ends[g] is group g's first digit, ends[groups] the digit count.

  const ends = new Int32Array(groups + 1);
  ends.set(run.gFrom);
  ends[groups] = run.val.length;
  const flags = view.flags;
  // stop[g]: the first group at or after g that is not free, so a window never reaches it.
  const stop = new Int32Array(groups + 1);
  stop[groups] = groups;
  for (let g = groups - 1; g >= 0; g--) stop[g] = flags[g] === 0 ? (stop[g + 1] ?? groups) : g;
  let shortest = 0; // the first group whose end makes a window from s at least 12 digits long
  for (let s = 0; s < groups; s++) {
    if (flags[s] !== 0) continue;
    const from = ends[s] ?? 0;
    const lengths = cardLengthMask(run.val, from);
    const head = (run.val[from] ?? 0) * 10 + (run.val[from + 1] ?? 0);
    const amex = head === 34 || head === 37;
    let best: Window | undefined;
    if (shortest < s) shortest = s;
    while (shortest < groups && (ends[shortest + 1] ?? 0) - from < 12) shortest++;
    const limit = stop[s] ?? groups;
    for (let e = shortest; e < limit; e++) {
      const count = (ends[e + 1] ?? 0) - from;
      if (count > 26) break;
      if (count > 20 && count < 26) continue;
      let score = 0;
      if (count <= 19) {
        if ((lengths >> count) & 1 && view.luhn(from, from + count) && cleanEdges(s, e, count)) {
          // A lone 1–2 digit group after it in the same grouping is the rest of a longer card.
          const tail = len(e + 1) <= 2 && gap(e) === gap(e - 1 < s ? e : e - 1) && !tight(e + 1);
          const common = count === 16 || count === 19 || (amex && count === 15);
          score = count + (common && !tail ? 100 : 0);
        }
      } else if (count === 20) {
        const account = isRussianAccount(run.val, from) || russianKey(from);
        if (account && cleanEdges(s, e, 0)) score = 220;
      } else if (count === 26 && isNrb(run.val, from) && cleanEdges(s, e, 0)) score = 326;
      if (score === 0) continue;
      if ((expiryPairs[e] ?? 0) - (expiryPairs[s + 1] ?? 0) > 0) score -= 400;
      if (!best || score > best[3]) best = [s, e, count <= 19 ? 'card' : 'account', score];
    }
    if (!best) continue;
    const last = chosen[chosen.length - 1];
    if (last && best[0] <= last[1]) {
      if (best[3] > last[3]) chosen[chosen.length - 1] = best;
    } else chosen.push(best);
  }
  for (const [s, e, kind] of chosen) {
    if (kind === 'card') view.addCard(s, e);
    else view.add(kind, s, e);
  }
}
