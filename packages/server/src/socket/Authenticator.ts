import type { AgentActor, CustomerActor } from '../domain/actors.js';

/** A verified customer and how they proved it. */
export interface CustomerSession {
  actor: CustomerActor;
  expiresAt: Date;
  /** True for the bank's identity token: the server answers with a Parley session token. */
  fromIdentity: boolean;
  /** When the customer signed in with the bank, in seconds since the epoch (see `auth_time`). */
  signedInAt: number;
}

/** A verified agent. */
export interface AgentSession {
  actor: AgentActor;
  expiresAt: Date;
}

/**
 * What the socket and HTTP layers need from authentication. Every method throws a `ParleyError`
 * (`UNAUTHENTICATED` or `TOKEN_EXPIRED`) for a token it does not accept.
 */
export interface Authenticator {
  /** The bank's identity token or a Parley session token, each validated only as itself. */
  customer(token: string): Promise<CustomerSession>;
  /** Only the bank's identity token (for `POST /v1/customer/sessions`). */
  customerIdentity(token: string): Promise<CustomerSession>;
  agent(token: string): Promise<AgentSession>;
  /**
   * A Parley session token for a verified customer, lasting at most until `PARLEY_SESSION_MAX_HOURS`
   * after `signedInAt` (omitted: they signed in just now). Throws `TOKEN_EXPIRED` past that.
   */
  issueSession(actor: CustomerActor, signedInAt?: number): { token: string; expiresAt: string };
  /** A service key's record, by the key presented as bearer. */
  serviceKey(key: string): Promise<{ keyId: string; name: string } | null>;
}
