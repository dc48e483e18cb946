import type { RedactionKind } from '../schemas/message.js';

/**
 * What the engine found: the kinds a message lists in `redactions` (`REDACTION_KINDS` in
 * schemas/message.ts, the one list of them; a type-only import, so the engine's bundle stays free
 * of valibot). `secret` is sensitive authentication data that PCI DSS forbids storing at all (a
 * card security code, an expiry date, a PIN or a one-time code): its mask keeps no digit.
 */
export type FindingKind = RedactionKind;

/** One masked number. `start`/`end` are UTF-16 offsets into the input: `[start, end)`. */
export interface Finding {
  readonly kind: FindingKind;
  /** Offset of the first character masked (a digit, or the first letter of an IBAN). */
  readonly start: number;
  /** Offset just after the last character masked. */
  readonly end: number;
  /** The text that replaced `input.slice(start, end)`, e.g. `[card ••••1111]`. */
  readonly mask: string;
}

/** The result of {@link redact}: the masked text and what was masked, in input order. */
export interface RedactResult {
  readonly text: string;
  readonly findings: Finding[];
}

/** Options of {@link redact}. */
export interface RedactOptions {
  /** Kinds to mask; the default is every kind. */
  readonly kinds?: readonly FindingKind[];
}
