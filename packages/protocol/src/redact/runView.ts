import { isExpiryPair } from './contextShapes.js';
import { digitWidth } from './digits.js';
import { groupFlags, TAKEN } from './groupFlags.js';
import { maskOf } from './mask.js';
import { SPACE } from './separatorClass.js';
import type { Finding, FindingKind } from './types.js';

/** The digits of one candidate number as the scanner found them, split into groups. */
export interface Run {
  /** Digit values 0–9, whatever the script. */
  readonly val: number[];
  /** Offset in the text of each digit. */
  readonly pos: number[];
  /** Index in `val` of the first digit of each group (digits not parted by a visible separator). */
  readonly gFrom: number[];
  /** Separator classes seen between group g and group g + 1. */
  readonly gSep: number[];
  /** The run follows a `+`: its first 15 digits are a phone number. */
  phone: boolean;
}

/** What the scan carries from one run to the next. */
export interface ScanState {
  readonly text: string;
  readonly findings: Finding[];
  /** Offset where the last card, or the expiry or CVV taken next to it, ends; -1 for none. */
  cardTail: number;
  /** How many expiry/CVV items were taken next to that card (at most 2). */
  cardItems: number;
  /** The BIKs in the text, collected on first need, for the Russian control key. */
  biks: number[][] | undefined;
}

/** A run with the questions the rules ask of its groups, and the way to record a finding. */
export interface RunView {
  readonly state: ScanState;
  readonly run: Run;
  readonly groups: number;
  readonly flags: Uint8Array;
  /** Index in `run.val` of group g's first digit (the digit count past the last group). */
  first(g: number): number;
  len(g: number): number;
  /** The number group g spells (its first 6 digits). */
  value(g: number): number;
  startOf(g: number): number;
  endOf(g: number): number;
  /** Whether the gap after group g is a bare dash, dot or slash, binding tighter than a space. */
  tight(g: number): boolean;
  /** Whether group g exists and is not a date, soup, phone or taken. */
  free(g: number): boolean;
  /** Luhn over the digits `[from, to)`, in constant time. */
  luhn(from: number, to: number): boolean;
  add(kind: FindingKind, from: number, to: number, label?: string): void;
  /** Records a card over groups `[from, to]` and takes the expiry and CVV that follow it. */
  addCard(from: number, to: number): void;
  /** Takes an expiry date and a CVV standing right after a card, from group g on. */
  nextToCard(g: number): void;
}

/**
 * The view of a run that `checksumWindows` and `contextRules` work on.
 *
 * @example const view = viewRun(state, run); view.len(0) // digits in the first group
 */
export function viewRun(state: ScanState, run: Run): RunView {
  const { text } = state;
  const { val, pos, gFrom, gSep } = run;
  const count = val.length;
  const first = (g: number): number => gFrom[g] ?? count;
  const len = (g: number): number => first(g + 1) - first(g);
  const value = (g: number): number => {
    let v = 0;
    for (let i = first(g); i < first(g + 1) && i - first(g) < 6; i++) v = v * 10 + (val[i] ?? 0);
    return v;
  };
  const startOf = (g: number): number => pos[first(g)] ?? 0;
  const endOf = (g: number): number => {
    const at = pos[first(g + 1) - 1] ?? 0;
    return at + digitWidth(text, at);
  };
  const flags = groupFlags(text, run, len, value, startOf, endOf);
  // Luhn sums: even[i] doubles the digits at even offsets below i, odd[i] those at odd offsets.
  let even: Int32Array | undefined;
  let odd: Int32Array | undefined;
  const view: RunView = {
    state,
    run,
    groups: gFrom.length,
    flags,
    first,
    len,
    value,
    startOf,
    endOf,
    tight: (g) => ((gSep[g] ?? SPACE) & SPACE) === 0,
    free: (g) => g >= 0 && g < gFrom.length && flags[g] === 0,
    luhn(from, to) {
      if (!even || !odd) {
        even = new Int32Array(count + 1);
        odd = new Int32Array(count + 1);
        for (let i = 0; i < count; i++) {
          const d = val[i] ?? 0;
          const doubled = d > 4 ? 2 * d - 9 : 2 * d;
          even[i + 1] = (even[i] ?? 0) + (i % 2 === 0 ? doubled : d);
          odd[i + 1] = (odd[i] ?? 0) + (i % 2 === 1 ? doubled : d);
        }
      }
      // The last digit is never doubled: double the offsets of the other parity.
      const sums = (to - 1) % 2 === 0 ? odd : even;
      return ((sums[to] ?? 0) - (sums[from] ?? 0)) % 10 === 0;
    },
    add(kind, from, to, label) {
      let last4 = '';
      for (let i = Math.max(first(from), first(to + 1) - 4); i < first(to + 1); i++)
        last4 += val[i];
      const mask = maskOf(kind, last4, label);
      state.findings.push({ kind, start: startOf(from), end: endOf(to), mask });
      for (let g = from; g <= to; g++) flags[g] = (flags[g] ?? 0) | TAKEN;
    },
    addCard(from, to) {
      view.add('card', from, to);
      state.cardTail = endOf(to);
      state.cardItems = 0;
      view.nextToCard(to + 1);
    },
    nextToCard(g) {
      while (state.cardItems < 2 && view.free(g)) {
        if (view.free(g + 1) && isExpiryPair(value(g), len(g), value(g + 1), len(g + 1))) {
          view.add('secret', g, g + 1, 'expiry');
          g += 2;
        } else if (len(g) === 3 || len(g) === 4) {
          view.add('secret', g, g, 'CVV');
          g++;
        } else break;
        state.cardItems++;
        state.cardTail = endOf(g - 1);
      }
    },
  };
  return view;
}
