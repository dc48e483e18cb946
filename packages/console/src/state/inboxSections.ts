import type {
  AgentConversation,
  Callback,
  Channel,
  HandoffSummary,
  SlaClock,
} from '@parley/protocol';
import { pendingSla } from '../sla/slaStatus';
import type { ConsoleState } from './ConsoleState';

/** One row of the inbox. */
export type InboxRow =
  | {
      kind: 'conversation';
      key: string;
      conversation: AgentConversation;
      sla: SlaClock;
      unread: number;
    }
  | { kind: 'handoff'; key: string; handoff: HandoffSummary; sla: SlaClock | null }
  | { kind: 'callback'; key: string; callback: Callback };

/** A titled list of the inbox. */
export interface InboxSection {
  id: 'mine' | 'queue' | 'handoffs' | 'callbacks';
  title: string;
  empty: string;
  rows: InboxRow[];
}

/** Claimed and expired handoffs kept in the list, newest first, below the pending ones. */
const SETTLED_HANDOFFS_SHOWN = 10;

/**
 * Urgency order: clocks still running by deadline (the first to breach on top), then clocks that
 * stopped at a reply, by deadline too.
 */
function byDeadline(a: SlaClock, b: SlaClock): number {
  const answeredA = a.firstReplyAt === null ? 0 : 1;
  const answeredB = b.firstReplyAt === null ? 0 : 1;
  if (answeredA !== answeredB) return answeredA - answeredB;
  return Date.parse(a.deadline) - Date.parse(b.deadline);
}

/**
 * The inbox's four live lists, each sorted by SLA deadline: my conversations (waiting for me or
 * active with me), my teams' queue, the handoffs I created (pending, then the latest claimed and
 * expired), and open call-backs by the start of their window.
 *
 * @example
 * inboxSections(store.get(), { id: 'olga', teams: ['social-care'] }, config.slaMinutes);
 */
export function inboxSections(
  state: Pick<ConsoleState, 'conversations' | 'handoffs' | 'callbacks' | 'unread'>,
  me: { id: string; teams: readonly string[] },
  slaMinutes: Readonly<Record<Channel, number>>,
): InboxSection[] {
  const conversations = Object.values(state.conversations);
  const row = (conversation: AgentConversation): InboxRow => ({
    kind: 'conversation',
    key: conversation.id,
    conversation,
    sla: conversation.sla,
    unread: state.unread[conversation.id] ?? 0,
  });
  const mine = conversations
    .filter(
      (c) =>
        (c.status.state === 'waiting' || c.status.state === 'active') &&
        c.status.agent.id === me.id,
    )
    .sort((a, b) => byDeadline(a.sla, b.sla))
    .map(row);
  const queue = conversations
    .filter((c) => c.status.state === 'queued' && me.teams.includes(c.team))
    .sort((a, b) => byDeadline(a.sla, b.sla))
    .map(row);

  const handoffs = Object.values(state.handoffs).filter(
    (h) => h.state !== 'revoked' && (h.agentId === null || h.agentId === me.id),
  );
  const pending = handoffs
    .filter((h) => h.state === 'pending')
    .map((h) => ({ h, sla: pendingSla(h.firstPostAt, slaMinutes[h.channel]) }))
    .sort((a, b) => byDeadline(a.sla, b.sla))
    .map(({ h, sla }): InboxRow => ({ kind: 'handoff', key: h.id, handoff: h, sla }));
  const settled = handoffs
    .filter((h) => h.state !== 'pending')
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, SETTLED_HANDOFFS_SHOWN)
    .map((h): InboxRow => ({ kind: 'handoff', key: h.id, handoff: h, sla: null }));

  const callbacks = Object.values(state.callbacks)
    .filter((c) => c.state === 'requested' || c.state === 'scheduled')
    .sort((a, b) => Date.parse(a.window.from) - Date.parse(b.window.from))
    .map((callback): InboxRow => ({ kind: 'callback', key: callback.id, callback }));

  return [
    {
      id: 'mine',
      title: 'My conversations',
      empty: 'No conversations waiting for you.',
      rows: mine,
    },
    { id: 'queue', title: 'Team queue', empty: 'The queue is empty.', rows: queue },
    {
      id: 'handoffs',
      title: 'My handoffs',
      empty: 'No handoffs yet. Create one from a public post.',
      rows: [...pending, ...settled],
    },
    { id: 'callbacks', title: 'Call-backs', empty: 'No call-backs requested.', rows: callbacks },
  ];
}
