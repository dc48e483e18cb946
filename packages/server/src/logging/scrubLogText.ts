import { redact } from '@parley/protocol/redact';

/**
 * A JWT (`eyJ…` header, payload, signature). Linear: each class excludes the `.` that follows it.
 */
const JWT_IN_TEXT_REGEX = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
/** A Parley service key. */
const SERVICE_KEY_IN_TEXT_REGEX = /psk_[A-Za-z0-9_-]{8,}/g;
/** `Bearer <anything token-like>`, whatever the token's shape. */
const BEARER_IN_TEXT_REGEX = /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi;
/**
 * An international phone number: `+`, then 7–15 digits with at most two spaces, dashes, dots
 * or parentheses between them (`+31 (20) 123-4567`). Each repetition consumes one digit, so work per start is bounded.
 */
const PHONE_IN_TEXT_REGEX = /\+[1-9](?:[ .\-()]{0,2}\d){6,14}/g;
/** The secret part of a handoff link, `/h/<22 characters>`. */
const HANDOFF_PATH_REGEX = /\/h\/[A-Za-z0-9_-]{22}/g;
/** Longer strings are cut before scanning: a log line is no place for a megabyte. */
const TEXT_MAX = 8_192;

/**
 * Masks what must never reach a log line in free text: card, IBAN and account numbers and card
 * secrets (the protocol's redaction engine), then tokens, service keys, phone numbers and handoff codes in paths. The
 * last line of defence behind structured redaction, for a message someone built by hand.
 *
 * @example
 * scrubLogText('refund to 4111 1111 1111 1111 for +48 601 234 567');
 * // 'refund to [card ••••1111] for [phone]'
 */
export function scrubLogText(text: string): string {
  const bounded = text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX)}…[truncated]` : text;
  return redact(bounded)
    .text.replace(BEARER_IN_TEXT_REGEX, 'Bearer [token]')
    .replace(JWT_IN_TEXT_REGEX, '[token]')
    .replace(SERVICE_KEY_IN_TEXT_REGEX, '[service key]')
    .replace(PHONE_IN_TEXT_REGEX, '[phone]')
    .replace(HANDOFF_PATH_REGEX, '/h/[code]');
}
