import { type CustomerSnapshot, ParleyError, resolveLocale } from '@parley/protocol';
import { archiveActor, archiveEntry } from '../archive/archiveEntry.js';
import { appendSystemMessage } from '../conversations/appendSystemMessage.js';
import { notifyQueueChanged } from '../conversations/notifyQueueChanged.js';
import { customerSnapshot } from '../conversations/snapshots.js';
import { agentRoomsOf, agentView } from '../conversations/views.js';
import { type CustomerActor, isGuest } from '../domain/actors.js';
import { newId } from '../domain/ids.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { ConversationRecord, HandoffRecord } from '../store/records.js';
import { hashHandoffCode } from './handoffCode.js';
import { handoffSummary } from './handoffSummary.js';
import { claimableHandoff } from './previewHandoff.js';

const CLAIM_ERRORS = {
  not_found: 'HANDOFF_NOT_FOUND',
  expired: 'HANDOFF_EXPIRED',
  already_claimed: 'HANDOFF_ALREADY_CLAIMED',
  revoked: 'HANDOFF_REVOKED',
} as const;

async function newConversation(
  ctx: ServiceContext,
  handoff: HandoffRecord,
  customer: CustomerActor,
  now: Date,
): Promise<ConversationRecord> {
  // The same agent gets the conversation if they are at their console; otherwise it goes
  // straight to the team queue rather than waiting out the fallback time for nobody.
  const agentOnline =
    handoff.agentId !== null && (await ctx.presence.statusOf(handoff.agentId)) === 'online';
  const slaMs = ctx.settings.slaMinutes[handoff.channel] * 60_000;
  return {
    id: newId('conversation'),
    channel: handoff.channel,
    team: handoff.team,
    handoffId: handoff.id,
    publicThread: handoff.thread,
    customer: {
      id: customer.id,
      name: customer.name,
      phone: customer.phone,
      locale: customer.locale ?? handoff.locale,
      socialHandle: handoff.customerHandle,
    },
    createdAt: now.toISOString(),
    state: agentOnline ? 'waiting' : 'queued',
    agentId: agentOnline ? handoff.agentId : null,
    agentName: agentOnline ? handoff.agentName : null,
    fallbackAt: agentOnline
      ? new Date(now.getTime() + ctx.settings.fallbackMs).toISOString()
      : null,
    queuedAt: agentOnline ? null : now.toISOString(),
    closedAt: null,
    closedBy: null,
    slaStartedAt: handoff.firstPostAt,
    slaDeadline: new Date(Date.parse(handoff.firstPostAt) + slaMs).toISOString(),
    firstReplyAt: null,
    lastSeq: 0,
    lastMessageAt: null,
    lastActivityAt: now.toISOString(),
    customerReadSeq: 0,
    agentReadSeq: 0,
  };
}

/**
 * Claims a handoff for a signed-in customer: atomically and once. The conversation goes to the
 * agent who created the handoff (who receives `handoff:claimed` with the public thread and the
 * verified customer), or to the team queue if that agent is not online.
 *
 * @example
 * const { conversation, messages } = await claimHandoff(ctx, anna, code);
 */
export async function claimHandoff(
  ctx: ServiceContext,
  customer: CustomerActor,
  code: string,
): Promise<CustomerSnapshot> {
  if (isGuest(customer)) {
    throw new ParleyError(
      'UNAUTHENTICATED',
      'Sign in with your bank to continue this conversation privately.',
    );
  }
  const handoff = await claimableHandoff(ctx, code);
  const now = ctx.now();
  const conversation = await newConversation(ctx, handoff, customer, now);
  const creator = handoff.createdBy.startsWith('service:')
    ? { role: 'service' as const, id: handoff.createdBy.slice('service:'.length), name: null }
    : { role: 'agent' as const, id: handoff.createdBy, name: handoff.agentName };
  const result = await ctx.store.claimHandoff({
    codeHash: hashHandoffCode(code),
    now: now.toISOString(),
    customer: { customerId: customer.id, name: customer.name },
    conversation,
    archive: [
      archiveEntry('handoff_created', handoff.createdAt, creator, {
        text: handoff.note,
        data: { channel: handoff.channel, handle: handoff.customerHandle },
      }),
      archiveEntry('handoff_claimed', now, archiveActor(customer), {
        data: { state: conversation.state, agentId: conversation.agentId },
      }),
    ],
  });
  if (result.outcome !== 'claimed') throw new ParleyError(CLAIM_ERRORS[result.outcome]);
  ctx.metrics.handoffs.inc({ event: 'claimed', channel: handoff.channel });

  const locale = resolveLocale(conversation.customer.locale, ctx.settings.defaultLocale);
  await appendSystemMessage(ctx, result.conversation, 'recorded', locale);
  const stored = (await ctx.store.getConversation(result.conversation.id)) ?? result.conversation;
  ctx.fanout.toAgents(
    agentRoomsOf(stored, { team: stored.state === 'queued' }),
    'handoff:claimed',
    {
      handoff: handoffSummary(result.handoff, now),
      conversation: await agentView(ctx, stored),
    },
  );
  if (stored.state === 'queued') await notifyQueueChanged(ctx, stored.team);
  return customerSnapshot(ctx, stored, 0);
}
