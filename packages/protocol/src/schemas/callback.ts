import * as v from 'valibot';
import { NOTE_MAX } from '../limits.js';
import { Id, IsoTime, label, PhoneE164, PrincipalId, TimeZone, text } from './primitives.js';

/**
 * When the customer would like to be called: an interval in UTC plus the customer's IANA time
 * zone, so the agent sees "18:00–20:00 Moscow time" and the dialer gets exact instants.
 */
export const CallbackWindow = v.pipe(
  v.strictObject({ from: IsoTime, to: IsoTime, timeZone: TimeZone }),
  v.check((w) => Date.parse(w.from) < Date.parse(w.to), 'The window must end after it starts.'),
);
export type CallbackWindow = v.InferOutput<typeof CallbackWindow>;

/**
 * The life of a call-back. `requested` → `scheduled` → `completed` | `no_answer`, or `cancelled`
 * by the customer at any point before it is completed.
 */
export const CALLBACK_STATES = [
  'requested',
  'scheduled',
  'completed',
  'no_answer',
  'cancelled',
] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

/** A call-back request as stored. `note` is redacted like every other text. */
export const Callback = v.strictObject({
  id: Id,
  conversationId: v.nullable(Id),
  customerId: PrincipalId,
  customerName: label(),
  phone: PhoneE164,
  window: CallbackWindow,
  note: v.nullable(text(NOTE_MAX + 200)),
  state: v.picklist(CALLBACK_STATES),
  team: PrincipalId,
  agentId: v.nullable(PrincipalId),
  requestedBy: v.picklist(['customer', 'agent']),
  scheduledFor: v.nullable(IsoTime),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Callback = v.InferOutput<typeof Callback>;

/** `callback:request` from a customer, inside a conversation or from the launcher. */
export const RequestCallback = v.strictObject({
  conversationId: v.optional(Id),
  phone: PhoneE164,
  window: CallbackWindow,
  note: v.optional(text(NOTE_MAX)),
});
export type RequestCallback = v.InferOutput<typeof RequestCallback>;

/** `callback:request` from an agent on the customer's behalf; the phone defaults to the verified one. */
export const AgentRequestCallback = v.strictObject({
  conversationId: Id,
  phone: v.optional(PhoneE164),
  window: CallbackWindow,
  note: v.optional(text(NOTE_MAX)),
});
export type AgentRequestCallback = v.InferOutput<typeof AgentRequestCallback>;

/** Names one call-back. */
export const CallbackRef = v.strictObject({ callbackId: Id });

/** `callback:update` from an agent or the dialer. */
export const UpdateCallback = v.strictObject({
  callbackId: Id,
  state: v.picklist(['scheduled', 'completed', 'no_answer']),
  scheduledFor: v.optional(IsoTime),
});
export type UpdateCallback = v.InferOutput<typeof UpdateCallback>;

/** `callback:list`, optionally only those in one state. */
export const ListCallbacks = v.strictObject({ state: v.optional(v.picklist(CALLBACK_STATES)) });
