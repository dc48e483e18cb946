/**
 * `@parley/protocol/redact`: the account-number redaction engine. The server runs it on every
 * text before relaying, storing or logging; the widget runs it before sending. See
 * docs/redaction.md.
 */
export { containsSensitiveNumber } from './containsSensitiveNumber.js';
export {
  type AmendedMessage,
  type ConversationPush,
  type ConversationRedactor,
  type ConversationRedactorOptions,
  createConversationRedactor,
} from './createConversationRedactor.js';
export { redact } from './redact.js';
export type { Finding, FindingKind, RedactOptions, RedactResult } from './types.js';
