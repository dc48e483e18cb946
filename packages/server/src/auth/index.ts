/** Authentication: verifying agents' and customers' tokens, Parley's session tokens, service keys. */
export { ClaimError, checkIdentityLifetime } from './claims.js';
export {
  algorithmOf,
  createKeyResolver,
  KeyLookupError,
  type KeyResolver,
} from './createKeyResolver.js';
export { createTokenService, type TokenService } from './createTokenService.js';
export { generateServiceKey, hashServiceKey, SERVICE_KEY_PREFIX } from './generateServiceKey.js';
export { issueSessionToken } from './issueSessionToken.js';
export { type DemoTokenMinter, type MintedToken, mintDemoTokens } from './mintDemoTokens.js';
export { parseBearer } from './parseBearer.js';
export {
  type AgentPrincipal,
  CLOCK_TOLERANCE_SECONDS,
  type CustomerPrincipal,
  IDENTITY_TOKEN_MAX_SECONDS,
  SESSION_TOKEN_TYPE,
} from './principals.js';
export { readTokenType } from './readTokenType.js';
