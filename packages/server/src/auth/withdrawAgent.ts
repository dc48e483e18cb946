import { ParleyError } from '@parley/protocol';
import type { AgentActor, ServiceActor } from '../domain/actors.js';
import { audit } from '../compliance/audit.js';
import type { ServiceContext } from '../services/ServiceContext.js';

/**
 * Whether `agentId` works in one of `teams`, as far as Parley has seen: the teams their token
 * named when their console connected, or a conversation or handoff of theirs in one of them.
 * Agents' teams live in the bank's identity provider, not here, so this is the evidence there is.
 */
async function seenInTeams(
  ctx: ServiceContext,
  agentId: string,
  teams: readonly string[],
): Promise<boolean> {
  if (teams.length === 0) return false;
  const live = await ctx.presence.get(agentId);
  if (live?.teams.some((team) => teams.includes(team))) return true;
  const [conversations, handoffs] = await Promise.all([
    ctx.store.listConversations({ agentId, teams: [...teams], limit: 1 }),
    ctx.store.listHandoffs({ agentId, teams: [...teams], limit: 1 }),
  ]);
  return conversations.length > 0 || handoffs.length > 0;
}

/**
 * Withdraws an agent's access at once (`POST /v1/agents/:agentId/deny`): the authenticator refuses
 * their still-valid tokens from now on and their consoles are disconnected on every node. A
 * supervisor may withdraw only agents of their own teams — otherwise one team's supervisor could
 * lock every other team out; the bank's access management (a service key) may withdraw anyone.
 *
 * @example
 * await withdrawAgent(ctx, sam, 'dave', requestId); // { agentId: 'dave', deniedAt: '2026-…' }
 */
export async function withdrawAgent(
  ctx: ServiceContext,
  actor: AgentActor | ServiceActor,
  agentId: string,
  requestId: string | null,
): Promise<{ agentId: string; deniedAt: string }> {
  if (actor.kind === 'agent' && !(await seenInTeams(ctx, agentId, actor.teams))) {
    throw new ParleyError(
      'FORBIDDEN',
      'You may withdraw access only from agents of your own teams. Ask a supervisor of the agent’s team, or the bank’s access management.',
    );
  }
  const deniedAt = ctx.now().toISOString();
  await ctx.store.denySubject(agentId, deniedAt);
  await audit(ctx, actor, 'agent.deny', agentId, requestId);
  ctx.fanout.disconnectAgent(agentId);
  ctx.log.warn(
    { agentId, by: actor.kind === 'agent' ? actor.id : actor.kind },
    'agent access withdrawn',
  );
  return { agentId, deniedAt };
}
