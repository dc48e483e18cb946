import { findSensitive } from './findSensitive.js';
import type { Finding, RedactOptions, RedactResult } from './types.js';

/**
 * Masks every payment card, IBAN, domestic account, routing number and card secret (CVV, expiry,
 * PIN, one-time code) in `text`. Pure and synchronous; linear in the text's length; the same in
 * browsers and Node. Idempotent: redacting the result again changes nothing.
 *
 * @example
 * redact('my card is 4111 1111 1111 1111, cvv 123').text
 * // 'my card is [card ••••1111], cvv [CVV hidden]'
 */
export function redact(text: string, options?: RedactOptions): RedactResult {
  const kinds = options?.kinds;
  const findings = findSensitive(text)
    .filter((finding) => !kinds || kinds.includes(finding.kind))
    .sort((a, b) => a.start - b.start);
  return { text: render(text, findings), findings };
}

/** `text` with each finding (in order, not overlapping) replaced by its mask. */
export function render(text: string, findings: readonly Finding[]): string {
  let out = '';
  let at = 0;
  for (const finding of findings) {
    out += text.slice(at, finding.start) + finding.mask;
    at = finding.end;
  }
  return out + text.slice(at);
}
