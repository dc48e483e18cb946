/**
 * The widget's `sessionStorage`, every key prefixed `parley:`. `sessionStorage` (never cookies or
 * `localStorage`) keeps the session for this tab only: it survives reloads and navigation between
 * the bank's pages and is gone when the tab closes.
 */

/** `StoredSession` JSON: the Parley session token, its expiry, the customer, the conversation. */
export const SESSION_KEY = 'session';
/** A handoff code waiting to be claimed, kept across the bank's login redirect. */
export const CODE_KEY = 'code';
/** `1` while the panel is open, so it opens again on the next page. */
export const OPEN_KEY = 'open';
/** The outbox's unconfirmed messages. */
export const OUTBOX_KEY = 'outbox';
/** `1` after the widget sent the customer to `loginUrl`: a return without a token means it failed. */
export const LOGIN_KEY = 'login';
/** Every key, for `shutdown`. */
export const ALL_KEYS = [SESSION_KEY, CODE_KEY, OPEN_KEY, OUTBOX_KEY, LOGIN_KEY];

/**
 * Reads a key; null when absent or when storage is blocked (some in-app browsers and privacy
 * modes throw on any access).
 *
 * @example
 * readKey(CODE_KEY); // 'Xq3…' or null
 */
export function readKey(key: string): string | null {
  try {
    return sessionStorage.getItem(`parley:${key}`);
  } catch {
    return null;
  }
}

/**
 * Writes a key, or removes it when `value` is null; silently does nothing where storage is blocked.
 *
 * @example
 * writeKey(OPEN_KEY, '1');
 */
export function writeKey(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(`parley:${key}`);
    else sessionStorage.setItem(`parley:${key}`, value);
  } catch {
    // Blocked storage: the chat still works, it just will not survive a reload.
  }
}
