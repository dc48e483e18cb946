import {
  LanguageTag,
  type Locale,
  label,
  PrincipalId,
  ROLES,
  type Role,
  SUPPORTED_LOCALES,
  validate,
} from '@parley/protocol';
import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js';
import { CLOCK_TOLERANCE_SECONDS, IDENTITY_TOKEN_MAX_SECONDS } from './principals.js';

/** A claim is missing or malformed; its message completes "The token was refused: …". */
export class ClaimError extends Error {
  override name = 'ClaimError';
}

const NAME = label();
const TEAMS_MAX = 100;

/**
 * The `sub` claim: a principal id (RFC 7519 §4.1.2), required.
 *
 * @example
 * readSubject({ sub: 'alice' }); // 'alice'
 */
export function readSubject(claims: Readonly<Record<string, unknown>>): string {
  if (!validate(PrincipalId, claims.sub).ok)
    throw new ClaimError('its subject (sub) is missing or malformed');
  return claims.sub as string;
}

/**
 * The `name` claim: a single-line display name, required.
 *
 * @example
 * readName({ name: 'Olga' }); // 'Olga'
 */
export function readName(claims: Readonly<Record<string, unknown>>): string {
  if (!validate(NAME, claims.name).ok)
    throw new ClaimError('its name claim is missing or malformed');
  return claims.name as string;
}

/**
 * The `roles` claim: the known roles among those listed; at least one is required. Unknown roles
 * are ignored so an identity provider may carry roles for other applications.
 *
 * @example
 * readRoles({ roles: ['agent', 'hr-admin'] }); // ['agent']
 */
export function readRoles(claims: Readonly<Record<string, unknown>>): Role[] {
  const { roles } = claims;
  const known = Array.isArray(roles) ? ROLES.filter((role) => roles.includes(role)) : [];
  if (known.length === 0) {
    throw new ClaimError(`its roles claim must list at least one of ${ROLES.join(', ')}`);
  }
  return known;
}

/**
 * The agent's teams, from `teams` (a list) or `team` (one id); one of them is required.
 *
 * @example
 * readTeams({ team: 'social-care' }); // ['social-care']
 */
export function readTeams(claims: Readonly<Record<string, unknown>>): string[] {
  const { team, teams } = claims;
  const list = Array.isArray(teams) ? teams : typeof team === 'string' ? [team] : null;
  if (list === null || list.length > TEAMS_MAX || !list.every((t) => validate(PrincipalId, t).ok)) {
    throw new ClaimError('its team or teams claim is missing or malformed');
  }
  return [...new Set(list as string[])];
}

/**
 * The OpenID Connect `phone_number` as E.164 when libphonenumber-js deems it a valid number, else
 * `null`: a wrong number must not be dialled for a call-back, but it is no reason to refuse a login.
 *
 * @example
 * readPhone({ phone_number: '+48 601 234 567' }); // '+48601234567'
 */
export function readPhone(
  claims: Readonly<Record<string, unknown>>,
  key = 'phone_number',
): string | null {
  const phone = claims[key];
  if (typeof phone !== 'string' || phone.length > 32 || !isValidPhoneNumber(phone)) return null;
  try {
    return parsePhoneNumberWithError(phone).number;
  } catch {
    return null;
  }
}

/**
 * The OpenID Connect `locale` (`ru-RU`, or `ru_RU` as some providers write it) as a supported
 * locale, or `null` when absent or unsupported.
 *
 * @example
 * readLocale({ locale: 'pl_PL' }); // 'pl'
 */
export function readLocale(claims: Readonly<Record<string, unknown>>): Locale | null {
  const { locale } = claims;
  if (typeof locale !== 'string') return null;
  const tag = locale.replace('_', '-');
  if (!validate(LanguageTag, tag).ok) return null;
  const language = tag.split('-')[0]?.toLowerCase();
  return SUPPORTED_LOCALES.find((l) => l === language) ?? null;
}

/**
 * Refuses an identity token that lives longer than 15 minutes, counted from `iat` and from now.
 * Identity tokens are traded for a session at once; a long-lived one could be replayed for
 * longer if it leaked (RFC 8725 §3.10 on limiting a token's reach).
 *
 * @example
 * checkIdentityLifetime({ iat: now, exp: now + 7200 }, now); // throws ClaimError
 */
export function checkIdentityLifetime(
  claims: Readonly<Record<string, unknown>>,
  now: number,
): void {
  const exp = claims.exp as number;
  const start = typeof claims.iat === 'number' ? claims.iat : now;
  if (
    exp - start > IDENTITY_TOKEN_MAX_SECONDS ||
    exp - now > IDENTITY_TOKEN_MAX_SECONDS + CLOCK_TOLERANCE_SECONDS
  ) {
    throw new ClaimError(
      'it lives longer than 15 minutes (exp); identity tokens must be short-lived',
    );
  }
}

/**
 * The `auth_time` claim of a Parley session token (OpenID Connect Core §2): when the customer
 * traded the bank's identity token for the first session of this chain. A token from before the
 * claim existed counts from its own `iat`. Refused once the sign-in is over `maxHours` old, even
 * if the token itself has not expired (the limit may have been lowered since it was issued).
 *
 * @example
 * readSignedInAt({ auth_time: now - 60, iat: now }, 12, now); // now - 60
 */
export function readSignedInAt(
  claims: Readonly<Record<string, unknown>>,
  maxHours: number,
  now: number,
): number {
  const signedInAt = claims.auth_time ?? claims.iat;
  if (!Number.isSafeInteger(signedInAt) || (signedInAt as number) > now + CLOCK_TOLERANCE_SECONDS)
    throw new ClaimError('its sign-in time (auth_time) is missing or in the future');
  if (now - (signedInAt as number) > maxHours * 3600)
    throw new ClaimError(
      `its sign-in (auth_time) is more than ${maxHours} hours old; a chat lasts at most that long on one sign-in`,
    );
  return signedInAt as number;
}
