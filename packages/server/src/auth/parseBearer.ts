import { TOKEN_MAX } from '@parley/protocol';

/**
 * `Bearer <token68>` (RFC 6750 §2.1); the scheme is case-insensitive (RFC 9110 §11.1). One space,
 * no parameters. Linear: one character class, then `=` padding outside it.
 */
const BEARER_REGEX = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The token of an `Authorization: Bearer …` header, or `null`. Tokens are read only from this
 * header, never from a query string, where they would end up in access logs and browser history
 * (RFC 6750 §5.3).
 *
 * @example
 * parseBearer('Bearer eyJhbGciOi…'); // 'eyJhbGciOi…'
 * parseBearer('Basic dXNlcjpwYXNz'); // null
 */
export function parseBearer(header: string | undefined): string | null {
  if (typeof header !== 'string' || header.length > TOKEN_MAX + 7) return null;
  return BEARER_REGEX.exec(header)?.[1] ?? null;
}
