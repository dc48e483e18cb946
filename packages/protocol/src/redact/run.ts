import { isAsciiDigit, isAsciiLetter } from './chars.js';
import { DASH, DATE, DOT, PHONE, SLASH, SOUP, SPACE, TAKEN } from './constants.js';
import { isDateTriple, isExpiryPair } from './contextShapes.js';
import { digitWidth } from './digits.js';
import { finding } from './mask.js';
import { matchIban } from './matchIban.js';
import type { Finding, FindingKind } from './types.js';

/*
 * The state of one scan and of the run of digits being analysed. Module-level on purpose: the
 * scan is synchronous and calls nothing outside this package, so one scan runs at a time, and
 * the rules read plain variables instead of the properties of a view object (which a minifier
 * cannot shorten). `beginScan` resets it for every text.
 */

/** The text being scanned. */
export let text = '';
/** What the scan found so far, in the order found. */
export let findings: Finding[] = [];
/** Offset where the last card, or the expiry or CVV taken next to it, ends; -1 for none. */
export let cardTail = -1;
/** How many expiry/CVV items were taken next to that card (at most 2). */
let cardItems = 0;
/** The BIKs in the text, collected on first need, for the Russian control key. */
let biks: number[][] | undefined;

/** The current run: digit values 0–9 whatever the script, and the offset of each digit. */
export const val: number[] = [];
export const pos: number[] = [];
/** Index in `val` of the first digit of each group (digits not parted by a visible separator). */
export const gFrom: number[] = [];
/** Separator classes seen between group g and group g + 1. */
export const gSep: number[] = [];
/** Per group: DATE, SOUP, PHONE, TAKEN (0: free to be part of a number). */
export let flags = new Uint8Array(0);

/**
 * Starts the scan of `input`: no findings, no card, no BIKs, no run yet. Called with '' when a
 * scan ends, so no raw text or digit outlives it here.
 */
export function beginScan(input: string): Finding[] {
  text = input;
  findings = [];
  cardTail = -1;
  cardItems = 0;
  biks = undefined;
  val.length = pos.length = gFrom.length = gSep.length = 0;
  return findings;
}

/** Index in `val` of group g's first digit (the digit count for a group past the last). */
export const first = (g: number): number => gFrom[g] ?? val.length;
export const len = (g: number): number => first(g + 1) - first(g);
/** The number group g spells (its first 6 digits). */
export const value = (g: number): number => {
  let v = 0;
  for (let i = first(g); i < first(g + 1) && i - first(g) < 6; i++) v = v * 10 + val[i]!;
  return v;
};
/** Whether groups g and g + 1 read as a card expiry date (`12/27`). */
export const expiryAt = (g: number): boolean =>
  isExpiryPair(value(g), len(g), value(g + 1), len(g + 1));
export const startOf = (g: number): number => pos[first(g)]!;
export const endOf = (g: number): number => {
  const at = pos[first(g + 1) - 1]!;
  return at + digitWidth(text, at);
};
/** Whether the gap after group g is a bare dash, dot or slash, binding tighter than a space. */
export const tight = (g: number): boolean => ((gSep[g] ?? SPACE) & SPACE) === 0;
/** Whether group g exists and is not a date, soup, phone or taken. */
export const free = (g: number): boolean => flags[g] === 0;

/**
 * Records a finding over groups `[from, to]` and marks them taken. `keep`: whether the mask
 * keeps the last 4 digits; a secret keeps none and says so (`[CVV hidden]`).
 */
export function add(
  kind: FindingKind,
  from: number,
  to: number,
  label: string = kind,
  keep = true,
): void {
  const end = first(to + 1);
  const last4 = keep ? val.slice(Math.max(first(from), end - 4), end).join('') : '';
  findings.push(finding(kind, startOf(from), endOf(to), label, last4));
  // TAKEN replaces a group's other flags: no rule reads them once the group is taken.
  flags.fill(TAKEN, from, to + 1);
}

/** Records a card over groups `[from, to]` and takes the expiry and CVV that follow it. */
export function addCard(from: number, to: number): void {
  add('card', from, to);
  cardTail = endOf(to);
  cardItems = 0;
  nextToCard(to + 1);
}

/** Takes an expiry date and a CVV standing right after a card, from group g on. */
export function nextToCard(g: number): void {
  while (cardItems < 2 && free(g)) {
    if (free(g + 1) && expiryAt(g)) {
      add('secret', g, g + 1, 'expiry');
      g += 2;
    } else if (len(g) === 3 || len(g) === 4) {
      add('secret', g, g, 'CVV');
      g++;
    } else break;
    cardItems++;
    cardTail = endOf(g - 1);
  }
}

/**
 * A 9-digit Bank of Russia BIK: `04` and 7 digits (Bank of Russia Regulation 732-P, the BIK
 * directory https://www.cbr.ru/PSystem/payment_system/). Fixed length, so linear.
 */
const BIK_REGEX = /(?<![0-9])04[0-9]{7}(?![0-9])/g;

/** The first 4 BIKs of the text, as digit arrays, collected once per text. */
export function textBiks(): number[][] {
  biks ??= [...text.matchAll(BIK_REGEX)].slice(0, 4).map((m) => [...m[0]].map(Number));
  return biks;
}

/** Whether at most two letters, then a digit, follow `text[at]` going in `step` direction. */
function gluedThroughLetters(at: number, step: 1 | -1): boolean {
  let letters = 0;
  let i = at;
  while (letters < 3 && isAsciiLetter(text.charCodeAt(i))) {
    letters++;
    i += step;
  }
  if (letters === 0 || letters > 2 || !isAsciiDigit(text.charCodeAt(i))) return false;
  // Glued to a valid IBAN (`…6740DE89…`) is not soup: the IBAN is masked on its own, and once it
  // is, the group stands alone (redaction stays idempotent).
  return !(step === 1 && letters === 2 && matchIban(text, at)?.valid);
}

/**
 * Makes the run in `val`/`pos`/`gFrom`/`gSep` the current one and flags its groups: which are
 * dates, letter–digit soup or a phone number (`phone`: the run follows a `+`), and so may not be
 * part of a number found by checksum.
 */
export function viewRun(phone: boolean): void {
  const groups = gFrom.length;
  flags = new Uint8Array(groups);
  for (let g = 0, count = 0; phone && g < groups; g++) {
    count += len(g);
    if (count > 15) break;
    flags[g] = PHONE;
  }
  for (let g = 0; g < groups; g++) {
    if (gluedThroughLetters(startOf(g) - 1, -1) || gluedThroughLetters(endOf(g), 1)) {
      flags[g]! |= SOUP;
    }
    const sep = gSep[g];
    if (g + 2 < groups && sep === gSep[g + 1] && (sep === DOT || sep === DASH || sep === SLASH)) {
      if (isDateTriple(value(g), len(g), value(g + 1), len(g + 1), value(g + 2), len(g + 2)))
        for (let k = g; k < g + 3; k++) flags[k]! |= DATE;
    }
  }
}
