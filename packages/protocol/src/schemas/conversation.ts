import * as v from 'valibot';
import { NOTE_MAX } from '../limits.js';
import { CLOCK_TIME_REGEX } from '../regex.js';
import { PublicPost } from './handoff.js';
import { CustomerMessage, Message } from './message.js';
import {
  ChannelSchema,
  Id,
  IsoTime,
  int,
  LanguageTag,
  label,
  PrincipalId,
  Seq,
  TimeZone,
  text,
} from './primitives.js';

/** An agent as the other side sees them. */
export const AgentRef = v.strictObject({ id: PrincipalId, name: label() });
export type AgentRef = v.InferOutput<typeof AgentRef>;

/** A team's opening hours, in the team's time zone; `openNow` is computed by the server. */
export const OpeningHours = v.strictObject({
  timeZone: TimeZone,
  /** Weekly ranges: `days` are 1 (Monday) – 7 (Sunday), times `HH:MM` in 24-hour form. */
  weekly: v.array(
    v.strictObject({
      days: v.array(int(1, 7)),
      from: v.pipe(v.string(), v.maxLength(5), v.regex(CLOCK_TIME_REGEX, 'Must be HH:MM.')),
      to: v.pipe(v.string(), v.maxLength(5), v.regex(CLOCK_TIME_REGEX, 'Must be HH:MM.')),
    }),
  ),
  openNow: v.boolean(),
});
export type OpeningHours = v.InferOutput<typeof OpeningHours>;

/**
 * Where a conversation stands. Each state carries exactly what is true in it, so "active with no
 * agent" or "closed with a queue position" cannot be written down.
 * - `waiting`: claimed from a handoff, with the agent who created it, who has until `fallbackAt`
 *   to answer before it falls back to the team queue.
 * - `queued`: in the team's queue at `position` (1 = next).
 * - `active`: an agent is talking with the customer.
 * - `closed`: over; `by` says who ended it.
 */
export const ConversationStatus = v.variant('state', [
  v.strictObject({ state: v.literal('waiting'), agent: AgentRef, fallbackAt: IsoTime }),
  v.strictObject({
    state: v.literal('queued'),
    position: int(1, 1_000_000),
    openingHours: v.nullable(OpeningHours),
  }),
  v.strictObject({ state: v.literal('active'), agent: AgentRef }),
  v.strictObject({
    state: v.literal('closed'),
    closedAt: IsoTime,
    by: v.picklist(['customer', 'agent', 'idle', 'compliance']),
  }),
]);
export type ConversationStatus = v.InferOutput<typeof ConversationStatus>;
export type ConversationState = ConversationStatus['state'];

const conversationFields = {
  id: Id,
  channel: ChannelSchema,
  team: PrincipalId,
  teamName: label(),
  handoffId: v.nullable(Id),
  /** The public thread the conversation came from (redacted), oldest first; empty without a handoff. */
  publicThread: v.array(PublicPost),
  createdAt: IsoTime,
  /** The highest `seq` stored so far; a client holding less has missed messages. */
  lastSeq: Seq,
  status: ConversationStatus,
};

/** A conversation as its customer sees it. */
export const CustomerConversation = v.strictObject(conversationFields);
export type CustomerConversation = v.InferOutput<typeof CustomerConversation>;

/** The verified bank identity of a customer next to their social handle. */
export const CustomerIdentity = v.strictObject({
  id: PrincipalId,
  name: label(),
  /** The handle the handoff was created for; compare it with `name` to spot a wrong claimant. */
  socialHandle: v.nullable(label()),
  locale: v.nullable(LanguageTag),
  hasPhone: v.boolean(),
});
export type CustomerIdentity = v.InferOutput<typeof CustomerIdentity>;

/** The SLA clock: from the first public post to the agent's first private reply. */
export const SlaClock = v.strictObject({
  startedAt: IsoTime,
  deadline: IsoTime,
  firstReplyAt: v.nullable(IsoTime),
});
export type SlaClock = v.InferOutput<typeof SlaClock>;

