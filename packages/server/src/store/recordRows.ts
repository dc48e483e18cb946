import type { AuditEntry, Callback, LegalHold, ServiceKeyRecord, SurveyRecord } from './records.js';

/**
 * Callback, survey, legal hold, audit and service key rows, and their mapping to records. The
 * SQLite and PostgreSQL stores name and shape these columns alike, so both use this one mapping.
 */

export interface CallbackRow {
  id: string;
  conversation_id: string | null;
  customer_id: string;
  customer_name: string;
  phone: string;
  window_from: string;
  window_to: string;
  window_time_zone: string;
  note: string | null;
  state: Callback['state'];
  team: string;
  agent_id: string | null;
  requested_by: Callback['requestedBy'];
  scheduled_for: string | null;
  created_at: string;
  updated_at: string;
}

export function toCallback(row: CallbackRow): Callback {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    phone: row.phone,
    window: { from: row.window_from, to: row.window_to, timeZone: row.window_time_zone },
    note: row.note,
    state: row.state,
    team: row.team,
    agentId: row.agent_id,
    requestedBy: row.requested_by,
    scheduledFor: row.scheduled_for,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface SurveyRow {
  conversation_id: string;
  customer_id: string;
  score: number;
  comment: string | null;
  agent_id: string | null;
  agent_name: string | null;
  channel: SurveyRecord['channel'];
  submitted_at: string;
}

export function toSurvey(row: SurveyRow): SurveyRecord {
  return {
    conversationId: row.conversation_id,
    customerId: row.customer_id,
    score: row.score,
    comment: row.comment,
    agentId: row.agent_id,
    agentName: row.agent_name,
    channel: row.channel,
    submittedAt: row.submitted_at,
  };
}

export interface LegalHoldRow {
  id: string;
  customer_id: string;
  reason: string;
  created_by: string;
  created_at: string;
  released_at: string | null;
  released_by: string | null;
}

export function toLegalHold(row: LegalHoldRow): LegalHold {
  return {
    id: row.id,
    customerId: row.customer_id,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    releasedAt: row.released_at,
    releasedBy: row.released_by,
  };
}

export interface AuditRow {
  id: string;
  at: string;
  actor_id: string;
  actor_role: string;
  action: AuditEntry['action'];
  target: string;
  request_id: string | null;
}

export function toAudit(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, role: row.actor_role },
    action: row.action,
    target: row.target,
    requestId: row.request_id,
  };
}

export interface ServiceKeyRow {
  id: string;
  key_hash: string;
  name: string;
  created_at: string;
}

export function toServiceKey(row: ServiceKeyRow): ServiceKeyRecord {
  return { id: row.id, keyHash: row.key_hash, name: row.name, createdAt: row.created_at };
}
