import { teamRoom } from '../fanout/Fanout.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import { customerView } from './views.js';

/** How many queued customers are told their new position after a change. */
const POSITION_UPDATES_MAX = 200;

/**
 * After a team's queue changed: tells the team (size and oldest entry) and every queued customer
 * their new position, so nobody stares at a stale "you are number 5".
 *
 * @example
 * await notifyQueueChanged(ctx, 'social-care');
 */
export async function notifyQueueChanged(ctx: ServiceContext, team: string): Promise<void> {
  const stats = await ctx.store.queueStats(team);
  ctx.fanout.toAgents([teamRoom(team)], 'queue:updated', { team, ...stats });
  const queued = await ctx.store.listConversations({
    teams: [team],
    states: ['queued'],
    limit: POSITION_UPDATES_MAX,
  });
  for (const conversation of queued) {
    ctx.fanout.toConversation(conversation.id, 'conversation:updated', {
      reason: 'queued',
      conversation: await customerView(ctx, conversation),
    });
  }
}
