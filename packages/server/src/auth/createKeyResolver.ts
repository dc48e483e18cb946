import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import type { Algorithm, GetPublicKeyOrSecret } from 'jsonwebtoken';
import jwksRsa from 'jwks-rsa';
import type { TokenKeySource } from '../config/index.js';

/** How one kind of token's signature is checked: which algorithms, with which key. */
export interface KeyResolver {
  /** The explicit allowlist handed to `jwt.verify` (RFC 8725 §3.1); never `none`. */
  readonly algorithms: Algorithm[];
  /** Finds the key for a token's header; for JWKS, by `kid`. Fails with a `KeyLookupError`. */
  readonly getKey: GetPublicKeyOrSecret;
}

/** Error passed on by `getKey`, so callers can tell "no such key" from "IdP unreachable". */
export class KeyLookupError extends Error {
  constructor(
    message: string,
    readonly endpointUnavailable: boolean,
  ) {
    super(message);
    this.name = 'KeyLookupError';
  }
}

/** The only algorithm a public key may verify: RS256 for RSA, ES256 for EC P-256. */
export function algorithmOf(key: KeyObject): 'RS256' | 'ES256' | null {
  if (key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) {
    return 'RS256';
  }
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return 'ES256';
  }
  return null;
}

const KID_MAX = 256;

/**
 * Builds the key lookup for one key source. A secret allows HS256 only; a PEM key only the
 * algorithm of its type; a JWKS key only the algorithm of its `kty`/curve, whatever the token's
 * header claims, so an HS256 token "signed" with a public key as the secret is refused
 * (algorithm confusion, RFC 8725 §2.1 and §3.1). The JWKS client caches keys by `kid`, refetches
 * on an unknown `kid` (key rotation) and rate-limits refetches so random `kid`s cannot flood
 * the identity provider.
 *
 * @example
 * const resolver = createKeyResolver({ kind: 'jwks', url: 'https://idp.example/jwks' });
 * jwt.verify(token, resolver.getKey, { algorithms: resolver.algorithms, … }, callback);
 */
export function createKeyResolver(source: TokenKeySource): KeyResolver {
  if (source.kind === 'secret') {
    const key = createSecretKey(Buffer.from(source.secret));
    return { algorithms: ['HS256'], getKey: (_header, done) => done(null, key) };
  }
  if (source.kind === 'publicKey') {
    const key = createPublicKey(source.pem);
    return { algorithms: [source.algorithm], getKey: (_header, done) => done(null, key) };
  }
  const client = jwksRsa({
    jwksUri: source.url,
    cache: true,
    cacheMaxEntries: 10,
    cacheMaxAge: 10 * 60_000,
    rateLimit: true,
    jwksRequestsPerMinute: 10,
    timeout: 5_000,
  });
  const getKey: GetPublicKeyOrSecret = (header, done) => {
    const kid = header.kid;
    // Refuse before any network request: an allowed algorithm is needed anyway.
    if (header.alg !== 'RS256' && header.alg !== 'ES256') {
      done(new KeyLookupError('the algorithm is not allowed', false));
      return;
    }
    if (kid !== undefined && (typeof kid !== 'string' || kid.length > KID_MAX)) {
      done(new KeyLookupError('the key id is malformed', false));
      return;
    }
    client.getSigningKey(kid).then(
      (signingKey) => {
        const key = createPublicKey(signingKey.getPublicKey());
        // The JWK's own `alg` is advisory; the key type decides (RFC 8725 §3.1).
        if (algorithmOf(key) !== header.alg) {
          done(new KeyLookupError('the algorithm does not match the key', false));
        } else {
          done(null, key);
        }
      },
      (error: unknown) => {
        const down = (error as { isEndpointUnavailable?: boolean }).isEndpointUnavailable === true;
        done(
          new KeyLookupError(
            down ? 'the key server is unreachable' : 'no key has this key id',
            down,
          ),
        );
      },
    );
  };
  return { algorithms: ['RS256', 'ES256'], getKey };
}
