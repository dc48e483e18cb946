import type { Config } from '../config/index.js';
import {
  checkIdentityLifetime,
  readLocale,
  readName,
  readPhone,
  readRoles,
  readSignedInAt,
  readSubject,
  readTeams,
} from './claims.js';
import { createKeyResolver } from './createKeyResolver.js';
import { issueSessionToken } from './issueSessionToken.js';
import { type AgentPrincipal, type CustomerPrincipal, SESSION_TOKEN_TYPE } from './principals.js';
import { readTokenType } from './readTokenType.js';
import { verifyJwt } from './verifyJwt.js';

/** Verifies every token Parley accepts and issues customers' session tokens. */
export interface TokenService {
  verifyAgentToken(token: string): Promise<AgentPrincipal>;
  /** The bank's identity token for a signed-in customer (lifetime at most 15 minutes). */
  verifyCustomerIdentity(token: string): Promise<CustomerPrincipal>;
  /**
   * A session token for a verified customer. `signedInAt` omitted: they signed in just now (an
   * identity token, or a guest); a refresh passes on the one its session token carried.
   */
  issueSessionToken(
    customer: Pick<CustomerPrincipal, 'sub' | 'name' | 'phone' | 'locale'> & {
      signedInAt?: number;
    },
  ): {
    token: string;
    expiresAt: string;
  };
  verifySessionToken(token: string): Promise<CustomerPrincipal>;
  /** A session token (by its header `typ`) or else an identity token. */
  verifyCustomerToken(token: string): Promise<CustomerPrincipal>;
}

const AGENT_FIX = 'Sign in to the console again to get a fresh token.';
const CUSTOMER_FIX = 'Sign in again in the bank’s app or website.';

/**
 * Creates the token service for a configuration. Each kind of token validates only as itself
 * (RFC 8725 §3.12): agent and identity tokens by their distinct audiences and their identity
 * provider's key, session tokens by Parley's own audience, key and `typ` (§3.11).
 *
 * @example
 * const tokens = createTokenService(config);
 * const agent = await tokens.verifyAgentToken(handshake.auth.token);
 */
export function createTokenService(
  config: Pick<Config, 'agentTokens' | 'customerTokens' | 'session'>,
  options: { now?: () => number } = {},
): TokenService {
  const nowSeconds = () => Math.floor((options.now ?? Date.now)() / 1000);
  const agentKeys = createKeyResolver(config.agentTokens.key);
  const customerKeys = createKeyResolver(config.customerTokens.key);
  const sessionKeys = createKeyResolver({ kind: 'secret', secret: config.session.secret });
  const session = config.session;

  async function verifyAgentToken(token: string): Promise<AgentPrincipal> {
    const { value, expiresAt } = await verifyJwt(
      token,
      agentKeys,
      {
        what: 'agent token',
        fix: AGENT_FIX,
        ...config.agentTokens,
        type: { not: SESSION_TOKEN_TYPE },
        now: nowSeconds(),
      },
      (claims) => ({
        sub: readSubject(claims),
        name: readName(claims),
        roles: readRoles(claims),
        teams: readTeams(claims),
      }),
    );
    return { ...value, expiresAt };
  }

  async function verifyCustomerIdentity(token: string): Promise<CustomerPrincipal> {
    const now = nowSeconds();
    const { value, expiresAt } = await verifyJwt(
      token,
      customerKeys,
      {
        what: 'identity token',
        fix: CUSTOMER_FIX,
        ...config.customerTokens,
        type: { not: SESSION_TOKEN_TYPE },
        now,
      },
      (claims) => {
        checkIdentityLifetime(claims, now);
        return {
          sub: readSubject(claims),
          name: readName(claims),
          phone: readPhone(claims),
          locale: readLocale(claims),
        };
      },
    );
    return { ...value, expiresAt, source: 'identity', signedInAt: now };
  }

  async function verifySessionToken(token: string): Promise<CustomerPrincipal> {
    const now = nowSeconds();
    const { value, expiresAt } = await verifyJwt(
      token,
      sessionKeys,
      {
        what: 'session token',
        fix: CUSTOMER_FIX,
        issuer: session.issuer,
        audience: session.audience,
        type: { equals: SESSION_TOKEN_TYPE },
        now,
      },
      (claims) => ({
        sub: readSubject(claims),
        name: readName(claims),
        phone: readPhone(claims, 'phone'),
        locale: readLocale(claims),
        signedInAt: readSignedInAt(claims, session.maxHours, now),
      }),
    );
    return { ...value, expiresAt, source: 'session' };
  }

  return {
    verifyAgentToken,
    verifyCustomerIdentity,
    verifySessionToken,
    issueSessionToken: (customer) => {
      const now = nowSeconds();
      return issueSessionToken(
        session,
        { ...customer, signedInAt: customer.signedInAt ?? now },
        now,
      );
    },
    verifyCustomerToken(token) {
      // The header only routes; the chosen verifier checks everything, including `typ` again.
      return readTokenType(token) === SESSION_TOKEN_TYPE
        ? verifySessionToken(token)
        : verifyCustomerIdentity(token);
    },
  };
}
