import type { OutboxItem } from '@parley/client';
import type {
  Callback,
  CustomerConversation,
  CustomerMessage,
  ErrorCode,
  HandoffPreview,
} from '@parley/protocol';
import type { MessageKey } from '../../i18n/Catalog.js';

/** Everything the chat screens draw from. Replaced, never mutated, on every change. */
export interface ChatState {
  /** `ended`: the session ran out and could not be renewed silently; sign in again. */
  auth: 'none' | 'signingIn' | 'signedIn' | 'ended';
  /** What to tell the customer about the last failure, as a catalog key. */
  authError: MessageKey | null;
  /** The customer came back from the bank's login page without a token. */
  loginFailed: boolean;
  customerName: string | null;
  /** The customer's phone number from their token, to prefill the call-back form. */
  phone: string | null;
  /** A handoff code waiting to be claimed. */
  code: string | null;
  preview: HandoffPreview | null;
  /** Why a handoff link cannot be used. */
  linkError: ErrorCode | null;
  claiming: boolean;
  connection: 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline';
  conversation: CustomerConversation | null;
  /** Messages as the server stored them, in `seq` order. */
  messages: readonly CustomerMessage[];
  /** Messages written but not yet confirmed. */
  outbox: readonly OutboxItem[];
  /** The agent's name while they type (empty if unnamed); false when nobody types. */
  agentTyping: string | false;
  /** The agent has read the customer's messages up to here. */
  agentReadSeq: number;
  unread: number;
  survey: 'none' | 'asked' | 'done' | 'skipped';
  callback: Callback | null;
}

/** Before anything is known. */
export const INITIAL_STATE: ChatState = {
  auth: 'none',
  authError: null,
  loginFailed: false,
  customerName: null,
  phone: null,
  code: null,
  preview: null,
  linkError: null,
  claiming: false,
  connection: 'idle',
  conversation: null,
  messages: [],
  outbox: [],
  agentTyping: false,
  agentReadSeq: 0,
  unread: 0,
  survey: 'none',
  callback: null,
};
