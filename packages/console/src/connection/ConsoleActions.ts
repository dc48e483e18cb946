import type {
  Ack,
  AgentConversation,
  AgentRequestCallback,
  Callback,
  ConversationSummary,
  CreateHandoff,
  HandoffCreated,
  HandoffDetail,
  HandoffPicked,
  HandoffSummary,
  SessionRefreshed,
  TransferConversation,
  UpdateCallback,
} from '@parley/protocol';
import type { ConsoleView } from '../state/ConsoleState';

/**
 * What the console's components may ask for. The live implementation speaks the `/agent`
 * namespace; component tests pass a fake. Requests resolve with the server's `Ack` and never
 * reject, so every caller shows `error.message` (which says what to do) on failure.
 */
export interface ConsoleActions {
  /** Opens a conversation: joins it (taking it from the queue) and loads its messages. */
  open(conversationId: string): Promise<Ack<unknown>>;
  setView(view: ConsoleView): void;
  /** Selects the next (or previous) conversation of the inbox, for the keyboard shortcut. */
  step(direction: 1 | -1): void;
  send(conversationId: string, text: string): void;
  addNote(conversationId: string, text: string): void;
  retry(clientMsgId: string): void;
  discard(clientMsgId: string): void;
  typing(conversationId: string, typing: boolean): void;
  createHandoff(input: CreateHandoff): Promise<Ack<HandoffCreated>>;
  revokeHandoff(handoffId: string): Promise<Ack<HandoffSummary>>;
  /** Shows a pending handoff (or, with null, the list again) in the handoff view. */
  openHandoff(handoffId: string | null): void;
  /** The public thread of a handoff, before picking it. */
  getHandoff(handoffId: string): Promise<Ack<HandoffDetail>>;
  /** Takes a pending handoff and gets a new link and suggested reply for it. */
  pickHandoff(handoffId: string): Promise<Ack<HandoffPicked>>;
  transfer(input: TransferConversation): Promise<Ack<AgentConversation>>;
  requestCallback(input: AgentRequestCallback): Promise<Ack<Callback>>;
  updateCallback(input: UpdateCallback): Promise<Ack<Callback>>;
  close(conversationId: string): Promise<Ack<AgentConversation>>;
  history(customerId: string): Promise<Ack<ConversationSummary[]>>;
  refreshAgents(): Promise<void>;
  refreshSession(token: string): Promise<Ack<SessionRefreshed>>;
  dismissNotice(): void;
  dismissClosed(): void;
}
