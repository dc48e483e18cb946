/**
 * The engine's numeric constants, in a module of constants only: esbuild inlines a `const` of a
 * module that holds nothing else (no imports, no other statements) into every module that uses
 * it, so a bundle carries `r===1` instead of a declaration and a name per constant (−50 B gzip).
 * Keep this file free of imports and of anything but integer constants.
 */

/** Separator classes (separatorClass.ts). A space: ASCII, tab, no-break, thin, figure, … */
export const SPACE = 1;
/** A dash: hyphen-minus, the Unicode hyphens and dashes, minus sign, full-width hyphen. */
export const DASH = 2;
/** A dot: full stop, full-width full stop, one-dot leader, middle dot. */
export const DOT = 4;
/** A slash: solidus, full-width solidus, fraction slash, division slash. */
export const SLASH = 8;
/**
 * A character that renders as nothing: soft hyphen, zero-width space/joiners, direction marks,
 * word joiner, BOM. It never splits a digit group, so `4111\u200b1111` is one group of 8 digits.
 */
export const INVISIBLE = 16;

/** Group flags (run.ts). The group is part of a date (`22.11.2026`, `2026-11-22`). */
export const DATE = 1;
/** The group is glued through one or two letters to more digits: a hash, UUID or tracking code. */
export const SOUP = 2;
/** The group is among the first 15 digits after a `+`: a phone number. */
export const PHONE = 4;
/** The group belongs to a finding already. */
export const TAKEN = 8;

/** Context classes a keyword puts on the number that follows it (keywordBefore.ts). */
export const CARD = 1;
export const ACCOUNT = 2;
export const ROUTING = 3;
export const SORT_CODE = 4;
export const CVV = 5;
export const PIN = 6;
export const OTP = 7;
export const EXPIRY = 8;
/** Words that may stand between a keyword and its number ("my", "number", "is", "do", "до"). */
export const FILLER = 9;
/** "code", "код", "kod": a one-time code unless a word before it says otherwise ("order code"). */
export const CODE = 10;
/** Words that turn "code" into something that is not a secret: "order code", "zip code". */
export const NOT_SECRET = 11;
/**
 * The length of the longest stem in KEYWORDS (`_otpravitel-`, keywordBefore.ts): no longer prefix
 * of a word can match one. keywordBefore.test.ts holds the list to it.
 */
export const LONGEST_STEM = 11;

/**
 * The fewest digits of an account whose last 4 a mask may show (contextRules.ts): a UK account,
 * the shortest complete account number the engine knows (Russian ones have 20 digits, an NRB 26,
 * an IBAN 15 or more). Fewer digits after a keyword are a fragment, or a number of which 4 digits
 * would be most.
 */
export const MIN_ACCOUNT_DIGITS = 8;

/** The bullet a mask puts before the last 4 characters it keeps (`[card ••••1111]`). */
export const BULLET = 0x2022;

/** The first of the five blocks of mathematical digits (𝟎𝟏…), the only Nd run longer than 10. */
export const MATH_DIGITS = 0x1d7ce;

/** Card lengths as bit masks (bit n set: n digits allowed; isCardNumber.ts). */
export const LENGTH_15 = 0x8000;
export const LENGTH_16 = 0x10000;
export const LENGTHS_13_16_19 = 0x92000;
export const LENGTHS_16_TO_19 = 0xf0000;
export const LENGTHS_14_TO_19 = 0xfc000;
export const LENGTHS_12_TO_19 = 0xff000;
