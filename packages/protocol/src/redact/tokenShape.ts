import { SPACE } from './constants.js';
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
 * What makes a token's digits not a number, tested on the whole token (ASCII letters either case):
 * a URL — a scheme (`://`); before the first `/` or `?`, a host run starting `www.`, or one whose
 * last label is 2+ ASCII letters (a top-level domain, https://www.iana.org/domains/root/db) right
 * before that `/` or `?` (`x.com/jack/status/1859…`, whose 19-digit ID may pass Luhn) — or a UUID
 * (RFC 9562 §4: hex 8-4-4-4-12, not inside a longer hex run, not followed by a dash). Each
 * alternative is anchored or of bounded length, so a test is linear in the token's length.
 */
const URL_OR_UUID =
  /:\/\/|^[^/?]*(?:(?:^|[^a-z\d./?-])www\.|[a-z\d.-]\.[a-z]{2,}[/?])|(?<![\da-f])[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}(?![\da-f-])/i;

/**
 * Where the white-space-delimited token that starts at `text[start]` ends if its digits must be
 * left alone (a URL or a UUID, see URL_OR_UUID), else -1. The caller asks once per token.
 *
 * @example tokenShape('x.com/jack/status/1859348573234567891 ok', 0) // 37
 */
export function tokenShape(text: string, start: number): number {
  let end = start;
  while (end < text.length && !isTokenBreak(text.charCodeAt(end))) end++;
  return URL_OR_UUID.test(text.slice(start, end)) ? end : -1;
}
