import {
  type CustomerSnapshot,
  ParleyError,
  resolveLocale,
  type StartConversation,
} from '@parley/protocol';
import { archiveActor, archiveEntry } from '../archive/archiveEntry.js';
import type { CustomerActor } from '../domain/actors.js';
import { newId } from '../domain/ids.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { ConversationRecord } from '../store/records.js';
import { appendSystemMessage } from './appendSystemMessage.js';
import { notifyQueueChanged } from './notifyQueueChanged.js';
import { customerSnapshot } from './snapshots.js';
import { teamOf } from './views.js';

/**
 * Starts a web chat without a handoff: the conversation joins a team's queue (the default team
 * unless the page names another), with the web-chat SLA from now.
 *
 * @example
 * const { conversation } = await startConversation(ctx, anna, { locale: 'pl' });
 */
export async function startConversation(
  ctx: ServiceContext,
  customer: CustomerActor,
  input: StartConversation,
): Promise<CustomerSnapshot> {
  const team = input.team ?? ctx.settings.teams[0]?.id;
  if (team === undefined || !ctx.settings.teams.some((t) => t.id === team)) {
    throw new ParleyError(
      'TEAM_NOT_FOUND',
      'There is no such team to chat with. Check the widget’s team option.',
    );
  }
  const now = ctx.now();
  const at = now.toISOString();
  const locale = input.locale ?? customer.locale;
  const conversation: ConversationRecord = {
    id: newId('conversation'),
    channel: 'web',
    team,
    handoffId: null,
    publicThread: [],
    customer: {
      id: customer.id,
      name: customer.name,
      phone: customer.phone,
      locale,
      socialHandle: null,
    },
    createdAt: at,
    state: 'queued',
    agentId: null,
    agentName: null,
    fallbackAt: null,
    queuedAt: at,
    closedAt: null,
    closedBy: null,
    slaStartedAt: at,
    slaDeadline: new Date(now.getTime() + ctx.settings.slaMinutes.web * 60_000).toISOString(),
    firstReplyAt: null,
    lastSeq: 0,
    lastMessageAt: null,
    lastActivityAt: at,
    customerReadSeq: 0,
    agentReadSeq: 0,
  };
  await ctx.store.insertConversation(conversation, [
    archiveEntry('queued', now, archiveActor(customer), { data: { team, channel: 'web' } }),
  ]);
  const resolved = resolveLocale(locale, ctx.settings.defaultLocale);
  await appendSystemMessage(ctx, conversation, 'recorded', resolved);
  await appendSystemMessage(ctx, conversation, 'queued', resolved, teamOf(ctx, team).name);
  await notifyQueueChanged(ctx, team);
  const stored = (await ctx.store.getConversation(conversation.id)) ?? conversation;
  return customerSnapshot(ctx, stored, 0);
}
