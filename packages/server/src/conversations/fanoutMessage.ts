import type { Message } from '@parley/protocol';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { ConversationRecord } from '../store/records.js';
import { agentRoomsOf, forCustomer } from './views.js';

/**
 * Sends a stored message to everyone following the conversation: the customer's open sockets
 * (never an internal note) and the agent rooms.
 *
 * @example
 * fanoutMessage(ctx, conversation, message);
 */
export function fanoutMessage(
  ctx: ServiceContext,
  conversation: ConversationRecord,
  message: Message,
): void {
  const visible = forCustomer(message);
  if (visible !== null) ctx.fanout.toConversation(conversation.id, 'message:new', visible);
  ctx.fanout.toAgents(agentRoomsOf(conversation), 'message:new', message);
}
