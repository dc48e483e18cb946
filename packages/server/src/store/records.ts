import type {
  AuditEntry,
  Callback,
  CallbackState,
  Channel,
  ConversationState,
  HandoffState,
  LegalHold,
  Message,
  PublicPost,
  RedactionKind,
} from '@parley/protocol';

/**
 * What the store keeps. Wire shapes from `@parley/protocol` are reused where the stored record is
 * the same thing (messages, callbacks, legal holds, audit entries); the records below carry what
 * only the server may see (code hashes, phone numbers, deadlines). All times are ISO 8601 UTC.
 */

/** A handoff. The code itself is never stored, only its SHA-256 (hex). */
export interface HandoffRecord {
  id: string;
  codeHash: string;
  state: HandoffState;
  channel: Channel;
  /** The public thread, already redacted. */
  thread: PublicPost[];
  customerHandle: string;
  locale: string | null;
  note: string | null;
  /** The agent it belongs to; null when a service key created it for a team. */
  agentId: string | null;
  /** The agent's display name, shown on the link's preview ("Olga from the social care team"). */
  agentName: string | null;
  team: string;
  /** Who created it: an agent id, or `service:<keyId>`. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  firstPostAt: string;
  claimedAt: string | null;
  claimedBy: { customerId: string; name: string } | null;
  conversationId: string | null;
}

/** The verified customer of a conversation, from the bank's identity token. */
export interface CustomerRecord {
  id: string;
  name: string;
  /** E.164, from the identity token's `phone_number`; never logged. */
  phone: string | null;
  locale: string | null;
  /** The social handle the handoff was made for, if any. */
  socialHandle: string | null;
}

/** A conversation. `state` and the fields beside it follow `ConversationStatus` in the protocol. */
export interface ConversationRecord {
  id: string;
  channel: Channel;
  team: string;
  handoffId: string | null;
  publicThread: PublicPost[];
  customer: CustomerRecord;
  createdAt: string;
  state: ConversationState;
  /** The assigned agent (waiting and active); null when queued, kept when closed. */
  agentId: string | null;
  agentName: string | null;
  /** While `waiting`: when the conversation falls back to the team queue. */
  fallbackAt: string | null;
  /** While `queued`: when it joined the queue (orders the queue). */
  queuedAt: string | null;
  closedAt: string | null;
  closedBy: 'customer' | 'agent' | 'idle' | 'compliance' | null;
  slaStartedAt: string;
  slaDeadline: string;
  firstReplyAt: string | null;
  lastSeq: number;
  lastMessageAt: string | null;
  lastActivityAt: string;
  customerReadSeq: number;
  agentReadSeq: number;
}

/**
 * What a message append returns of the conversation, as its commit left it: what the relay routes
 * the message by (state, team, assigned agent) and the SLA clock. Not the whole row: returned and
 * parsed for every message, the rest (the public thread above all) was most of the append's
 * result for nothing.
 */
export type CommittedConversation = Pick<
  ConversationRecord,
  'id' | 'channel' | 'team' | 'state' | 'agentId' | 'slaDeadline' | 'firstReplyAt' | 'lastSeq'
>;

/**
 * What the events a socket sends most (a message, typing, a read receipt) need of their
 * conversation: who may act on it (its customer, its agent, its team) and what the append routes
 * by. Read for each such event; the public thread and the rest of the row are not.
 */
export type ConversationHead = CommittedConversation & { customerId: string };

/** The fields a state transition may change. */
export type ConversationPatch = Partial<
  Pick<
    ConversationRecord,
    | 'state'
    | 'team'
    | 'agentId'
    | 'agentName'
    | 'fallbackAt'
    | 'queuedAt'
    | 'closedAt'
    | 'closedBy'
    | 'lastActivityAt'
  >
>;

/** A message to append; the store assigns `seq`. */
export interface NewMessage {
  id: string;
  conversationId: string;
  clientMsgId: string | null;
  kind: Message['kind'];
  sender: Message['sender'];
  /** Already redacted. */
  text: string;
  redactions: RedactionKind[];
  createdAt: string;
}

/**
 * The message as stored with `seq`: a fresh copy, so the caller's object is never shared with
 * what the store returns.
 */
export function storedMessage(message: NewMessage, seq: number): Message {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq,
    clientMsgId: message.clientMsgId,
    kind: message.kind,
    sender: { role: message.sender.role, id: message.sender.id, name: message.sender.name },
    text: message.text,
    createdAt: message.createdAt,
    redactions: [...message.redactions],
  };
}

/**
 * Whether a person wrote it (a `text` or an internal `note`) rather than the server (a `system`
 * line such as "This chat is now closed"). Only people are refused once a conversation is closed.
 */
export function isFromPerson(message: Pick<NewMessage, 'kind'>): boolean {
  return message.kind !== 'system';
}

/**
 * Whether it is an agent's reply to the customer (a `text`, not an internal note): the first one
 * stops the conversation's SLA clock, so it sets `firstReplyAt`.
 */
export function isAgentReply(message: Pick<Message, 'kind' | 'sender'>): boolean {
  return message.kind === 'text' && message.sender.role === 'agent';
}

/** Who did something, as the archive records it. */
export interface ArchiveActor {
  role: 'customer' | 'agent' | 'system' | 'service';
  id: string | null;
  name: string | null;
}

/** An archive entry before the store links it into the conversation's chain. */
export interface ArchiveInput {
  type:
    | 'handoff_created'
    | 'handoff_claimed'
    | 'message'
    | 'note'
    | 'system'
    | 'amendment'
    | 'assigned'
    | 'queued'
    | 'transferred'
    | 'closed'
    | 'callback'
    | 'survey';
  at: string;
  actor: ArchiveActor;
  seq: number | null;
  /**
   * Redacted text, when the entry has any. For `message`, `note`, `system` and `amendment`
   * entries the store keeps only `textMac`, an HMAC of the text under the chain key: the message
   * row holds the text, and an amendment overwrites it, so the archive must not keep a copy (and a
   * plain hash of an 8-digit fragment is brute-forced in seconds). Other entries (transfer notes,
   * survey comments) keep their text.
   */
  text: string | null;
  /** Small structured facts (`{ to: 'bob' }`, `{ score: 9 }`); never personal data beyond ids. */
  data: Record<string, string | number | boolean | null>;
}

/** An archive entry as stored: `index` from 1, `hash` = HMAC link over the previous one. */
export interface ArchiveRecord extends ArchiveInput {
  conversationId: string;
  index: number;
  /** HMAC-SHA256 (hex) of the entry's text for message-like entries, else null. */
  textMac: string | null;
  hash: string;
}

/** A survey answer. */
export interface SurveyRecord {
  conversationId: string;
  customerId: string;
  score: number;
  comment: string | null;
  agentId: string | null;
  agentName: string | null;
  channel: Channel;
  submittedAt: string;
}

/** A service API key for the bank's social tool. Only the SHA-256 of the key is kept. */
export interface ServiceKeyRecord {
  id: string;
  keyHash: string;
  name: string;
  createdAt: string;
}

export type { AuditEntry, Callback, CallbackState, LegalHold };
