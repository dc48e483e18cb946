import type { Run } from './analyseRun.js';
import { isDateTriple } from './contextShapes.js';
import { matchIban } from './matchIban.js';
import { DASH, DOT, SLASH } from './separatorClass.js';

/** The group is part of a date (`22.11.2026`, `2026-11-22`). */
export const DATE = 1;
/** The group is glued through one or two letters to more digits: a hash, UUID or tracking code. */
export const SOUP = 2;
/** The group is among the first 15 digits after a `+`: a phone number. */
export const PHONE = 4;
/** The group belongs to a finding already. */
export const TAKEN = 8;

function isAsciiLetter(code: number): boolean {
  const folded = code | 0x20;
  return folded >= 0x61 && folded <= 0x7a;
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Whether at most two letters, then a digit, follow `text[at]` going in `step` direction. */
function gluedThroughLetters(text: string, at: number, step: 1 | -1): boolean {
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
 * The flags of every group of a run: which groups are dates, letter-digit soup or a phone
 * number, and so may not be part of a number found by checksum.
 *
 * @example groupFlags(text, run, ...)[0] & DATE // the run starts with a date
 */
export function groupFlags(
  text: string,
  run: Run,
  len: (g: number) => number,
  value: (g: number) => number,
  startOf: (g: number) => number,
  endOf: (g: number) => number,
): Uint8Array {
  const groups = run.gFrom.length;
  const flags = new Uint8Array(groups);
  for (let g = 0, count = 0; run.phone && g < groups; g++) {
    count += len(g);
    if (count > 15) break;
    flags[g] = PHONE;
  }
  for (let g = 0; g < groups; g++) {
    if (gluedThroughLetters(text, startOf(g) - 1, -1) || gluedThroughLetters(text, endOf(g), 1)) {
      flags[g] = (flags[g] ?? 0) | SOUP;
    }
    const sep = run.gSep[g];
    if (
      g + 2 >= groups ||
      sep !== run.gSep[g + 1] ||
      !(sep === DOT || sep === DASH || sep === SLASH)
    ) {
      continue;
    }
    if (isDateTriple([value(g), value(g + 1), value(g + 2)], [len(g), len(g + 1), len(g + 2)])) {
      for (let k = g; k < g + 3; k++) flags[k] = (flags[k] ?? 0) | DATE;
    }
  }
  return flags;
}
