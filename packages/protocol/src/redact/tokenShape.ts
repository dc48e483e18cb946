import { SPACE, separatorClass } from './separatorClass.js';

/** Whether a character ends a white-space-delimited token (spaces of any width, line breaks). */
export function isTokenBreak(code: number): boolean {
  return (
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0c ||
    code === 0x0b ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code > 0x1f && separatorClass(code) === SPACE)
  );
}

function isHex(code: number): boolean {
  const folded = code | 0x20;
  return (code >= 0x30 && code <= 0x39) || (folded >= 0x61 && folded <= 0x66);
}

function isHostChar(code: number): boolean {
  const folded = code | 0x20;
  return (
    (folded >= 0x61 && folded <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x2e
  );
}

/** A top-level domain: ASCII letters only (`com`, `co`, `pl`). https://www.iana.org/domains/root/db */
const TLD_REGEX = /^[a-z]+$/i;

/**
 * Where the white-space-delimited token that starts at `text[start]` ends, and whether its digits
 * must be left alone because it is a URL (`scheme://…`, `www.…`, `host.tld/…` or `host.tld?…`
 * anywhere in the token,
 * e.g. an X or Facebook status link whose 19-digit ID may pass Luhn) or holds a UUID
 * (RFC 9562 §4 `8-4-4-4-12` hex). One pass over the token; the caller asks once per token.
 *
 * @example tokenShape('x.com/jack/status/1859348573234567891 ok', 0) // { end: 37, skip: true }
 */
export function tokenShape(text: string, start: number): { end: number; skip: boolean } {
  let i = start;
  let hostStart = i; // where the run of host characters before the first `/` or `?` starts
  let path = false; // past the first `/` or `?`
  let dot = -1; // offset of the last dot of that run
  let skip = false;
  let run = 0; // length of the current hex run
  const segments: number[] = []; // lengths of the hex runs before the last dashes
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isTokenBreak(code)) break;
    if (!path && !isHostChar(code)) {
      const tld = dot > hostStart ? text.slice(dot + 1, i) : '';
      if ((code === 0x2f || code === 0x3f) && tld.length >= 2 && TLD_REGEX.test(tld)) skip = true;
      path = code === 0x2f || code === 0x3f;
      hostStart = i + 1;
    }
    if (!path && code === 0x2e) {
      dot = i;
      if (i - hostStart === 3 && text.slice(hostStart, i).toLowerCase() === 'www') skip = true;
    }
    if (code === 0x3a && text.startsWith('//', i + 1)) skip = true;
    if (isHex(code)) run++;
    else {
      if (code === 0x2d) {
        if (segments.push(run) > 4) segments.shift();
      } else {
        if (run === 12 && segments.slice(-4).join() === '8,4,4,4') skip = true;
        segments.length = 0;
      }
      run = 0;
    }
  }
  if (run === 12 && segments.slice(-4).join() === '8,4,4,4') skip = true;
  return { end: i, skip };
}
