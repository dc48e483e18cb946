import { TOKEN_MAX } from '@parley/protocol';

/**
 * Reads the JOSE header's `typ` of a compact JWT without verifying anything. It only routes a
 * token to the verifier that then checks it completely (signature, `typ`, `aud`, `iss`); it never
 * accepts or refuses a token by itself.
 *
 * @example
 * readTokenType(sessionToken); // 'parley-session+jwt'
 * readTokenType('garbage'); // undefined
 */
export function readTokenType(token: string): string | undefined {
  const end = token.indexOf('.');
  if (end <= 0 || token.length > TOKEN_MAX) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(token.slice(0, end), 'base64url').toString());
    if (typeof header !== 'object' || header === null) return undefined;
    const { typ } = header as Record<string, unknown>;
    return typeof typ === 'string' ? typ : undefined;
  } catch {
    return undefined;
  }
}
