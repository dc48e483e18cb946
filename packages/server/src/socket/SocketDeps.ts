import type { TrustProxy } from '../config/index.js';
import type { RateLimiter } from '../limits/RateLimiter.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { Authenticator } from './Authenticator.js';
import type { SocketLimits } from './floodGuard.js';

/** What the namespaces need besides the services. */
export interface SocketDeps {
  ctx: ServiceContext;
  auth: Authenticator;
  limits: SocketLimits;
  /** Claims and previews per customer and per address, against guessing codes. */
  claimLimits: { perCustomer: RateLimiter; perAddress: RateLimiter };
  /** How long an expired socket may still refresh before it is disconnected. */
  sessionGraceMs: number;
  chainKey: Uint8Array;
  /** Whom to believe about the client's address (`PARLEY_TRUST_PROXY`). */
  trustProxy: TrustProxy;
}
