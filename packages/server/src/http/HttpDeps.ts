import type { DemoTokenMinter } from '../auth/mintDemoTokens.js';
import type { Config } from '../config/index.js';
import type { RateLimiter } from '../limits/RateLimiter.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { Authenticator } from '../socket/Authenticator.js';

/** What the HTTP layer needs. */
export interface HttpDeps {
  ctx: ServiceContext;
  auth: Authenticator;
  config: Config;
  chainKey: Uint8Array;
  /** Only in demo mode. */
  demo: DemoTokenMinter | null;
  claimLimits: { perAddress: RateLimiter };
}
