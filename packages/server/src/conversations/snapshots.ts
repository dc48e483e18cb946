import type { AgentSnapshot, CustomerMessage, CustomerSnapshot } from '@parley/protocol';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { ConversationRecord } from '../store/records.js';
import { agentView, customerView, forCustomer } from './views.js';

/**
 * A conversation and the messages after `afterSeq`, as its customer may see them (no notes).
 *
 * @example
 * await customerSnapshot(ctx, conversation, lastSeqTheClientHolds);
 */
export async function customerSnapshot(
  ctx: ServiceContext,
  conversation: ConversationRecord,
  afterSeq: number,
): Promise<CustomerSnapshot> {
  const messages = await ctx.store.listMessages(conversation.id, afterSeq, { includeNotes: false });
  return {
    conversation: await customerView(ctx, conversation),
    messages: messages.map(forCustomer).filter((m): m is CustomerMessage => m !== null),
  };
}

/**
 * A conversation and the messages after `afterSeq`, notes included, as agents see them.
 *
 * @example
 * await agentSnapshot(ctx, conversation, 0);
 */
export async function agentSnapshot(
  ctx: ServiceContext,
  conversation: ConversationRecord,
  afterSeq: number,
): Promise<AgentSnapshot> {
  const messages = await ctx.store.listMessages(conversation.id, afterSeq, { includeNotes: true });
  return { conversation: await agentView(ctx, conversation), messages };
}
