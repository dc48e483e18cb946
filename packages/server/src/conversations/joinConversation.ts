import { type AgentSnapshot, ParleyError, resolveLocale } from '@parley/protocol';
import { archiveActor, archiveEntry } from '../archive/archiveEntry.js';
import { type AgentActor, inTeam } from '../domain/actors.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { ConversationRecord } from '../store/records.js';
import { agentAccess, agentConversation } from './access.js';
import { announce } from './announce.js';
import { appendSystemMessage } from './appendSystemMessage.js';
import { notifyQueueChanged } from './notifyQueueChanged.js';
import { agentSnapshot } from './snapshots.js';

/**
 * Makes a waiting conversation active when its agent answers (joins or replies), so the fallback
 * to the queue no longer fires. A no-op in any other state.
 *
 * @example
 * await acceptIfWaiting(ctx, olga, conversation);
 */
export async function acceptIfWaiting<
  T extends Pick<ConversationRecord, 'id' | 'state' | 'agentId'>,
>(ctx: ServiceContext, agent: AgentActor, conversation: T): Promise<T | ConversationRecord> {
  if (conversation.state !== 'waiting' || conversation.agentId !== agent.id) return conversation;
  const active = await ctx.store.transitionConversation(
    conversation.id,
    { from: ['waiting'], agentId: agent.id },
    { state: 'active', fallbackAt: null, lastActivityAt: ctx.now().toISOString() },
    archiveEntry('assigned', ctx.now(), archiveActor(agent), { data: { agentId: agent.id } }),
  );
  if (active === null) return (await ctx.store.getConversation(conversation.id)) ?? conversation;
  await announce(ctx, active, 'assigned');
  return active;
}

/**
 * Opens a conversation in an agent's console and returns the messages after `afterSeq`. Joining a
 * queued conversation assigns it to the agent atomically: of two agents clicking at once, one
 * gets it and the other is told a colleague was quicker.
 *
 * @example
 * const { conversation, messages } = await joinConversation(ctx, olga, { conversationId, afterSeq: 0 });
 */
export async function joinConversation(
  ctx: ServiceContext,
  agent: AgentActor,
  input: { conversationId: string; afterSeq: number },
): Promise<AgentSnapshot> {
  const found = await ctx.store.getConversation(input.conversationId);
  if (
    found !== null &&
    agentAccess(agent, found) === null &&
    inTeam(agent, found.team) &&
    found.agentId !== null
  ) {
    // A colleague in the same team took it, perhaps a moment ago from the same queue.
    throw new ParleyError(
      'CONFLICT',
      `${found.agentName ?? 'A colleague'} has this conversation. Pick the next one.`,
    );
  }
  const { conversation, access } = await agentConversation(ctx, agent, input.conversationId);
  if (access === 'assigned') {
    return agentSnapshot(ctx, await acceptIfWaiting(ctx, agent, conversation), input.afterSeq);
  }
  if (access === 'supervisor') return agentSnapshot(ctx, conversation, input.afterSeq);

  const now = ctx.now().toISOString();
  const assigned = await ctx.store.transitionConversation(
    conversation.id,
    { from: ['queued'] },
    {
      state: 'active',
      agentId: agent.id,
      agentName: agent.name,
      queuedAt: null,
      lastActivityAt: now,
    },
    archiveEntry('assigned', now, archiveActor(agent), {
      data: { agentId: agent.id, from: 'queue' },
    }),
  );
  if (assigned === null) {
    throw new ParleyError(
      'CONFLICT',
      'A colleague has just taken this conversation. Pick the next one.',
    );
  }
  const locale = resolveLocale(assigned.customer.locale, ctx.settings.defaultLocale);
  await appendSystemMessage(ctx, assigned, 'joined', locale, agent.name);
  const latest = (await ctx.store.getConversation(assigned.id)) ?? assigned;
  await announce(ctx, latest, 'assigned', conversation);
  await notifyQueueChanged(ctx, latest.team);
  return agentSnapshot(ctx, latest, input.afterSeq);
}
