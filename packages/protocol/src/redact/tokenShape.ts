import { SPACE, UUID_HEAD } from './constants.js';
import { isAsciiDigit, isAsciiLetter } from './chars.js';
import { separatorClass } from './separatorClass.js';

/** Whether a character ends a white-space-delimited token (spaces of any width, line breaks). */
export function isTokenBreak(code: number): boolean {
  return (
    (code >= 0x0a && code <= 0x0d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code > 0x1f && separatorClass(code) === SPACE)
  );
}

/**
 * Where the white-space-delimited token that starts at `text[start]` ends if its digits must be
 * left alone, else -1. Left alone: a URL (`scheme://…`, `www.…`, `host.tld/…` or `host.tld?…`
 * anywhere in the token, e.g. an X or Facebook status link whose 19-digit ID may pass Luhn) and
 * a token holding a UUID (RFC 9562 §4 `8-4-4-4-12` hex). One pass over the token; the caller asks
 * once per token.
 *
 * @example tokenShape('x.com/jack/status/1859348573234567891 ok', 0) // 37
 */
export function tokenShape(text: string, start: number): number {
  let i = start;
  let hostStart = i; // where the run of host characters before the first `/` or `?` starts
  let path = false; // past the first `/` or `?`
  // Letters since the last dot of that run (a top-level domain: ASCII letters only, `com`, `pl`,
  // https://www.iana.org/domains/root/db); NaN, which stays NaN when counted on, before a dot
  // and after a digit or dash.
  let tld = Number.NaN;
  let skip = false;
  let run = 0; // length of the current hex run
  let segments = 0; // lengths of the hex runs before the last dashes, 4 bits each (15 at most)
  const uuid = (): boolean => run === 12 && (segments & 0xffff) === UUID_HEAD;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isTokenBreak(code)) break;
    const letter = isAsciiLetter(code);
    const slash = code === 0x2f || code === 0x3f;
    if (!path) {
      if (code === 0x2e) {
        tld = i > hostStart ? 0 : Number.NaN;
        if (i - hostStart === 3 && text.slice(hostStart, i).toLowerCase() === 'www') skip = true;
      } else if (letter) tld++;
      else if (isAsciiDigit(code) || code === 0x2d) tld = Number.NaN;
      else {
        // Not a host character: the host ends here.
        if (slash && tld >= 2) skip = true;
        path = slash;
        hostStart = i + 1;
        tld = Number.NaN;
      }
    }
    if (code === 0x3a && text.startsWith('//', i + 1)) skip = true;
    if (isAsciiDigit(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66)) run++;
    else {
      if (code === 0x2d) segments = (segments << 4) | Math.min(run, 15);
      else {
        if (uuid()) skip = true;
        segments = 0;
      }
      run = 0;
    }
  }
  return skip || uuid() ? i : -1;
}
