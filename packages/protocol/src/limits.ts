/**
 * Size limits of the wire format, in UTF-16 code units (what `String.prototype.length` counts).
 * One place, so the widget's counter, the server's validation and the docs agree.
 */

/** A chat message's text. */
export const MESSAGE_TEXT_MAX = 4_000;
/** Posts in the public thread imported with a handoff. */
export const PUBLIC_THREAD_MAX_POSTS = 50;
/** One public post's text: generous, since Facebook comments run far longer than X posts. */
export const PUBLIC_POST_TEXT_MAX = 8_000;
/** An agent's note on a handoff, an internal note, a transfer note or a callback note. */
export const NOTE_MAX = 1_000;
/** A survey comment. */
export const SURVEY_COMMENT_MAX = 1_000;
/** Display names, handles and other short single-line labels. */
export const LABEL_MAX = 200;
/** A URL of a public post. */
export const URL_MAX = 2_048;
/** A bearer token (JWT) in the handshake or a header. */
export const TOKEN_MAX = 8_192;
/** Items in one list answer (conversations, handoffs, callbacks). */
export const LIST_MAX = 500;
/** The largest Socket.IO frame the server accepts, in bytes. */
export const FRAME_MAX_BYTES = 64 * 1024;
/** X counts every URL as this many characters, whatever its length. */
export const X_URL_WEIGHT = 23;
/** The length limit of a post on X. */
export const X_POST_MAX = 280;
