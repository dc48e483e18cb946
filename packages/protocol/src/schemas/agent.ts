import * as v from 'valibot';
import { AgentConversation } from './conversation.js';
import { HandoffSummary } from './handoff.js';
import { Id, IsoTime, int, label, PrincipalId } from './primitives.js';

/** An agent's availability. `offline` is implied by having no connected console. */
export const PRESENCE_STATES = ['online', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCE_STATES)[number];

/** `presence:set`. */
export const SetPresence = v.strictObject({ status: v.picklist(['online', 'away']) });
export type SetPresence = v.InferOutput<typeof SetPresence>;

/** One agent of the caller's teams, for transfers. */
export const AgentPresence = v.strictObject({
  id: PrincipalId,
  name: label(),
  team: PrincipalId,
  status: v.picklist(PRESENCE_STATES),
});
export type AgentPresence = v.InferOutput<typeof AgentPresence>;

/** `handoff:claimed`: the customer signed in and claimed the link; the public thread comes along. */
export const HandoffClaimed = v.strictObject({
  handoff: HandoffSummary,
  conversation: AgentConversation,
});
export type HandoffClaimed = v.InferOutput<typeof HandoffClaimed>;

/** `queue:updated`: a team's queue changed. */
export const QueueUpdate = v.strictObject({
  team: PrincipalId,
  size: int(0, Number.MAX_SAFE_INTEGER),
  oldestSince: v.nullable(IsoTime),
});
export type QueueUpdate = v.InferOutput<typeof QueueUpdate>;

/** `sla:warning`: half the SLA target has passed, or it has been breached. */
export const SlaWarning = v.strictObject({
  conversationId: Id,
  level: v.picklist(['half', 'breached']),
  deadline: IsoTime,
});
export type SlaWarning = v.InferOutput<typeof SlaWarning>;