/** A conversation as agents see it. */
export const AgentConversation = v.strictObject({
  ...conversationFields,
  customer: CustomerIdentity,
  sla: SlaClock,
  lastMessageAt: v.nullable(IsoTime),
});
export type AgentConversation = v.InferOutput<typeof AgentConversation>;

/** What changed, so a client can tell the customer ("You are now talking to Piotr"). */
export const UPDATE_REASONS = [
  'claimed',
  'assigned',
  'queued',
  'fallback',
  'transferred',
  'closed',
] as const;

/** `conversation:updated` for customers. */
export const CustomerConversationUpdate = v.strictObject({
  reason: v.picklist(UPDATE_REASONS),
  conversation: CustomerConversation,
});
export type CustomerConversationUpdate = v.InferOutput<typeof CustomerConversationUpdate>;

/** `conversation:updated` for agents. */
export const AgentConversationUpdate = v.strictObject({
  reason: v.picklist(UPDATE_REASONS),
  conversation: AgentConversation,
});
export type AgentConversationUpdate = v.InferOutput<typeof AgentConversationUpdate>;

/** A conversation and its messages after `afterSeq`, as a customer receives them. */
export const CustomerSnapshot = v.strictObject({
  conversation: CustomerConversation,
  messages: v.array(CustomerMessage),
});
export type CustomerSnapshot = v.InferOutput<typeof CustomerSnapshot>;

/** A conversation and its messages after `afterSeq`, notes included, as an agent receives them. */
export const AgentSnapshot = v.strictObject({
  conversation: AgentConversation,
  messages: v.array(Message),
});
export type AgentSnapshot = v.InferOutput<typeof AgentSnapshot>;

/** Names one conversation. */
export const ConversationRef = v.strictObject({ conversationId: Id });
export type ConversationRef = v.InferOutput<typeof ConversationRef>;

/** `conversation:resume` / `conversation:join`: the messages after `afterSeq` are returned. */
export const ResumeConversation = v.strictObject({ conversationId: Id, afterSeq: Seq });
export type ResumeConversation = v.InferOutput<typeof ResumeConversation>;

/** `conversation:start`: a chat without a handoff, to a team's queue. */
export const StartConversation = v.strictObject({
  team: v.optional(PrincipalId),
  locale: v.optional(LanguageTag),
});
export type StartConversation = v.InferOutput<typeof StartConversation>;

/** `conversation:list`: `mine` (assigned to me), `queue` (my teams' queues), `all` (supervisors). */
export const ListConversations = v.strictObject({
  scope: v.picklist(['mine', 'queue', 'all']),
});
export type ListConversations = v.InferOutput<typeof ListConversations>;

/** `conversation:transfer`: to one agent or to a team's queue, with a note that travels along. */
export const TransferConversation = v.strictObject({
  conversationId: Id,
  to: v.variant('kind', [
    v.strictObject({ kind: v.literal('agent'), agentId: PrincipalId }),
    v.strictObject({ kind: v.literal('team'), team: PrincipalId }),
  ]),
  note: v.optional(text(NOTE_MAX)),
});
export type TransferConversation = v.InferOutput<typeof TransferConversation>;

/** One earlier conversation of a customer, for the agent's customer panel. */
export const ConversationSummary = v.strictObject({
  id: Id,
  channel: ChannelSchema,
  state: v.picklist(['waiting', 'queued', 'active', 'closed']),
  createdAt: IsoTime,
  closedAt: v.nullable(IsoTime),
  agentName: v.nullable(label()),
  messageCount: int(0, Number.MAX_SAFE_INTEGER),
});
export type ConversationSummary = v.InferOutput<typeof ConversationSummary>;

/** `customer:history`. Opening it is audit-logged. */
export const CustomerHistoryRequest = v.strictObject({ customerId: PrincipalId });
