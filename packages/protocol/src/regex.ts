/**
 * Every regular expression of the wire format, each a named constant. None contains nested
 * quantifiers or overlapping alternations, so none can backtrack catastrophically; `regex.test.ts`
 * runs each against long adversarial input.
 */

/**
 * An instant in UTC, ISO 8601 / RFC 3339 `date-time` with a `Z` offset and optional milliseconds:
 * `2026-11-22T21:30:00Z`, `2026-11-22T21:30:00.123Z`. https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 */
export const ISO_UTC_REGEX = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * An E.164 telephone number: `+`, a country code not starting with 0, at most 15 digits in all.
 * Syntax only; the server checks the numbering plan. https://www.itu.int/rec/T-REC-E.164
 */
export const E164_REGEX = /^\+[1-9]\d{6,14}$/;

/**
 * A BCP 47 language tag in the common `language[-script][-region]` shape: `ru`, `pl-PL`, `sr-Latn-RS`.
 * https://www.rfc-editor.org/rfc/rfc5646#section-2.1
 */
export const LANGUAGE_TAG_REGEX = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8}){0,3}$/;

/**
 * An IANA time-zone name (`Europe/Moscow`, `America/Argentina/Buenos_Aires`, `UTC`); the server
 * checks it exists with `Intl`. https://data.iana.org/time-zones/theory.html#naming
 */
export const TIME_ZONE_REGEX = /^[A-Za-z][A-Za-z0-9_+-]{0,30}(?:\/[A-Za-z0-9_+-]{1,30}){0,2}$/;

/**
 * An http(s) URL without white space: a host, then optionally a path, query or fragment that
 * starts with its delimiter (so the two parts never compete for the same characters). Only these
 * are ever made clickable. https://url.spec.whatwg.org/#url-syntax
 */
export const HTTP_URL_REGEX = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;

/**
 * A server-made identifier: a short type prefix and 22 base64url characters (128 random bits),
 * e.g. `cv_3q2YpX0b1nVf8kLmT9wR4A`. Unguessable by construction.
 */
export const ID_REGEX = /^[a-z]{1,4}_[A-Za-z0-9_-]{22}$/;

/** A handoff code: 22 base64url characters, the encoding of 128 bits from a CSPRNG. */
export const HANDOFF_CODE_REGEX = /^[A-Za-z0-9_-]{22}$/;

/** A client-generated message id that makes `message:send` idempotent (a UUID fits). */
export const CLIENT_MSG_ID_REGEX = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * A principal's id from the bank's identity provider (`sub`) or a team's id: printable, no
 * white space, so it is safe in logs and room names.
 */
export const PRINCIPAL_ID_REGEX = /^[A-Za-z0-9._@:|+-]{1,128}$/;

/** A compact JWS (three base64url parts), the only token shape the protocol carries. RFC 7515 §7.1. */
export const JWT_REGEX = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/**
 * Characters no text field may carry: C0 controls other than tab, line feed and carriage return,
 * DEL, and the bidirectional embedding, override and isolate controls that reorder what a reader
 * sees (CVE-2021-42574, "Trojan Source"). Line-direction marks (U+200E, U+200F) stay allowed.
 */
export const FORBIDDEN_TEXT_CHAR_REGEX =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** A UTF-16 surrogate that is not half of a pair: not valid Unicode text, so never stored. */
export const LONE_SURROGATE_REGEX =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A line break, refused in single-line labels (names, handles). */
export const LINE_BREAK_REGEX = /[\r\n\u2028\u2029]/;

/** A wall-clock time `HH:MM` in 24-hour form, `00:00`–`24:00` (ISO 8601 allows 24:00 as a day's end). */
export const CLOCK_TIME_REGEX = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** An ISO 8601 week, `2026-W47`. https://en.wikipedia.org/wiki/ISO_week_date */
export const ISO_WEEK_REGEX = /^\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])$/;

/** A page size in a query string: a whole number 1–999 without leading zeros. */
export const PAGE_LIMIT_REGEX = /^[1-9]\d{0,2}$/;

/**
 * An http(s) URL inside free text, as X's link counting sees it: up to the next white space.
 * Global, for `matchAll`. https://developer.x.com/en/docs/counting-characters
 */
export const X_URL_IN_TEXT_REGEX = /https?:\/\/\S+/gi;
