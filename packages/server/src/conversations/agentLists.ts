import { type AgentConversation, type ConversationSummary, ParleyError } from '@parley/protocol';
import { audit } from '../compliance/audit.js';
import { type AgentActor, hasRole } from '../domain/actors.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import { agentView } from './views.js';

/**
 * An agent's inbox lists: `mine` (waiting for me or active with me), `queue` (my teams' queues),
 * `all` (supervisors: every open conversation of their teams).
 *
 * @example
 * await listConversations(ctx, olga, 'mine');
 */
export async function listConversations(
  ctx: ServiceContext,
  agent: AgentActor,
  scope: 'mine' | 'queue' | 'all',
): Promise<AgentConversation[]> {
  if (scope === 'all' && !hasRole(agent, 'supervisor')) {
    throw new ParleyError('FORBIDDEN', 'Only supervisors see all of their teams’ conversations.');
  }
  const records = await ctx.store.listConversations(
    scope === 'mine'
      ? { agentId: agent.id, states: ['waiting', 'active'], limit: 500 }
      : scope === 'queue'
        ? { teams: [...agent.teams], states: ['queued'], limit: 500 }
        : { teams: [...agent.teams], states: ['waiting', 'queued', 'active'], limit: 500 },
  );
  return Promise.all(records.map((record) => agentView(ctx, record)));
}

/**
 * Summaries of a customer's earlier conversations, for the customer panel. Only for an agent who
 * has one of them open, or a supervisor of its team; every look is audit-logged.
 *
 * @example
 * await customerHistory(ctx, olga, 'cust-1001', requestId);
 */
export async function customerHistory(
  ctx: ServiceContext,
  agent: AgentActor,
  customerId: string,
  requestId: string | null,
): Promise<ConversationSummary[]> {
  const conversations = await ctx.store.listConversations({ customerId, limit: 200 });
  const entitled = conversations.some(
    (c) => c.agentId === agent.id || (hasRole(agent, 'supervisor') && agent.teams.includes(c.team)),
  );
  if (!entitled)
    throw new ParleyError('FORBIDDEN', 'Open one of this customer’s conversations first.');
  await audit(ctx, agent, 'customer.history', customerId, requestId);
  return conversations.map((c) => ({
    id: c.id,
    channel: c.channel,
    state: c.state,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
    agentName: c.agentName,
    messageCount: c.lastSeq,
  }));
}
