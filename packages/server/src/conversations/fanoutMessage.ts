import type { Message } from '@parley/protocol';
import type { Fanout } from '../fanout/Fanout.js';
import type { CommittedConversation } from '../store/records.js';
import { agentRoomsOf, forCustomer } from './views.js';

/**
 * Sends a stored message to everyone following the conversation: the customer's open sockets
 * (never an internal note) and the agent rooms.
 *
 * @example
 * fanoutMessage(ctx.fanout, conversation, message);
 */
export function fanoutMessage(
  fanout: Fanout,
  conversation: CommittedConversation,
  message: Message,
): void {
  const visible = forCustomer(message);
  if (visible !== null) fanout.toConversation(conversation.id, 'message:new', visible);
  fanout.toAgents(agentRoomsOf(conversation), 'message:new', message);
}
