import * as v from 'valibot';
import { LABEL_MAX, TOKEN_MAX, URL_MAX } from '../limits.js';
import { SUPPORTED_LOCALES } from '../locales.js';
import {
  CLIENT_MSG_ID_REGEX,
  E164_REGEX,
  FORBIDDEN_TEXT_CHAR_REGEX,
  HANDOFF_CODE_REGEX,
  HTTP_URL_REGEX,
  ID_REGEX,
  ISO_UTC_REGEX,
  JWT_REGEX,
  LANGUAGE_TAG_REGEX,
  LINE_BREAK_REGEX,
  LONE_SURROGATE_REGEX,
  PRINCIPAL_ID_REGEX,
  TIME_ZONE_REGEX,
} from '../regex.js';

/**
 * The building blocks every payload is made of. Each string has a maximum length, checked first
 * so a megabyte of input is refused before any pattern runs over it.
 */

/** Whether a string is well-formed Unicode without hidden control or bidi-override characters. */
function isCleanText(text: string): boolean {
  return !FORBIDDEN_TEXT_CHAR_REGEX.test(text) && !LONE_SURROGATE_REGEX.test(text);
}

/**
 * Free text of at most `max` UTF-16 units: line breaks allowed, control and bidi-override
 * characters and lone surrogates refused.
 *
 * @example
 * v.parse(text(4000), 'Hello'); // 'Hello'
 */
export function text(max: number, min = 0) {
  return v.pipe(
    v.string(),
    v.maxLength(max, `Must be at most ${max} characters.`),
    v.minLength(min, min === 1 ? 'Must not be empty.' : `Must be at least ${min} characters.`),
    v.check(isCleanText, 'Contains control characters or malformed Unicode; remove them.'),
  );
}

/**
 * A single-line label (a name, a handle) of at most `max` characters.
 *
 * @example
 * v.parse(label(), 'Olga'); // 'Olga'
 */
export function label(max = LABEL_MAX) {
  return v.pipe(
    text(max, 1),
    v.check((value) => !LINE_BREAK_REGEX.test(value), 'Must be a single line.'),
  );
}

/** An instant in UTC as ISO 8601 text, e.g. `2026-11-22T21:30:00.000Z`. */
export const IsoTime = v.pipe(
  v.string(),
  v.maxLength(30, 'Must be an ISO 8601 UTC time such as 2026-11-22T21:30:00Z.'),
  v.regex(ISO_UTC_REGEX, 'Must be an ISO 8601 UTC time such as 2026-11-22T21:30:00Z.'),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'Must be a real calendar time.'),
);

/** A server-made, unguessable id: `cv_…` conversations, `ho_…` handoffs, `m_…` messages. */
export const Id = v.pipe(
  v.string(),
  v.maxLength(30, 'Not a Parley id.'),
  v.regex(ID_REGEX, 'Not a Parley id.'),
);

/** The secret part of a handoff link. */
export const HandoffCode = v.pipe(
  v.string(),
  v.maxLength(22, 'A handoff code is 22 characters.'),
  v.regex(HANDOFF_CODE_REGEX, 'A handoff code is 22 characters of A–Z, a–z, 0–9, _ and -.'),
);

/** A client-generated id for idempotent sends; a UUID fits. */
export const ClientMsgId = v.pipe(
  v.string(),
  v.maxLength(64, 'Must be 8–64 characters of A–Z, a–z, 0–9, _ and -.'),
  v.regex(CLIENT_MSG_ID_REGEX, 'Must be 8–64 characters of A–Z, a–z, 0–9, _ and -.'),
);

/** An agent's, customer's or team's id as the bank's identity provider names it. */
export const PrincipalId = v.pipe(
  v.string(),
  v.maxLength(128, 'Must be at most 128 characters.'),
  v.regex(PRINCIPAL_ID_REGEX, 'Must be 1–128 printable characters without spaces.'),
);

/** A compact JWT. */
export const Token = v.pipe(
  v.string(),
  v.maxLength(TOKEN_MAX, `A token is at most ${TOKEN_MAX} characters.`),
  v.regex(JWT_REGEX, 'Must be a compact JWT.'),
);

/** An E.164 phone number such as `+48601234567` (syntax only; the server checks the plan). */
export const PhoneE164 = v.pipe(
  v.string(),
  v.maxLength(16, 'Must be an international number such as +48601234567.'),
  v.regex(E164_REGEX, 'Must be an international number such as +48601234567.'),
);

/** A BCP 47 language tag, e.g. `ru` or `pl-PL`. */
export const LanguageTag = v.pipe(
  v.string(),
  v.maxLength(35, 'Must be a language tag such as ru or pl-PL.'),
  v.regex(LANGUAGE_TAG_REGEX, 'Must be a language tag such as ru or pl-PL.'),
);

/** An IANA time zone, e.g. `Europe/Warsaw`. */
export const TimeZone = v.pipe(
  v.string(),
  v.maxLength(64, 'Must be an IANA time zone such as Europe/Warsaw.'),
  v.regex(TIME_ZONE_REGEX, 'Must be an IANA time zone such as Europe/Warsaw.'),
);

/** An http(s) URL. */
export const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(URL_MAX, `Must be at most ${URL_MAX} characters.`),
  v.regex(HTTP_URL_REGEX, 'Must be an http(s) URL.'),
  v.check(isCleanText, 'Contains control characters or malformed Unicode; remove them.'),
);

/** A per-conversation sequence number: 1 for the first message, gap-free. 0 means "before any". */
export const Seq = v.pipe(
  v.number(),
  v.integer('Must be a whole number.'),
  v.minValue(0, 'Must be 0 or more.'),
  v.maxValue(Number.MAX_SAFE_INTEGER, 'Too large.'),
);

/**
 * A whole number between `min` and `max`.
 *
 * @example
 * v.parse(int(0, 10), 9); // 9
 */
export function int(min: number, max: number) {
  return v.pipe(
    v.number(),
    v.integer('Must be a whole number.'),
    v.minValue(min, `Must be at least ${min}.`),
    v.maxValue(max, `Must be at most ${max}.`),
  );
}

/** A supported locale. */
export const LocaleSchema = v.picklist(SUPPORTED_LOCALES, 'Must be one of en, ru, pl, bg, nl.');

/** Where a conversation began. */
export const CHANNELS = ['x', 'facebook', 'web', 'other'] as const;
/** One of {@link CHANNELS}. */
export type Channel = (typeof CHANNELS)[number];
/** A channel. */
export const ChannelSchema = v.picklist(CHANNELS, 'Must be one of x, facebook, web, other.');

/** Who can act in a conversation. */
export const ROLES = ['agent', 'supervisor', 'compliance'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** An empty request payload: `{}`, nothing else. */
export const Empty = v.strictObject({});
