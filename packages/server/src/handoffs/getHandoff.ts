import { type HandoffDetail, ParleyError } from '@parley/protocol';
import type { AgentActor } from '../domain/actors.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { HandoffRecord } from '../store/records.js';
import { canSeeHandoff } from './handoffAccess.js';
import { handoffSummary } from './handoffSummary.js';

/**
 * A handoff the agent may see, or `HANDOFF_NOT_FOUND` — the same answer for one that exists but is
 * not theirs, so ids cannot be probed.
 *
 * @example
 * const record = await visibleHandoff(ctx, olga, handoffId);
 */
export async function visibleHandoff(
  ctx: ServiceContext,
  agent: AgentActor,
  handoffId: string,
): Promise<HandoffRecord> {
  const handoff = await ctx.store.getHandoff(handoffId);
  if (handoff === null || !canSeeHandoff(agent, handoff)) {
    throw new ParleyError(
      'HANDOFF_NOT_FOUND',
      'No handoff of yours or of your team has this id. Refresh the list of pending handoffs.',
    );
  }
  return handoff;
}

/**
 * The public thread, language and note of a handoff, for an agent deciding whether to pick it.
 * No link: the store holds only the code's hash (`handoff:pick` issues a new one).
 *
 * @example
 * const { handoff, thread } = await getHandoff(ctx, olga, handoffId);
 */
export async function getHandoff(
  ctx: ServiceContext,
  agent: AgentActor,
  handoffId: string,
): Promise<HandoffDetail> {
  const record = await visibleHandoff(ctx, agent, handoffId);
  return {
    handoff: handoffSummary(record, ctx.now()),
    thread: record.thread,
    locale: record.locale,
    note: record.note,
  };
}
