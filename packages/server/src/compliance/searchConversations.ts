import type { Channel, ConversationSearchHit } from '@parley/protocol';
import { type AgentActor, hasRole } from '../domain/actors.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import { audit } from './audit.js';

/** Search results per request, newest first. */
const SEARCH_MAX = 200;

/**
 * Finds conversations for compliance (all) or a supervisor (their teams'), by customer, channel
 * and time; the search itself is audit-logged, as every look into the archive is.
 *
 * @example
 * await searchConversations(ctx, ewa, { customerId: 'cust-1001' }, requestId);
 */
export async function searchConversations(
  ctx: ServiceContext,
  reader: AgentActor,
  query: { customerId?: string; channel?: string; from?: string; to?: string },
  requestId: string | null,
): Promise<ConversationSearchHit[]> {
  const records = await ctx.store.listConversations({
    ...(query.customerId === undefined ? {} : { customerId: query.customerId }),
    ...(hasRole(reader, 'compliance') ? {} : { teams: [...reader.teams] }),
    limit: 5_000,
  });
  await audit(ctx, reader, 'conversation.view', `search:${query.customerId ?? 'all'}`, requestId);
  return records
    .filter((c) => query.channel === undefined || c.channel === (query.channel as Channel))
    .filter(
      (c) =>
        (query.from === undefined || c.createdAt >= query.from) &&
        (query.to === undefined || c.createdAt < query.to),
    )
    .slice(0, SEARCH_MAX)
    .map((c) => ({
      id: c.id,
      channel: c.channel,
      state: c.state,
      createdAt: c.createdAt,
      closedAt: c.closedAt,
      agentName: c.agentName,
      messageCount: c.lastSeq,
      team: c.team,
      customerId: c.customer.id,
      customerName: c.customer.name,
    }));
}
