import type { Message, PublicPost } from '@parley/protocol';
import type {
  ArchiveActor,
  ArchiveRecord,
  CommittedConversation,
  ConversationHead,
  ConversationRecord,
  HandoffRecord,
} from './records.js';

/**
 * Handoff, conversation, message and archive rows, and their mapping to records. The SQLite and
 * PostgreSQL stores name these columns alike, so both use this one mapping; they differ only in
 * JSON columns, which SQLite returns as text and PostgreSQL (`jsonb`) already parsed.
 */

/**
 * A JSON column as either store returns it. Every JSON column holds an object or an array, never
 * a bare string, so a string is always SQLite's text form.
 */
type JsonColumn<T extends object> = T | string;

function fromJson<T extends object>(value: JsonColumn<T>): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export interface HandoffRow {
  id: string;
  code_hash: string;
  state: HandoffRecord['state'];
  channel: HandoffRecord['channel'];
  thread: JsonColumn<PublicPost[]>;
  customer_handle: string;
  locale: string | null;
  note: string | null;
  agent_id: string | null;
  agent_name: string | null;
  team: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  first_post_at: string;
  claimed_at: string | null;
  claimed_by_id: string | null;
  claimed_by_name: string | null;
  conversation_id: string | null;
}

export function toHandoff(row: HandoffRow): HandoffRecord {
  return {
    id: row.id,
    codeHash: row.code_hash,
    state: row.state,
    channel: row.channel,
    thread: fromJson(row.thread),
    customerHandle: row.customer_handle,
    locale: row.locale,
    note: row.note,
    agentId: row.agent_id,
    agentName: row.agent_name,
    team: row.team,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    firstPostAt: row.first_post_at,
    claimedAt: row.claimed_at,
    claimedBy:
      row.claimed_by_id === null
        ? null
        : { customerId: row.claimed_by_id, name: row.claimed_by_name ?? '' },
    conversationId: row.conversation_id,
  };
}

export interface ConversationRow {
  id: string;
  channel: ConversationRecord['channel'];
  team: string;
  handoff_id: string | null;
  public_thread: JsonColumn<PublicPost[]>;
  customer_id: string;
  customer_name: string;
  customer_phone: string | null;
  customer_locale: string | null;
  customer_social_handle: string | null;
  created_at: string;
  state: ConversationRecord['state'];
  agent_id: string | null;
  agent_name: string | null;
  fallback_at: string | null;
  queued_at: string | null;
  closed_at: string | null;
  closed_by: ConversationRecord['closedBy'];
  sla_started_at: string;
  sla_deadline: string;
  first_reply_at: string | null;
  last_seq: number;
  last_message_at: string | null;
  last_activity_at: string;
  customer_read_seq: number;
  agent_read_seq: number;
}

/** The columns of a new conversation row, in the order {@link conversationValues} gives them. */
export const CONVERSATION_COLUMNS = [
  'id',
  'channel',
  'team',
  'handoff_id',
  'public_thread',
  'customer_id',
  'customer_name',
  'customer_phone',
  'customer_locale',
  'customer_social_handle',
  'created_at',
  'state',
  'agent_id',
  'agent_name',
  'fallback_at',
  'queued_at',
  'closed_at',
  'closed_by',
  'sla_started_at',
  'sla_deadline',
  'first_reply_at',
  'last_seq',
  'last_message_at',
  'last_activity_at',
  'customer_read_seq',
  'agent_read_seq',
] as const;

/** The columns a message append returns (see `CommittedConversation`). */
export const COMMITTED_CONVERSATION_COLUMNS = [
  'id',
  'channel',
  'team',
  'state',
  'agent_id',
  'sla_deadline',
  'first_reply_at',
  'last_seq',
] as const;

export type CommittedConversationRow = Pick<
  ConversationRow,
  (typeof COMMITTED_CONVERSATION_COLUMNS)[number]
>;

/** The columns of a conversation's head (see `ConversationHead`). */
export const CONVERSATION_HEAD_COLUMNS = [
  ...COMMITTED_CONVERSATION_COLUMNS,
  'customer_id',
] as const;

export type ConversationHeadRow = Pick<ConversationRow, (typeof CONVERSATION_HEAD_COLUMNS)[number]>;

/** A conversation's values for an INSERT, the JSON column as text (both stores take that). */
export function conversationValues(c: ConversationRecord): unknown[] {
  return [
    c.id,
    c.channel,
    c.team,
    c.handoffId,
    JSON.stringify(c.publicThread),
    c.customer.id,
    c.customer.name,
    c.customer.phone,
    c.customer.locale,
    c.customer.socialHandle,
    c.createdAt,
    c.state,
    c.agentId,
    c.agentName,
    c.fallbackAt,
    c.queuedAt,
    c.closedAt,
    c.closedBy,
    c.slaStartedAt,
    c.slaDeadline,
    c.firstReplyAt,
    c.lastSeq,
    c.lastMessageAt,
    c.lastActivityAt,
    c.customerReadSeq,
    c.agentReadSeq,
  ];
}

export function toCommittedConversation(row: CommittedConversationRow): CommittedConversation {
  return {
    id: row.id,
    channel: row.channel,
    team: row.team,
    state: row.state,
    agentId: row.agent_id,
    slaDeadline: row.sla_deadline,
    firstReplyAt: row.first_reply_at,
    lastSeq: row.last_seq,
  };
}

export function toConversationHead(row: ConversationHeadRow): ConversationHead {
  return { ...toCommittedConversation(row), customerId: row.customer_id };
}

export function toConversation(row: ConversationRow): ConversationRecord {
  return {
    ...toCommittedConversation(row),
    handoffId: row.handoff_id,
    publicThread: fromJson(row.public_thread),
    customer: {
      id: row.customer_id,
      name: row.customer_name,
      phone: row.customer_phone,
      locale: row.customer_locale,
      socialHandle: row.customer_social_handle,
    },
    createdAt: row.created_at,
    agentName: row.agent_name,
    fallbackAt: row.fallback_at,
    queuedAt: row.queued_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    slaStartedAt: row.sla_started_at,
    lastMessageAt: row.last_message_at,
    lastActivityAt: row.last_activity_at,
    customerReadSeq: row.customer_read_seq,
    agentReadSeq: row.agent_read_seq,
  };
}

export interface MessageRow {
  conversation_id: string;
  seq: number;
  id: string;
  client_msg_id: string | null;
  kind: Message['kind'];
  sender: JsonColumn<Message['sender']>;
  text: string;
  redactions: JsonColumn<Message['redactions']>;
  created_at: string;
}

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientMsgId: row.client_msg_id,
    kind: row.kind,
    sender: fromJson(row.sender),
    text: row.text,
    createdAt: row.created_at,
    redactions: fromJson(row.redactions),
  };
}

export interface ArchiveRow {
  conversation_id: string;
  idx: number;
  type: ArchiveRecord['type'];
  at: string;
  actor: JsonColumn<ArchiveActor>;
  seq: number | null;
  text: string | null;
  text_mac: string | null;
  data: JsonColumn<ArchiveRecord['data']>;
  hash: string;
}

export function toArchiveRecord(row: ArchiveRow): ArchiveRecord {
  return {
    conversationId: row.conversation_id,
    index: row.idx,
    type: row.type,
    at: row.at,
    actor: fromJson(row.actor),
    seq: row.seq,
    text: row.text,
    textMac: row.text_mac,
    data: fromJson(row.data),
    hash: row.hash,
  };
}
