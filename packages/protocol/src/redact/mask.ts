import type { Finding, FindingKind } from './types.js';

/**
 * A finding and the text that replaces it. A number's mask keeps the last characters given in
 * `last4` behind `••••` (`''` for a routing number or sort code, or for a fragment whose last
 * digits are not the number's last, see docs/redaction.md); a secret's keeps none and says so
 * (`[CVV hidden]`). A mask holds no separator and no digit run longer than 4, and starts with `[`,
 * so it never reads as a number itself (redaction is idempotent). The one place findings are
 * built, so their property names appear once in the bundle.
 *
 * @example finding('card', 0, 19, 'card', '1111').mask // '[card ••••1111]'
 * @example finding('secret', 4, 7, 'CVV', '').mask // '[CVV hidden]'
 */
export function finding(
  kind: FindingKind,
  start: number,
  end: number,
  label: string,
  last4: string,
): Finding {
  return { kind, start, end, mask: `[${label} ${kind === 'secret' ? 'hidden' : `••••${last4}`}]` };
}
