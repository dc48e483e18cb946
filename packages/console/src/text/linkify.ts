import { HTTP_URL_REGEX } from '@parley/protocol';

/** A piece of message text: plain text, or an http(s) link. */
export type TextPart =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string };

/**
 * A run of non-space characters starting with `http://` or `https://`, case-insensitive; linear,
 * no backtracking. https://url.spec.whatwg.org/#url-syntax
 */
const URL_CANDIDATE_REGEX = /https?:\/\/\S+/gi;

/** Punctuation that ends a sentence rather than a URL: `see https://bank.example.` */
const TRAILING_PUNCTUATION_REGEX = /[.,;:!?)\]}'"»”’]+$/;

/**
 * Splits message text into plain parts and links. Only http(s) URLs become links — never
 * `javascript:`, `data:` or anything else — and trailing sentence punctuation stays text.
 *
 * @example
 * linkify('See https://bank.example/help.');
 * // [{ kind: 'text', text: 'See ' }, { kind: 'link', href: 'https://bank.example/help', … }, { kind: 'text', text: '.' }]
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_CANDIDATE_REGEX)) {
    const start = match.index;
    const candidate = match[0];
    const trailing = TRAILING_PUNCTUATION_REGEX.exec(candidate)?.[0] ?? '';
    const url = candidate.slice(0, candidate.length - trailing.length);
    if (!HTTP_URL_REGEX.test(url)) continue;
    if (start > at) parts.push({ kind: 'text', text: text.slice(at, start) });
    parts.push({ kind: 'link', text: url, href: url });
    at = start + url.length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}
