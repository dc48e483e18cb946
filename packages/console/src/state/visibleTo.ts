import type { AgentConversation } from '@parley/protocol';

/** The signed-in agent as the lists need them. */
export interface Viewer {
  id: string;
  teams: readonly string[];
  supervisor: boolean;
}

/**
 * Whether a conversation belongs in this agent's console: open, and either assigned to them,
 * waiting in one of their teams' queues, or — for a supervisor — anywhere in their teams. A
 * conversation transferred away or closed leaves the lists.
 *
 * @example
 * visibleTo({ id: 'olga', teams: ['social-care'], supervisor: false }, conversation);
 */
export function visibleTo(viewer: Viewer, conversation: AgentConversation): boolean {
  const { status } = conversation;
  if (status.state === 'closed') return false;
  if (status.state === 'queued') return viewer.teams.includes(conversation.team);
  if (status.agent.id === viewer.id) return true;
  return viewer.supervisor && viewer.teams.includes(conversation.team);
}

/**
 * Whether the agent may write in the conversation (assigned to them and open).
 *
 * @example
 * if (!canWrite(me, conversation)) showWatchingBanner();
 */
export function canWrite(viewer: Pick<Viewer, 'id'>, conversation: AgentConversation): boolean {
  const { status } = conversation;
  return (status.state === 'waiting' || status.state === 'active') && status.agent.id === viewer.id;
}
