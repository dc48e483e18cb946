import type { RedactionKind } from '@parley/protocol';
import { redact } from '@parley/protocol/redact';
import type { Metrics } from '../metrics/createMetrics.js';

/** Redacted text and the kinds of number masked in it. */
export interface Redacted {
  text: string;
  redactions: RedactionKind[];
}

/**
 * Redacts one piece of text (a public post, a note, a survey comment) and counts what was masked.
 * Every text the server stores, relays or logs passes through here or `redactMessage`.
 *
 * @example
 * redactText(metrics, 'card 4111 1111 1111 1111'); // { text: 'card [card ••••1111]', redactions: ['card'] }
 */
export function redactText(metrics: Metrics, text: string): Redacted {
  const result = redact(text);
  const kinds = new Set<RedactionKind>();
  for (const finding of result.findings) {
    kinds.add(finding.kind);
    metrics.redactions.inc({ kind: finding.kind });
  }
  return { text: result.text, redactions: [...kinds] };
}
