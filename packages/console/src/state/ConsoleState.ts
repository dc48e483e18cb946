import type { OutboxItem } from '@parley/client';
import type {
  AgentConversation,
  AgentPresence,
  Callback,
  HandoffSummary,
  Message,
  QueueUpdate,
  SessionExpiring,
} from '@parley/protocol';

/** The connection as the header shows it. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'signed-out';

/** The main area of the console. */
export type ConsoleView = 'inbox' | 'handoff' | 'supervisor' | 'compliance';

/** A short message for the agent, shown until dismissed or replaced. */
export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

/**
 * Everything the console shows, in one immutable object. Lists are records by id so a push
 * replaces one entry; the inbox sorts them when it renders.
 */
export interface ConsoleState {
  connection: ConnectionState;
  /** Why the server refused or ended the session, in words for the agent. */
  signedOutReason: string | null;
  handoffs: Readonly<Record<string, HandoffSummary>>;
  /** Open conversations: mine, my teams' queues, and (supervisors) my teams' others. */
  conversations: Readonly<Record<string, AgentConversation>>;
  callbacks: Readonly<Record<string, Callback>>;
  queues: Readonly<Record<string, QueueUpdate>>;
  /** Messages of the conversations opened in this console, in `seq` order. */
  messages: Readonly<Record<string, readonly Message[]>>;
  /** Messages and notes written but not yet confirmed by the server. */
  outbox: readonly (OutboxItem & { kind: 'text' | 'note' })[];
  /** Customer messages not yet seen, per conversation. */
  unread: Readonly<Record<string, number>>;
  /** The customer is typing: when the last `typing: true` arrived (ms), per conversation. */
  typing: Readonly<Record<string, number>>;
  /** The highest `seq` the customer has read, per conversation. */
  customerRead: Readonly<Record<string, number>>;
  /** Colleagues of my teams, for transfers. */
  agents: readonly AgentPresence[];
  selectedId: string | null;
  view: ConsoleView;
  /** The pending handoff shown in the handoff view, to read its thread and pick it. */
  openHandoffId: string | null;
  /** A conversation closed in this console, kept to offer the closing public reply. */
  justClosed: AgentConversation | null;
  sessionExpiring: SessionExpiring | null;
  notice: Notice | null;
}

/** The state before the first connection. */
export const initialConsoleState: ConsoleState = {
  connection: 'connecting',
  signedOutReason: null,
  handoffs: {},
  conversations: {},
  callbacks: {},
  queues: {},
  messages: {},
  outbox: [],
  unread: {},
  typing: {},
  customerRead: {},
  agents: [],
  openHandoffId: null,
  selectedId: null,
  view: 'inbox',
  justClosed: null,
  sessionExpiring: null,
  notice: null,
};
