import { ParleyError, TOKEN_MAX } from '@parley/protocol';
import jwt, { type JwtHeader } from 'jsonwebtoken';
import { ClaimError } from './claims.js';
import { KeyLookupError, type KeyResolver } from './createKeyResolver.js';
import { CLOCK_TOLERANCE_SECONDS } from './principals.js';

/** What a token must be to pass, and how to talk about it in errors. */
export interface JwtExpectations {
  /** e.g. `agent token`; errors say `The agent token was refused: …`. */
  readonly what: string;
  /** What the holder should do, e.g. `Sign in again.` */
  readonly fix: string;
  readonly issuer: string;
  readonly audience: string;
  /** The header `typ` the token must carry, or one it must not (RFC 8725 §3.11). */
  readonly type: { readonly equals: string } | { readonly not: string };
  /** Now, in seconds since the epoch. */
  readonly now: number;
}

/** A verified token: the value its claims were read into, and when it expires. */
export interface VerifiedJwt<T> {
  readonly value: T;
  /** ISO 8601 UTC. */
  readonly expiresAt: string;
}

/** jsonwebtoken's messages, mapped to reasons that are safe to show and never quote the token. */
function reasonFor(message: string): string {
  if (message.includes('audience invalid')) return 'it is not meant for this service (audience)';
  if (message.includes('issuer invalid')) return 'it was issued by someone else (issuer)';
  if (message === 'invalid signature') return 'its signature does not match';
  if (
    message === 'invalid algorithm' ||
    message === 'jwt signature is required' ||
    message.includes('must be a symmetric key') ||
    message.includes('must be an asymmetric key') ||
    message.includes('"alg" parameter')
  ) {
    return 'it is signed with an algorithm this service does not accept';
  }
  if (message.startsWith('invalid ') && message.endsWith(' value'))
    return 'a time claim is malformed';
  return 'it is malformed';
}

function refuse(expect: JwtExpectations, reason: string): ParleyError {
  return new ParleyError(
    'UNAUTHENTICATED',
    `The ${expect.what} was refused: ${reason}. ${expect.fix}`,
  );
}

/**
 * Verifies a compact JWT with an explicit algorithm allowlist and the expected issuer, audience
 * and `typ`, then reads its claims with `read`. Expiry is checked last, so `TOKEN_EXPIRED` means
 * "expired but otherwise valid" and any other fault is `UNAUTHENTICATED`. `exp` is required
 * (RFC 7519 §4.1.4 makes it optional; a token that never expires is refused here). A JWKS outage
 * is `UNAVAILABLE`, so clients retry instead of signing out.
 *
 * @example
 * const { value, expiresAt } = await verifyJwt(token, resolver, expectations, readAgentClaims);
 */
export function verifyJwt<T>(
  token: string,
  resolver: KeyResolver,
  expect: JwtExpectations,
  read: (claims: Readonly<Record<string, unknown>>) => T,
): Promise<VerifiedJwt<T>> {
  if (typeof token !== 'string' || token.length > TOKEN_MAX || token.split('.').length !== 3) {
    return Promise.reject(refuse(expect, 'it is not a compact JWT'));
  }
  let lookupError: unknown = null;
  const getKey: jwt.GetPublicKeyOrSecret = (header, done) =>
    resolver.getKey(header, (error, key) => {
      lookupError = error;
      done(error, key);
    });
  const options = {
    algorithms: resolver.algorithms,
    issuer: expect.issuer,
    audience: expect.audience,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    clockTimestamp: expect.now,
    ignoreExpiration: true,
    complete: true as const,
  };
  return new Promise((resolve, reject) => {
    jwt.verify(token, getKey, options, (error, decoded) => {
      if (error || !decoded) {
        if (lookupError instanceof KeyLookupError) {
          reject(
            lookupError.endpointUnavailable
              ? new ParleyError(
                  'UNAVAILABLE',
                  `The ${expect.what} cannot be checked right now: the identity provider's keys are unreachable. Try again shortly.`,
                )
              : refuse(expect, lookupError.message),
          );
        } else if (error instanceof jwt.NotBeforeError) {
          reject(refuse(expect, 'it is not valid yet (nbf); check the identity provider’s clock'));
        } else {
          reject(refuse(expect, reasonFor(error?.message ?? '')));
        }
        return;
      }
      try {
        resolve(finish(decoded.header, decoded.payload, expect, read));
      } catch (failure) {
        reject(failure);
      }
    });
  });
}

function finish<T>(
  header: JwtHeader,
  payload: unknown,
  expect: JwtExpectations,
  read: (claims: Readonly<Record<string, unknown>>) => T,
): VerifiedJwt<T> {
  const type = expect.type;
  if ('equals' in type ? header.typ !== type.equals : header.typ === type.not) {
    throw refuse(expect, 'it is another kind of token (typ)');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw refuse(expect, 'its payload is not a JSON object');
  }
  const claims = payload as Record<string, unknown>;
  const { exp, iat } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp))
    throw refuse(expect, 'it has no expiry (exp)');
  if (
    iat !== undefined &&
    (typeof iat !== 'number' || iat > expect.now + CLOCK_TOLERANCE_SECONDS)
  ) {
    throw refuse(expect, 'it claims to be issued in the future (iat)');
  }
  let value: T;
  try {
    value = read(claims);
  } catch (error) {
    if (error instanceof ClaimError) throw refuse(expect, error.message);
    throw error;
  }
  if (expect.now >= exp + CLOCK_TOLERANCE_SECONDS) {
    throw new ParleyError('TOKEN_EXPIRED', `The ${expect.what} has expired. ${expect.fix}`);
  }
  return { value, expiresAt: new Date(exp * 1000).toISOString() };
}
