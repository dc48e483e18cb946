import type { AgentActor, CustomerActor } from '../domain/actors.js';

/** A verified customer and how they proved it. */
export interface CustomerSession {
  actor: CustomerActor;
  expiresAt: Date;
  /** True for the bank's identity token: the server answers with a Parley session token. */
  fromIdentity: boolean;
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
  /** A Parley session token for a verified customer. */
  issueSession(actor: CustomerActor): { token: string; expiresAt: string };
  /** A service key's record, by the key presented as bearer. */
  serviceKey(key: string): Promise<{ keyId: string; name: string } | null>;
}
