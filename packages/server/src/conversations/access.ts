import { ParleyError } from '@parley/protocol';
import { type AgentActor, type CustomerActor, hasRole, inTeam } from '../domain/actors.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { ConversationHead, ConversationRecord } from '../store/records.js';

/** What deciding an agent's access reads of a conversation. */
type AccessFields = Pick<ConversationRecord, 'agentId' | 'state' | 'team'>;

/**
 * Someone else's conversation answers exactly like one that does not exist, so ids cannot be
 * probed.
 */
function ownedBy<T>(
  conversation: T | null,
  ownerId: (found: T) => string,
  customer: CustomerActor,
): T {
  if (conversation === null || ownerId(conversation) !== customer.id) {
    throw new ParleyError('CONVERSATION_NOT_FOUND');
  }
  return conversation;
}

/**
 * A customer's own conversation, whole.
 *
 * @example
 * const conversation = await customerConversation(ctx, anna, conversationId);
 */
export async function customerConversation(
  ctx: ServiceContext,
  customer: CustomerActor,
  conversationId: string,
): Promise<ConversationRecord> {
  const conversation = await ctx.store.getConversation(conversationId);
  return ownedBy(conversation, (found) => found.customer.id, customer);
}

/**
 * A customer's own conversation, its head only: for a message, typing or a read receipt.
 *
 * @example
 * const head = await customerConversationHead(ctx, anna, conversationId);
 */
export async function customerConversationHead(
  ctx: ServiceContext,
  customer: CustomerActor,
  conversationId: string,
): Promise<ConversationHead> {
  const conversation = await ctx.store.getConversationHead(conversationId);
  return ownedBy(conversation, (found) => found.customerId, customer);
}

/** What an agent may do with a conversation. */
export type AgentAccess = 'assigned' | 'queue' | 'supervisor';

/**
 * How an agent may reach a conversation: it is assigned to them, it waits in their team's queue,
 * or they supervise its team. Anything else is `FORBIDDEN` (agents are staff; telling them a
 * conversation exists but is not theirs helps them ask the right colleague).
 *
 * @example
 * const access = agentAccess(olga, conversation); // 'assigned'
 */
export function agentAccess(agent: AgentActor, conversation: AccessFields): AgentAccess | null {
  if (conversation.agentId === agent.id && conversation.state !== 'queued') return 'assigned';
  if (
    conversation.state === 'queued' &&
    inTeam(agent, conversation.team) &&
    hasRole(agent, 'agent')
  ) {
    return 'queue';
  }
  if (hasRole(agent, 'supervisor') && inTeam(agent, conversation.team)) return 'supervisor';
  return null;
}

/**
 * A conversation the agent may act on, with how.
 *
 * @example
 * const { conversation, access } = await agentConversation(ctx, olga, id);
 */
export async function agentConversation(
  ctx: ServiceContext,
  agent: AgentActor,
  conversationId: string,
): Promise<{ conversation: ConversationRecord; access: AgentAccess }> {
  return reachable(agent, await ctx.store.getConversation(conversationId));
}

/**
 * A conversation's head the agent may act on, with how: for a message, a note, typing or a read
 * receipt.
 *
 * @example
 * const { conversation, access } = await agentConversationHead(ctx, olga, id);
 */
export async function agentConversationHead(
  ctx: ServiceContext,
  agent: AgentActor,
  conversationId: string,
): Promise<{ conversation: ConversationHead; access: AgentAccess }> {
  return reachable(agent, await ctx.store.getConversationHead(conversationId));
}

function reachable<T extends AccessFields>(
  agent: AgentActor,
  conversation: T | null,
): { conversation: T; access: AgentAccess } {
  if (conversation === null) throw new ParleyError('CONVERSATION_NOT_FOUND');
  const access = agentAccess(agent, conversation);
  if (access === null) {
    throw new ParleyError(
      'FORBIDDEN',
      'This conversation is assigned to a colleague in another team or queue.',
    );
  }
  return { conversation, access };
}

/**
 * Refuses changes to a closed conversation.
 *
 * @example
 * assertOpen(conversation);
 */
export function assertOpen(conversation: Pick<ConversationRecord, 'state'>): void {
  if (conversation.state === 'closed') throw new ParleyError('CONVERSATION_CLOSED');
}
