import { ParleyError, type Role } from '@parley/protocol';
import jwt from 'jsonwebtoken';
import type { Config, TokenVerification } from '../config/index.js';
import { IDENTITY_TOKEN_MAX_SECONDS } from './principals.js';

/** A minted token and when it expires (ISO 8601 UTC). */
export interface MintedToken {
  readonly token: string;
  readonly expiresAt: string;
}

/** Signs tokens as the bank's identity provider would, where the server holds the HS256 secret. */
export interface DemoTokenMinter {
  /** A demo agent by id, or any id with the given profile (HS256 set-ups outside the demo). */
  agentToken(
    agentId: string,
    profile?: { name?: string; roles?: readonly Role[]; teams?: readonly string[] },
  ): MintedToken;
  customerIdentityToken(customer: {
    sub: string;
    name: string;
    phone?: string;
    locale?: string;
  }): MintedToken;
}

/** An agent's shift; the console refreshes before it ends. */
const AGENT_TOKEN_SECONDS = 12 * 60 * 60;

function sign(
  verification: TokenVerification,
  claims: Record<string, unknown>,
  seconds: number,
  kind: string,
  now: number,
): MintedToken {
  if (verification.key.kind !== 'secret') {
    throw new ParleyError(
      'FORBIDDEN',
      `This server verifies ${kind} tokens with ${verification.key.kind === 'jwks' ? 'a JWKS URL' : 'a public key'} and holds no signing key: the bank's identity provider must mint ${kind} tokens.`,
    );
  }
  const iat = Math.floor(now / 1000);
  const token = jwt.sign({ ...claims, iat, exp: iat + seconds }, verification.key.secret, {
    algorithm: 'HS256',
    issuer: verification.issuer,
    audience: verification.audience,
  });
  return { token, expiresAt: new Date((iat + seconds) * 1000).toISOString() };
}

/**
 * Mints agent and customer identity tokens for the demo and for HS256 set-ups (the CLI's
 * `parley-server token agent <id>` / `token customer <id>`). With public keys or JWKS the server
 * cannot sign, and says so.
 *
 * @example
 * const { token } = mintDemoTokens(config).agentToken('alice');
 * const id = mintDemoTokens(config).customerIdentityToken({ sub: 'c-42', name: 'Olga', locale: 'ru' });
 */
export function mintDemoTokens(
  config: Pick<Config, 'agentTokens' | 'customerTokens' | 'demoAgents' | 'teams'>,
  options: { now?: () => number } = {},
): DemoTokenMinter {
  const now = options.now ?? Date.now;
  return {
    agentToken(agentId, profile = {}) {
      const demo = config.demoAgents.find((a) => a.id === agentId);
      const claims = {
        sub: agentId,
        name: profile.name ?? demo?.name ?? agentId,
        roles: profile.roles ?? demo?.roles ?? ['agent'],
        teams: profile.teams ?? demo?.teams ?? config.teams.slice(0, 1).map((t) => t.id),
      };
      return sign(config.agentTokens, claims, AGENT_TOKEN_SECONDS, 'agent', now());
    },
    customerIdentityToken({ sub, name, phone, locale }) {
      const claims = {
        sub,
        name,
        ...(phone === undefined ? {} : { phone_number: phone }),
        ...(locale === undefined ? {} : { locale }),
      };
      return sign(
        config.customerTokens,
        claims,
        IDENTITY_TOKEN_MAX_SECONDS,
        'customer identity',
        now(),
      );
    },
  };
}
