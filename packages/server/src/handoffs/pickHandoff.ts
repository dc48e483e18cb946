import { type HandoffPicked, ParleyError } from '@parley/protocol';
import { audit } from '../compliance/audit.js';
import type { AgentActor } from '../domain/actors.js';
import { agentRoom, teamRoom } from '../fanout/Fanout.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { HandoffRecord } from '../store/records.js';
import { visibleHandoff } from './getHandoff.js';
import { hashHandoffCode, newHandoffCode } from './handoffCode.js';
import { handoffLink } from './handoffLink.js';
import { handoffSummary } from './handoffSummary.js';

/** Why a handoff cannot be picked, in words that tell the agent what to do instead. */
function refusal(ctx: ServiceContext, agent: AgentActor, handoff: HandoffRecord): ParleyError {
  const { state } = handoffSummary(handoff, ctx.now());
  if (state !== 'pending') {
    return new ParleyError(
      'CONFLICT',
      `This handoff is ${state}; only pending ones can be picked. Create a new handoff for the thread.`,
    );
  }
  const holder = handoff.agentName ?? 'another agent';
  return new ParleyError(
    'CONFLICT',
    handoff.agentId === agent.id
      ? 'This handoff changed as you picked it. Try again.'
      : `${holder} has already picked this handoff; the customer will reach them.`,
  );
}

/**
 * Takes a pending handoff — the agent's own, or one the social tool made for their team — and
 * issues a new link for it, so the agent can post the suggested reply. The store keeps codes
 * only as hashes, so the link the social tool received cannot be shown again; the new code
 * replaces it, and the customer who claims the new link reaches this agent. The team hears that
 * the handoff is taken.
 *
 * @example
 * const { link } = await pickHandoff(ctx, olga, handoffId); // link.url, link.suggestedReply
 */
export async function pickHandoff(
  ctx: ServiceContext,
  agent: AgentActor,
  handoffId: string,
): Promise<HandoffPicked> {
  const handoff = await visibleHandoff(ctx, agent, handoffId);
  const code = newHandoffCode();
  const picked = await ctx.store.pickHandoff({
    id: handoff.id,
    agentId: agent.id,
    agentName: agent.name,
    codeHash: hashHandoffCode(code),
    now: ctx.now().toISOString(),
  });
  if (picked === null) {
    throw refusal(ctx, agent, (await ctx.store.getHandoff(handoff.id)) ?? handoff);
  }
  ctx.metrics.handoffs.inc({ event: 'picked', channel: picked.channel });
  // Taking a handoff decides who will read the customer's private chat, and kills a link.
  await audit(ctx, agent, 'handoff.pick', picked.id, null);
  const summary = handoffSummary(picked, ctx.now());
  ctx.fanout.toAgents([agentRoom(agent.id), teamRoom(picked.team)], 'handoff:updated', summary);
  return { handoff: summary, link: handoffLink(ctx, picked, code) };
}
