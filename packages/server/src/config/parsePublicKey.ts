import { createPublicKey } from 'node:crypto';
import type { Parsed } from './parseHttpUrl.js';

/** RFC 7518 §3.3: an RS256 key must be at least 2048 bits. */
const RSA_MIN_BITS = 2048;

/**
 * Parses a PEM public key (or certificate) and derives the one algorithm it may verify: RS256 for
 * RSA, ES256 for EC P-256. The algorithm comes from the key, never from a token's header, which is
 * what stops algorithm confusion (RFC 8725 §3.1). A private key is refused: the server only needs
 * the public half, and a private key in the environment is a key that can leak. Literal `\n`
 * escapes are accepted because many deployment tools cannot hold multi-line variables.
 *
 * @example
 * parsePublicKey(process.env.PARLEY_AGENT_JWT_PUBLIC_KEY ?? '');
 * // { ok: true, value: { pem: '-----BEGIN PUBLIC KEY-----\n…', algorithm: 'RS256' } }
 */
export function parsePublicKey(raw: string): Parsed<{ pem: string; algorithm: 'RS256' | 'ES256' }> {
  const text = raw.replace(/\\n/g, '\n');
  if (text.includes('PRIVATE KEY')) {
    return {
      ok: false,
      reason: 'holds a private key; give only the public key (BEGIN PUBLIC KEY)',
    };
  }
  let key: ReturnType<typeof createPublicKey>;
  try {
    key = createPublicKey(text);
  } catch {
    return { ok: false, reason: 'is not a PEM public key (-----BEGIN PUBLIC KEY----- …)' };
  }
  const pem = key.export({ format: 'pem', type: 'spki' }).toString();
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    if ((details.modulusLength ?? 0) < RSA_MIN_BITS) {
      return { ok: false, reason: `is an RSA key shorter than ${RSA_MIN_BITS} bits` };
    }
    return { ok: true, value: { pem, algorithm: 'RS256' } };
  }
  if (key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') {
    return { ok: true, value: { pem, algorithm: 'ES256' } };
  }
  return { ok: false, reason: 'must be an RSA (RS256) or EC P-256 (ES256) public key' };
}
