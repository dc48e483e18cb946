import type {
  AgentConversation,
  ConversationStatus,
  CustomerConversation,
  CustomerMessage,
  Message,
} from '@parley/protocol';
import { type AgentRoom, agentRoom, supervisorRoom, teamRoom } from '../fanout/Fanout.js';
import type { ServiceContext, TeamSettings } from '../services/ServiceContext.js';
import type { ConversationRecord } from '../store/records.js';
import { openingHoursAt } from './openingHours.js';

/** The configured team, or a stand-in named after its id (a team removed from the configuration). */
export function teamOf(ctx: ServiceContext, team: string): TeamSettings {
  return (
    ctx.settings.teams.find((t) => t.id === team) ?? { id: team, name: team, openingHours: null }
  );
}

async function statusOf(
  ctx: ServiceContext,
  record: ConversationRecord,
): Promise<ConversationStatus> {
  const agent = { id: record.agentId ?? '', name: record.agentName ?? '' };
  switch (record.state) {
    case 'waiting':
      return { state: 'waiting', agent, fallbackAt: record.fallbackAt ?? record.createdAt };
    case 'active':
      return { state: 'active', agent };
    case 'queued': {
      const hours = teamOf(ctx, record.team).openingHours;
      return {
        state: 'queued',
        position: (await ctx.store.queuePosition(record.id)) ?? 1,
        openingHours: hours === null ? null : openingHoursAt(hours, ctx.now()),
      };
    }
    case 'closed':
      return {
        state: 'closed',
        closedAt: record.closedAt ?? record.lastActivityAt,
        by: record.closedBy ?? 'agent',
      };
  }
}

/**
 * A conversation as its customer sees it.
 *
 * @example
 * const view = await customerView(ctx, record);
 */
export async function customerView(
  ctx: ServiceContext,
  record: ConversationRecord,
): Promise<CustomerConversation> {
  return {
    id: record.id,
    channel: record.channel,
    team: record.team,
    teamName: teamOf(ctx, record.team).name,
    handoffId: record.handoffId,
    publicThread: record.publicThread,
    createdAt: record.createdAt,
    lastSeq: record.lastSeq,
    status: await statusOf(ctx, record),
  };
}

/**
 * A conversation as agents see it: the customer's verified identity beside the social handle,
 * and the SLA clock.
 *
 * @example
 * const view = await agentView(ctx, record);
 */
export async function agentView(
  ctx: ServiceContext,
  record: ConversationRecord,
): Promise<AgentConversation> {
  return {
    ...(await customerView(ctx, record)),
    customer: {
      id: record.customer.id,
      name: record.customer.name,
      socialHandle: record.customer.socialHandle,
      locale: record.customer.locale,
      hasPhone: record.customer.phone !== null,
    },
    sla: {
      startedAt: record.slaStartedAt,
      deadline: record.slaDeadline,
      firstReplyAt: record.firstReplyAt,
    },
    lastMessageAt: record.lastMessageAt,
  };
}

/**
 * The agent rooms that follow a conversation: its agent, its team's supervisors, and — while it is
 * queued — the whole team, whose queue lists show it.
 *
 * @example
 * ctx.fanout.toAgents(agentRoomsOf(record), 'message:new', message);
 */
export function agentRoomsOf(
  record: Pick<ConversationRecord, 'team' | 'agentId' | 'state'>,
  options: { team?: boolean } = {},
): AgentRoom[] {
  const rooms: AgentRoom[] = [supervisorRoom(record.team)];
  if (record.agentId !== null) rooms.push(agentRoom(record.agentId));
  if (options.team === true || record.state === 'queued') rooms.push(teamRoom(record.team));
  return rooms;
}

/**
 * A stored message as the customer may see it, or null for an internal note.
 *
 * @example
 * const visible = forCustomer(message); // null for notes
 */
export function forCustomer(message: Message): CustomerMessage | null {
  return message.kind === 'note' ? null : { ...message, kind: message.kind };
}
