import { readKey, SESSION_KEY, writeKey } from '../../core/storage.js';

/** What survives a reload in `sessionStorage`: the Parley session, never the bank's token. */
export interface StoredSession {
  token: string;
  expiresAt: string;
  name: string;
  conversationId: string | null;
}

/**
 * The stored session, or null when there is none or it has expired.
 *
 * @example
 * const session = loadSession(Date.now());
 */
export function loadSession(now: number): StoredSession | null {
  try {
    const session = JSON.parse(readKey(SESSION_KEY) ?? 'null') as StoredSession | null;
    return session !== null && Date.parse(session.expiresAt) > now ? session : null;
  } catch {
    return null;
  }
}

/**
 * Stores the session, or forgets it (null).
 *
 * @example
 * saveSession({ ...session, conversationId });
 */
export function saveSession(session: StoredSession | null): void {
  writeKey(SESSION_KEY, session === null ? null : JSON.stringify(session));
}

/** The two characters base64url uses in place of base64's `+` and `/`. */
const BASE64URL_CHARS_REGEX = /[-_]/g;

/**
 * The claims of a JWT, unverified: only to prefill the customer's own phone number. The server
 * verifies every token it receives; nothing here is trusted.
 *
 * @example
 * readClaims(token).phone; // '+48601234567'
 */
export function readClaims(token: string): Record<string, unknown> {
  try {
    const part = (token.split('.')[1] ?? '').replace(BASE64URL_CHARS_REGEX, (c) =>
      c === '-' ? '+' : '/',
    );
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}
