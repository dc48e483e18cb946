import { type AgentActor, hasRole, inTeam } from '../domain/actors.js';
import { type AgentRoom, agentRoom, teamRoom } from '../fanout/Fanout.js';
import type { HandoffRecord } from '../store/records.js';

/** The prefix of `createdBy` for handoffs the bank's social tool created with a service key. */
export const SERVICE_CREATOR_PREFIX = 'service:';

/**
 * Whether an agent may see a handoff: their own, one they created, one made for their team that
 * no agent has picked yet, or — for a supervisor — any of their teams'.
 *
 * @example
 * if (!canSeeHandoff(olga, record)) throw new ParleyError('HANDOFF_NOT_FOUND');
 */
export function canSeeHandoff(agent: AgentActor, handoff: HandoffRecord): boolean {
  if (handoff.agentId === agent.id || handoff.createdBy === agent.id) return true;
  if (!inTeam(agent, handoff.team)) return false;
  return handoff.agentId === null || hasRole(agent, 'supervisor');
}

/**
 * Who hears of a change to a handoff: its agent, or — while it has none — its whole team, whose
 * agents may pick it.
 *
 * @example
 * ctx.fanout.toAgents(handoffRooms(record), 'handoff:updated', handoffSummary(record));
 */
export function handoffRooms(handoff: HandoffRecord): AgentRoom[] {
  return handoff.agentId === null ? [teamRoom(handoff.team)] : [agentRoom(handoff.agentId)];
}
