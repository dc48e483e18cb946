import { ParleyError, resolveLocale } from '@parley/protocol';
import { archiveEntry } from '../archive/archiveEntry.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { ArchiveActor, ConversationRecord } from '../store/records.js';
import { announce } from './announce.js';
import { appendSystemMessage } from './appendSystemMessage.js';
import { notifyQueueChanged } from './notifyQueueChanged.js';

/**
 * Closes a conversation — by its agent, its customer, or the idle sweep — and asks the customer
 * the one survey question. Closing twice is refused with `CONVERSATION_CLOSED`.
 *
 * @example
 * await closeConversation(ctx, conversation, 'agent', archiveActor(olga));
 */
export async function closeConversation(
  ctx: ServiceContext,
  conversation: ConversationRecord,
  by: 'customer' | 'agent' | 'idle',
  actor: ArchiveActor,
): Promise<ConversationRecord> {
  const now = ctx.now().toISOString();
  const closed = await ctx.store.transitionConversation(
    conversation.id,
    { from: ['waiting', 'queued', 'active'] },
    { state: 'closed', closedAt: now, closedBy: by, fallbackAt: null, lastActivityAt: now },
    archiveEntry('closed', now, actor, { data: { by } }),
  );
  if (closed === null) throw new ParleyError('CONVERSATION_CLOSED');
  const locale = resolveLocale(closed.customer.locale, ctx.settings.defaultLocale);
  await appendSystemMessage(ctx, closed, 'closed', locale);
  const latest = (await ctx.store.getConversation(closed.id)) ?? closed;
  await announce(ctx, latest, 'closed', conversation);
  ctx.fanout.toConversation(latest.id, 'survey:request', {
    conversationId: latest.id,
    kind: 'nps',
  });
  if (conversation.state === 'queued') await notifyQueueChanged(ctx, conversation.team);
  return latest;
}
