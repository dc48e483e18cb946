import type { Role } from '@parley/protocol';

/** A signed-in agent, supervisor or compliance officer, from a verified token. */
export interface AgentActor {
  kind: 'agent';
  id: string;
  name: string;
  roles: readonly Role[];
  teams: readonly string[];
}

/** A signed-in customer, from the bank's identity token or a Parley session token. */
export interface CustomerActor {
  kind: 'customer';
  id: string;
  name: string;
  /** E.164, when the bank's token carries a valid one. */
  phone: string | null;
  locale: string | null;
}

/** The bank's social-care tool, calling the REST API with a service key. */
export interface ServiceActor {
  kind: 'service';
  keyId: string;
  name: string;
}

/**
 * Whether an agent holds a role.
 *
 * @example
 * hasRole(actor, 'supervisor');
 */
export function hasRole(actor: AgentActor, role: Role): boolean {
  return actor.roles.includes(role);
}

/**
 * Whether an agent works in (or supervises) a team.
 *
 * @example
 * inTeam(actor, conversation.team);
 */
export function inTeam(actor: AgentActor, team: string): boolean {
  return actor.teams.includes(team);
}

/** The id prefix of guest customers, who chat without signing in where the bank allows it. */
export const GUEST_PREFIX = 'guest:';

/**
 * Whether a customer is a guest (not signed in with the bank). Guests may start a general chat,
 * but never claim a handoff: a handoff's link is public, so only a verified identity may use it.
 *
 * @example
 * if (isGuest(customer)) throw new ParleyError('UNAUTHENTICATED');
 */
export function isGuest(customer: CustomerActor): boolean {
  return customer.id.startsWith(GUEST_PREFIX);
}
