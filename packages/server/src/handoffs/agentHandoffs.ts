import { type HandoffState, type HandoffSummary, ParleyError } from '@parley/protocol';
import { type AgentActor, hasRole, inTeam } from '../domain/actors.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import { handoffRooms } from './handoffAccess.js';
import { handoffSummary } from './handoffSummary.js';

/**
 * The handoffs an agent handles — their own and their teams' that nobody has picked yet, such as
 * those the social tool made for the team (supervisors: all of their teams') — newest first.
 *
 * @example
 * await listHandoffs(ctx, olga, { state: 'pending' });
 */
export async function listHandoffs(
  ctx: ServiceContext,
  agent: AgentActor,
  filter: { state?: HandoffState },
): Promise<HandoffSummary[]> {
  const now = ctx.now();
  const records = await ctx.store.listHandoffs({
    ...(hasRole(agent, 'supervisor')
      ? { teams: [...agent.teams] }
      : { forAgent: { agentId: agent.id, teams: [...agent.teams] } }),
    limit: 500,
  });
  return records
    .map((record) => handoffSummary(record, now))
    .filter((summary) => filter.state === undefined || summary.state === filter.state);
}

/**
 * Withdraws a pending handoff (for instance when the verified name does not match the social
 * handle and a new link goes out by direct message). A revoked link can never be claimed.
 *
 * @example
 * await revokeHandoff(ctx, olga, handoffId);
 */
export async function revokeHandoff(
  ctx: ServiceContext,
  agent: AgentActor,
  handoffId: string,
): Promise<HandoffSummary> {
  const handoff = await ctx.store.getHandoff(handoffId);
  // A team's untaken handoff may be withdrawn by any of its agents, as it may be picked by any.
  const mine =
    handoff !== null &&
    (handoff.agentId === agent.id ||
      (inTeam(agent, handoff.team) && (handoff.agentId === null || hasRole(agent, 'supervisor'))));
  if (!mine) throw new ParleyError('HANDOFF_NOT_FOUND', 'No handoff of yours has this id.');
  const revoked = await ctx.store.revokeHandoff(handoffId, ctx.now().toISOString());
  if (revoked === null) {
    throw new ParleyError(
      'CONFLICT',
      `This handoff is already ${handoffSummary(handoff, ctx.now()).state}; only pending ones can be revoked.`,
    );
  }
  ctx.metrics.handoffs.inc({ event: 'revoked', channel: revoked.channel });
  const summary = handoffSummary(revoked, ctx.now());
  ctx.fanout.toAgents(handoffRooms(revoked), 'handoff:updated', summary);
  return summary;
}
