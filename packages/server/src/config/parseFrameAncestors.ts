import type { Parsed } from './parseHttpUrl.js';

/**
 * A CSP host-source with a scheme: `https://bank.example`, `https://*.bank.example`,
 * `http://localhost:8080`. Linear: no nested quantifiers, and the input is length-checked first.
 */
const HOST_SOURCE_REGEX = /^https?:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/;
const SOURCE_MAX = 253;

/**
 * Parses the CSP `frame-ancestors` list of the hosted chat page: which pages may embed it.
 * Entries are separated by spaces or commas. `*` and scheme-only sources are refused: they let
 * any site frame the chat and trick a customer into clicking (clickjacking).
 *
 * @example
 * parseFrameAncestors("'self' https://*.bank.example"); // { ok: true, value: ["'self'", 'https://*.bank.example'] }
 */
export function parseFrameAncestors(raw: string): Parsed<string[]> {
  const sources = raw
    .split(/[\s,]+/)
    .filter((s) => s !== '')
    .map((s) => s.toLowerCase());
  if (sources.length === 0)
    return { ok: false, reason: "must list at least one source, e.g. 'self'" };
  for (const source of sources) {
    if (source === "'none'" && sources.length > 1) {
      return { ok: false, reason: "'none' must stand alone" };
    }
    if (source === "'self'" || source === "'none'") continue;
    if (source.length > SOURCE_MAX || !HOST_SOURCE_REGEX.test(source)) {
      return {
        ok: false,
        reason: `has "${source.slice(0, 60)}", which is not 'self', 'none' or an origin such as https://bank.example (wildcards only as https://*.bank.example)`,
      };
    }
  }
  return { ok: true, value: [...new Set(sources)] };
}
