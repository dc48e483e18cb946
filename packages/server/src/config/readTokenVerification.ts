import type { TokenKeySource, TokenVerification } from './Config.js';
import type { EnvReader } from './EnvReader.js';
import { parseHttpUrl } from './parseHttpUrl.js';
import { parsePublicKey } from './parsePublicKey.js';

/** What demo mode fills in when the operator set nothing. */
export interface TokenDemoDefaults {
  readonly issuer: string;
  readonly audience: string;
  readonly secret: string;
}

function readKeySource(
  read: EnvReader,
  kind: 'AGENT' | 'CUSTOMER',
  demoSecret: string | undefined,
): TokenKeySource | undefined {
  const secretName = `PARLEY_${kind}_JWT_SECRET` as const;
  const keyName = `PARLEY_${kind}_JWT_PUBLIC_KEY` as const;
  const jwksName = `PARLEY_${kind}_JWKS_URL` as const;
  const set = [secretName, keyName, jwksName].filter((n) => read.string(n) !== undefined);
  if (set.length > 1) {
    read.fail(
      set[0] ?? secretName,
      `${set.join(' and ')} are all set; keep exactly one key source for ${kind.toLowerCase()} tokens.`,
    );
    return undefined;
  }
  if (read.string(secretName) !== undefined) {
    const secret = read.secret(secretName);
    return secret === undefined ? undefined : { kind: 'secret', secret };
  }
  const pemRaw = read.string(keyName);
  if (pemRaw !== undefined) {
    const parsed = parsePublicKey(pemRaw);
    if (parsed.ok) return { kind: 'publicKey', ...parsed.value };
    read.fail(
      keyName,
      `${keyName} ${parsed.reason}. Paste the IdP's PEM public key, or use ${jwksName}.`,
    );
    return undefined;
  }
  const jwksRaw = read.string(jwksName);
  if (jwksRaw !== undefined) {
    const parsed = parseHttpUrl(jwksRaw, { httpsOnly: true });
    if (parsed.ok) return { kind: 'jwks', url: parsed.value };
    read.fail(
      jwksName,
      `${jwksName} ${parsed.reason}, got ${read.quote(jwksName)}. Set it to the IdP's JWKS address, e.g. https://idp.bank.example/.well-known/jwks.json.`,
    );
    return undefined;
  }
  if (demoSecret !== undefined) return { kind: 'secret', secret: demoSecret };
  read.fail(
    secretName,
    `No key verifies ${kind.toLowerCase()} tokens. Set exactly one of ${secretName}, ${keyName} or ${jwksName} (or PARLEY_DEMO=true for a demo).`,
  );
  return undefined;
}

/**
 * Reads how one identity provider's tokens are verified (`PARLEY_AGENT_JWT_*` or
 * `PARLEY_CUSTOMER_JWT_*`): issuer, audience and exactly one key source. In demo mode unset values
 * fall back to `demo`; otherwise each is required. Returns `undefined` after recording problems.
 *
 * @example
 * const agentTokens = readTokenVerification(read, 'AGENT', null);
 * // { issuer: 'https://idp.bank.example', audience: 'parley-agent', key: { kind: 'jwks', url: '…' } }
 */
export function readTokenVerification(
  read: EnvReader,
  kind: 'AGENT' | 'CUSTOMER',
  demo: TokenDemoDefaults | null,
): TokenVerification | undefined {
  const issuerName = `PARLEY_${kind}_JWT_ISSUER` as const;
  const audienceName = `PARLEY_${kind}_JWT_AUDIENCE` as const;
  const issuer = read.string(issuerName) ?? demo?.issuer;
  const audience = read.string(audienceName) ?? demo?.audience;
  for (const [name, value] of [
    [issuerName, issuer],
    [audienceName, audience],
  ] as const) {
    if (value === undefined) {
      read.fail(
        name,
        `${name} is required: set it to the ${name.endsWith('ISSUER') ? '`iss`' : '`aud`'} your identity provider puts in ${kind.toLowerCase()} tokens.`,
      );
    }
  }
  const key = readKeySource(read, kind, demo?.secret);
  if (issuer === undefined || audience === undefined || key === undefined) return undefined;
  return { issuer, audience, key };
}
