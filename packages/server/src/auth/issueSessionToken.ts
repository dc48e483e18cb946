import { ParleyError } from '@parley/protocol';
import jwt from 'jsonwebtoken';
import type { Config } from '../config/index.js';
import { type CustomerPrincipal, SESSION_TOKEN_TYPE } from './principals.js';

/**
 * Signs a Parley customer session token: HS256 under the session secret, Parley's own issuer and
 * audience, and an explicit `typ` (RFC 8725 §3.11) so it can never pass as the bank's identity
 * token, nor an identity token as a session. Carries what the chat needs: sub, name, phone, locale,
 * and `auth_time`, the sign-in it descends from. It lives `ttlMinutes`, but never past `maxHours`
 * after that sign-in: a stolen session token cannot be renewed for ever.
 *
 * @example
 * const { token, expiresAt } = issueSessionToken(config.session, customer, Date.now() / 1000);
 */
export function issueSessionToken(
  session: Config['session'],
  customer: Pick<CustomerPrincipal, 'sub' | 'name' | 'phone' | 'locale' | 'signedInAt'>,
  nowSeconds: number,
): { token: string; expiresAt: string } {
  const iat = Math.floor(nowSeconds);
  const signInEnds = customer.signedInAt + session.maxHours * 3600;
  const exp = Math.min(iat + session.ttlMinutes * 60, signInEnds);
  if (exp <= iat) {
    throw new ParleyError(
      'TOKEN_EXPIRED',
      `A chat lasts at most ${session.maxHours} hours on one sign-in. Sign in with the bank again to go on.`,
    );
  }
  const claims = {
    sub: customer.sub,
    name: customer.name,
    phone: customer.phone,
    locale: customer.locale,
    auth_time: customer.signedInAt,
    iat,
    exp,
  };
  const token = jwt.sign(claims, session.secret, {
    algorithm: 'HS256',
    issuer: session.issuer,
    audience: session.audience,
    header: { alg: 'HS256', typ: SESSION_TOKEN_TYPE },
  });
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}
