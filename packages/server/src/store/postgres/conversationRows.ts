import type { Message, PublicPost } from '@parley/protocol';
import type { ArchiveActor, ArchiveRecord, ConversationRecord, HandoffRecord } from '../records.js';

/**
 * Handoff, conversation, message and archive rows as `pg` returns them, and their mapping to
 * records. Column names are snake_case; `jsonb` columns arrive parsed, `integer` columns as numbers.
 */

export interface HandoffRow {
  id: string;
  code_hash: string;
  state: HandoffRecord['state'];
  channel: HandoffRecord['channel'];
  thread: PublicPost[];
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
    thread: row.thread,
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
  public_thread: PublicPost[];
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

export function toConversation(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    channel: row.channel,
    team: row.team,
    handoffId: row.handoff_id,
    publicThread: row.public_thread,
    customer: {
      id: row.customer_id,
      name: row.customer_name,
      phone: row.customer_phone,
      locale: row.customer_locale,
      socialHandle: row.customer_social_handle,
    },
    createdAt: row.created_at,
    state: row.state,
    agentId: row.agent_id,
    agentName: row.agent_name,
    fallbackAt: row.fallback_at,
    queuedAt: row.queued_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    slaStartedAt: row.sla_started_at,
    slaDeadline: row.sla_deadline,
    firstReplyAt: row.first_reply_at,
    lastSeq: row.last_seq,
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
  sender: Message['sender'];
  text: string;
  redactions: Message['redactions'];
  created_at: string;
}

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientMsgId: row.client_msg_id,
    kind: row.kind,
    sender: row.sender,
    text: row.text,
    createdAt: row.created_at,
    redactions: row.redactions,
  };
}

export interface ArchiveRow {
  conversation_id: string;
  idx: number;
  type: ArchiveRecord['type'];
  at: string;
  actor: ArchiveActor;
  seq: number | null;
  text: string | null;
  text_mac: string | null;
  data: ArchiveRecord['data'];
  hash: string;
}

export function toArchiveRecord(row: ArchiveRow): ArchiveRecord {
  return {
    conversationId: row.conversation_id,
    index: row.idx,
    type: row.type,
    at: row.at,
    actor: row.actor,
    seq: row.seq,
    text: row.text,
    textMac: row.text_mac,
    data: row.data,
    hash: row.hash,
  };
}
