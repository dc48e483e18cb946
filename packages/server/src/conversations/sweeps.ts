import { ParleyError, resolveLocale } from '@parley/protocol';
import { archiveEntry, SYSTEM_ACTOR } from '../archive/archiveEntry.js';
import { handoffRooms } from '../handoffs/handoffAccess.js';
import { handoffSummary } from '../handoffs/handoffSummary.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import { announce } from './announce.js';
import { appendSystemMessage } from './appendSystemMessage.js';
import { closeConversation } from './closeConversation.js';
import { notifyQueueChanged } from './notifyQueueChanged.js';
import { agentRoomsOf, teamOf } from './views.js';

/**
 * Moves waiting conversations whose agent did not answer in time to the team queue. The deadline
 * lives in the store and the move is a compare-and-set on it, so it fires once — across restarts
 * and however many nodes sweep at the same moment.
 *
 * @example
 * await sweepFallbacks(ctx);
 */
export async function sweepFallbacks(ctx: ServiceContext): Promise<number> {
  const now = ctx.now().toISOString();
  let moved = 0;
  for (const id of await ctx.store.dueFallbacks(now)) {
    const before = await ctx.store.getConversation(id);
    const queued = await ctx.store.transitionConversation(
      id,
      { from: ['waiting'], fallbackDueBy: now },
      { state: 'queued', agentId: null, agentName: null, fallbackAt: null, queuedAt: now },
      archiveEntry('queued', now, SYSTEM_ACTOR, {
        data: { reason: 'fallback', from: before?.agentId ?? null },
      }),
    );
    if (queued === null || before === null) continue;
    moved += 1;
    const locale = resolveLocale(queued.customer.locale, ctx.settings.defaultLocale);
    await appendSystemMessage(ctx, queued, 'queued', locale, teamOf(ctx, queued.team).name);
    const latest = (await ctx.store.getConversation(id)) ?? queued;
    await announce(ctx, latest, 'fallback', before);
    await notifyQueueChanged(ctx, latest.team);
  }
  return moved;
}

/**
 * Closes conversations idle for longer than the configured time.
 *
 * @example
 * await sweepIdle(ctx);
 */
export async function sweepIdle(ctx: ServiceContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - ctx.settings.idleCloseMs).toISOString();
  let closed = 0;
  for (const id of await ctx.store.idleConversations(before)) {
    const conversation = await ctx.store.getConversation(id);
    if (conversation === null) continue;
    try {
      await closeConversation(ctx, conversation, 'idle', SYSTEM_ACTOR);
      closed += 1;
    } catch (error) {
      // Someone closed it between the query and now: nothing left to do.
      if (!(error instanceof ParleyError && error.code === 'CONVERSATION_CLOSED')) throw error;
    }
  }
  return closed;
}

/**
 * Marks handoffs past their expiry and tells their agents.
 *
 * @example
 * await sweepExpiredHandoffs(ctx);
 */
export async function sweepExpiredHandoffs(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  const expired = await ctx.store.expireHandoffs(now.toISOString());
  for (const handoff of expired) {
    ctx.metrics.handoffs.inc({ event: 'expired', channel: handoff.channel });
    ctx.fanout.toAgents(handoffRooms(handoff), 'handoff:updated', handoffSummary(handoff, now));
  }
  return expired.length;
}

/** SLA warnings already sent by this node, so each level is sent once per conversation. */
const warned = new Set<string>();
const WARNED_MAX = 50_000;

/**
 * Warns agents when half of a conversation's SLA has passed without a private reply, and again
 * when it is breached.
 *
 * @example
 * await sweepSlaWarnings(ctx);
 */
export async function sweepSlaWarnings(ctx: ServiceContext): Promise<number> {
  const now = ctx.now().getTime();
  let sent = 0;
  // Half of an SLA has passed once its deadline is less than half the SLA away, so only
  // conversations due within half the longest SLA can need a warning. Asking the store for those
  // alone keeps the sweep's cost to the few that matter, not every open conversation each second.
  const longestSlaMs = Math.max(...Object.values(ctx.settings.slaMinutes)) * 60_000;
  const due = await ctx.store.listConversations({
    states: ['waiting', 'queued', 'active'],
    unansweredBy: new Date(now + longestSlaMs / 2).toISOString(),
    limit: 1_000,
  });
  for (const conversation of due) {
    const start = Date.parse(conversation.slaStartedAt);
    const deadline = Date.parse(conversation.slaDeadline);
    const level =
      now >= deadline ? 'breached' : now >= start + (deadline - start) / 2 ? 'half' : null;
    if (level === null || warned.has(`${conversation.id}:${level}`)) continue;
    if (warned.size > WARNED_MAX) warned.clear();
    warned.add(`${conversation.id}:${level}`);
    ctx.fanout.toAgents(agentRoomsOf(conversation, { team: true }), 'sla:warning', {
      conversationId: conversation.id,
      level,
      deadline: conversation.slaDeadline,
    });
    sent += 1;
  }
  return sent;
}
