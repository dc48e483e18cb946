import type { FindingKind } from './types.js';

/** What a mask calls each kind; a secret's mask names what it hides (`CVV`, `PIN`, …) instead. */
const LABELS: Readonly<Record<FindingKind, string>> = {
  card: 'card',
  iban: 'IBAN',
  account: 'account',
  routing: 'routing',
  secret: 'code',
};

/**
 * The text that replaces a finding. Numbers keep their last 4 characters behind `••••`; routing
 * numbers, sort codes and secrets keep none. A mask holds no separator and no digit run longer
 * than 4, and starts with `[`, so it never reads as a number itself (redaction is idempotent).
 *
 * @example maskOf('card', '1111') // '[card ••••1111]'
 * @example maskOf('secret', '', 'CVV') // '[CVV hidden]'
 */
export function maskOf(kind: FindingKind, last4: string, label = LABELS[kind]): string {
  if (kind === 'secret') return `[${label} hidden]`;
  return kind === 'routing' ? `[${label} ••••]` : `[${label} ••••${last4}]`;
}
