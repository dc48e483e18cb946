import * as v from 'valibot';
import { LABEL_MAX, MESSAGE_TEXT_MAX, NOTE_MAX } from '../limits.js';
import { AgentConversation } from './conversation.js';
import { Id, IsoTime, int, label, PrincipalId, text } from './primitives.js';

/** What can happen in a conversation, as the archive records it. */
export const ARCHIVE_EVENT_TYPES = [
  'handoff_created',
  'handoff_claimed',
  'message',
  'note',
  'system',
  'amendment',
  'assigned',
  'queued',
  'transferred',
  'closed',
  'callback',
  'survey',
] as const;
export type ArchiveEventType = (typeof ARCHIVE_EVENT_TYPES)[number];

/** One entry of a transcript, in archive order. Texts are the redacted ones. */
export const TranscriptEvent = v.strictObject({
  /** Position in the conversation's hash chain, from 1. */
  index: int(1, Number.MAX_SAFE_INTEGER),
  at: IsoTime,
  type: v.picklist(ARCHIVE_EVENT_TYPES),
  actor: v.strictObject({
    role: v.picklist(['customer', 'agent', 'system', 'service']),
    id: v.nullable(PrincipalId),
    name: v.nullable(label()),
  }),
  /** The message's `seq` for `message`, `note`, `system` and `amendment` entries. */
  seq: v.nullable(int(1, Number.MAX_SAFE_INTEGER)),
  text: v.nullable(text(MESSAGE_TEXT_MAX + 1_000)),
  /** A chain link: HMAC-SHA256 of the previous link and this entry, hex. */
  hash: v.pipe(v.string(), v.maxLength(64)),
});
export type TranscriptEvent = v.InferOutput<typeof TranscriptEvent>;

/** `GET /v1/conversations/:id/transcript?format=json`. */
export const Transcript = v.strictObject({
  conversation: AgentConversation,
  events: v.array(TranscriptEvent),
  integrity: v.strictObject({
    algorithm: v.literal('HMAC-SHA256 chain'),
    /** Whether every link was recomputed and matched at export time. */
    verified: v.boolean(),
    head: v.pipe(v.string(), v.maxLength(64)),
  }),
  exportedAt: IsoTime,
  exportedBy: PrincipalId,
});
export type Transcript = v.InferOutput<typeof Transcript>;

/** A legal hold: while it stands, nothing of the customer is purged or erased. */
export const LegalHold = v.strictObject({
  id: Id,
  customerId: PrincipalId,
  reason: text(NOTE_MAX, 1),
  createdBy: PrincipalId,
  createdAt: IsoTime,
  releasedAt: v.nullable(IsoTime),
  releasedBy: v.nullable(PrincipalId),
});
export type LegalHold = v.InferOutput<typeof LegalHold>;

/** `POST /v1/legal-holds`. */
export const CreateLegalHold = v.strictObject({
  customerId: PrincipalId,
  reason: text(NOTE_MAX, 1),
});
export type CreateLegalHold = v.InferOutput<typeof CreateLegalHold>;

/** Everything that is audit-logged. */
export const AUDIT_ACTIONS = [
  'transcript.view',
  'transcript.export',
  'conversation.view',
  'customer.history',
  'customer.export',
  'customer.erase',
  'legal_hold.set',
  'legal_hold.lift',
  'audit.read',
  'retention.purge',
  'agent.deny',
  'handoff.pick',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audit-log entry. */
export const AuditEntry = v.strictObject({
  id: Id,
  at: IsoTime,
  actor: v.strictObject({ id: PrincipalId, role: label(LABEL_MAX) }),
  action: v.picklist(AUDIT_ACTIONS),
  /** What was touched: a conversation, customer or hold id. */
  target: label(),
  requestId: v.nullable(label()),
});
export type AuditEntry = v.InferOutput<typeof AuditEntry>;
