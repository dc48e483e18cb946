import type { ServiceContext } from '../services/ServiceContext.js';
import type { ConversationRecord } from '../store/records.js';
import { agentRoomsOf, agentView, customerView } from './views.js';

/** Why a conversation changed, as `conversation:updated` says. */
export type UpdateReason =
  | 'claimed'
  | 'assigned'
  | 'queued'
  | 'fallback'
  | 'transferred'
  | 'closed';

/**
 * Tells both sides that a conversation changed. `previous` names the agent rooms that followed it
 * before the change (the agent who lost it to a transfer or fallback must hear about it too).
 *
 * @example
 * await announce(ctx, updated, 'transferred', before);
 */
export async function announce(
  ctx: ServiceContext,
  conversation: ConversationRecord,
  reason: UpdateReason,
  previous?: ConversationRecord,
): Promise<void> {
  ctx.fanout.toConversation(conversation.id, 'conversation:updated', {
    reason,
    conversation: await customerView(ctx, conversation),
  });
  const rooms = new Set(agentRoomsOf(conversation));
  if (previous !== undefined) for (const room of agentRoomsOf(previous)) rooms.add(room);
  ctx.fanout.toAgents([...rooms], 'conversation:updated', {
    reason,
    conversation: await agentView(ctx, conversation),
  });
}
