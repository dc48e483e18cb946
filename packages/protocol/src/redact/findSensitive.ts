import { isAsciiDigit, isAsciiLetter } from './chars.js';
import { takeChecksummed } from './checksumWindows.js';
import { BULLET, INVISIBLE, SLASH, SPACE } from './constants.js';
import { takeByContext } from './contextRules.js';
import { digitAt, digitWidth } from './digits.js';
import { finding } from './mask.js';
import { matchIban } from './matchIban.js';
import { beginScan, cardTail, gFrom, gSep, pos, val, viewRun } from './run.js';
import { separatorClass } from './separatorClass.js';
import { isTokenBreak, tokenShape } from './tokenShape.js';
import type { Finding } from './types.js';

const isAsciiAlnum = (code: number): boolean => isAsciiLetter(code) || isAsciiDigit(code);

/**
 * Every sensitive number in `text`, in order, not overlapping. One pass over the text: digits
 * (any script) joined by at most 3 visible separators form a run (in run.ts's arrays); a run is
 * analysed when it ends. Before a run starts, three cheap checks at its first digit: is it in
 * a URL or UUID token (skip the token), is it the tail a mask keeps (skip it), is it the check
 * digits of an IBAN (take the IBAN, or skip a wrong one). Time is linear in the text's length.
 *
 * @example findSensitive('card 4111 1111 1111 1111')[0] // { kind: 'card', start: 5, end: 24, … }
 */
export function findSensitive(text: string): Finding[] {
  const findings = beginScan(text);
  let inRun = false;
  let phone = false; // the run follows a `+`: its first 15 digits are a phone number
  let gap = 0; // visible separators since the last digit
  let gapClass = 0; // their classes
  let tokenStart = 0; // where the current white-space-delimited token starts
  let tokenChecked = -1; // the token whose shape was last computed
  let tokenSkipEnd = -1; // the end of that token if its digits are to be skipped
  // Checksum-backed windows first (cards with the expiry and CVV next to them, Russian accounts,
  // NRBs), then what a keyword before the run says the number at its start is.
  const endRun = (): void => {
    if (inRun && (val.length > 2 || cardTail >= 0)) {
      viewRun(phone);
      takeChecksummed();
      takeByContext();
    }
    inRun = false;
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // ASCII first: most characters are, and digitAt is the slow path for the other scripts.
    const digit = code < 0x80 ? (isAsciiDigit(code) ? code - 0x30 : -1) : digitAt(text, i);
    if (digit < 0) {
      // Printable ASCII other than the space never breaks a token: skip the call for it.
      if (code === 0x20 || ((code < 0x20 || code > 0x7e) && isTokenBreak(code))) tokenStart = i + 1;
      if (inRun) {
        const separator = separatorClass(code);
        if (separator === 0 || (separator !== INVISIBLE && ++gap > 3)) endRun();
        else if (separator !== INVISIBLE) gapClass |= separator;
        // " / " lists alternatives ("601 234 567 / 601 234 568"); it never sits inside a number.
        if ((gapClass & (SPACE | SLASH)) === (SPACE | SLASH)) endRun();
      }
      i++;
      continue;
    }
    if (!inRun) {
      if (tokenChecked !== tokenStart) {
        tokenSkipEnd = tokenShape(text, tokenStart);
        tokenChecked = tokenStart;
      }
      if (tokenSkipEnd > i) {
        i = tokenSkipEnd;
        continue;
      }
      const skip = afterMaskOrIban(text, i, findings);
      if (skip > i) {
        i = skip;
        continue;
      }
      inRun = true;
      val.length = pos.length = gSep.length = gFrom.length = 0;
      gFrom.push(0);
      phone = text.charCodeAt(i - 1) === 0x2b;
    } else if (gapClass) {
      gSep.push(gapClass);
      gFrom.push(val.length);
    }
    gap = gapClass = 0;
    val.push(digit);
    pos.push(i);
    i += digitWidth(text, i);
  }
  endRun();
  beginScan('');
  return findings;
}

/**
 * At the first digit of a run: the offset to continue scanning from if the run is a mask's kept
 * tail (`••••1111]`) or an IBAN's check digits (the IBAN is pushed to `findings` if valid), else
 * `at` itself.
 */
function afterMaskOrIban(text: string, at: number, findings: Finding[]): number {
  let back = at - 1;
  while (back >= at - 4 && isAsciiAlnum(text.charCodeAt(back))) back--;
  if (text.charCodeAt(back) === BULLET) {
    let end = at;
    while (end < back + 6 && isAsciiAlnum(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) === 0x5d) return end + 1;
  }
  // Printed (`DE89 3704…`): one separator between the country code with its check digits and the
  // rest; a code that would start before the text has no letters there, and matchIban says so.
  const country = separatorClass(text.charCodeAt(at - 1)) ? at - 3 : at - 2;
  const iban = matchIban(text, country);
  if (!iban) return at;
  if (iban.valid) {
    findings.push(finding('iban', country, iban.end, 'IBAN', iban.last4));
    return iban.end;
  }
  // An IBAN-shaped string with a wrong check digit is left alone whole, so its digits do not
  // turn into a card number by chance; only when it starts a word and is written like an IBAN,
  // country code glued to its check digits: "VISA 4111…" is not "SA41…", "Ba 5551…" not "BA55…".
  const word = country === 0 || !isAsciiLetter(text.charCodeAt(country - 1));
  return word && country === at - 2 ? iban.end : at;
}
