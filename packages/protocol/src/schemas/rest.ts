import * as v from 'valibot';
import { PAGE_LIMIT_REGEX } from '../regex.js';
import { AuditEntry, LegalHold, Transcript } from './archive.js';
import { CALLBACK_STATES, Callback } from './callback.js';
import { ConversationSummary } from './conversation.js';
import {
  CHANNELS,
  ChannelSchema,
  HttpUrl,
  IsoTime,
  int,
  label,
  PrincipalId,
  ROLES,
} from './primitives.js';
import { SubmitSurvey } from './survey.js';

/** The shapes only the REST API carries; socket payloads are reused where they fit. */

/** `GET /v1/callbacks` query. */
export const CallbackListQuery = v.strictObject({
  state: v.optional(v.picklist(CALLBACK_STATES)),
  team: v.optional(PrincipalId),
});

/** `GET /v1/callbacks` answer. */
export const CallbackList = v.strictObject({ callbacks: v.array(Callback) });
export type CallbackList = v.InferOutput<typeof CallbackList>;

/** `GET /v1/conversations/:id/transcript` query. */
export const TranscriptQuery = v.strictObject({
  format: v.optional(v.picklist(['json', 'txt'])),
});

/** `GET /v1/reports/nps` query: an optional UTC range. */
export const NpsQuery = v.strictObject({ from: v.optional(IsoTime), to: v.optional(IsoTime) });

/** `GET /v1/legal-holds` answer. */
export const LegalHoldList = v.strictObject({ holds: v.array(LegalHold) });

/** `GET /v1/audit` query: newest first, `before` pages back. */
export const AuditQuery = v.strictObject({
  before: v.optional(IsoTime),
  limit: v.optional(
    v.pipe(v.string(), v.regex(PAGE_LIMIT_REGEX, 'Must be a whole number from 1 to 999.')),
  ),
});

/** `GET /v1/audit` answer. */
export const AuditLog = v.strictObject({ entries: v.array(AuditEntry) });

/** `GET /v1/customers/:customerId/export`: everything Parley holds about one customer. */
export const CustomerExport = v.strictObject({
  customerId: PrincipalId,
  exportedAt: IsoTime,
  conversations: v.array(Transcript),
  callbacks: v.array(Callback),
  surveys: v.array(v.strictObject({ ...SubmitSurvey.entries, submittedAt: IsoTime })),
  legalHolds: v.array(LegalHold),
});
export type CustomerExport = v.InferOutput<typeof CustomerExport>;

/** `DELETE /v1/customers/:customerId` answer. */
export const ErasureReceipt = v.strictObject({
  customerId: PrincipalId,
  erasedConversations: int(0, Number.MAX_SAFE_INTEGER),
  erasedCallbacks: int(0, Number.MAX_SAFE_INTEGER),
});

/** `POST /v1/agents/:agentId/deny` answer. */
export const AccessWithdrawn = v.strictObject({ agentId: PrincipalId, deniedAt: IsoTime });

/** `POST /v1/demo/sign-in` (demo mode only): a demo customer's identity token. */
export const DemoSignIn = v.strictObject({ name: v.optional(label()) });
export const DemoIdentity = v.strictObject({ identityToken: v.string(), expiresAt: IsoTime });

/** Every REST error body. */
export const ErrorBody = v.strictObject({
  error: v.strictObject({
    code: v.string(),
    message: v.string(),
    path: v.optional(v.string()),
    requestId: v.optional(v.string()),
  }),
});

/** `GET /v1/console/config`: what the console needs before anyone signs in. Nothing secret. */
export const ConsoleConfig = v.strictObject({
  demo: v.boolean(),
  /** The bank's agent sign-on page; null where the demo's agent picker is used instead. */
  signInUrl: v.nullable(HttpUrl),
  demoAgents: v.array(
    v.strictObject({ id: PrincipalId, name: label(), roles: v.array(v.picklist(ROLES)) }),
  ),
  teams: v.array(v.strictObject({ id: PrincipalId, name: label() })),
  /** SLA targets per channel, in minutes. */
  slaMinutes: v.strictObject(
    Object.fromEntries(CHANNELS.map((c) => [c, int(1, 100_000)])) as Record<
      (typeof CHANNELS)[number],
      ReturnType<typeof int>
    >,
  ),
});
export type ConsoleConfig = v.InferOutput<typeof ConsoleConfig>;

/** `POST /v1/demo/agent-token` (demo mode only): a demo agent's token for the console. */
export const DemoAgentTokenRequest = v.strictObject({ agentId: PrincipalId });
export const DemoAgentToken = v.strictObject({ token: v.string(), expiresAt: IsoTime });

/** `GET /v1/conversations` query, for compliance and supervisors. */
export const ConversationSearchQuery = v.strictObject({
  customerId: v.optional(PrincipalId),
  channel: v.optional(ChannelSchema),
  from: v.optional(IsoTime),
  to: v.optional(IsoTime),
});

/** One hit of a conversation search. */
export const ConversationSearchHit = v.strictObject({
  ...ConversationSummary.entries,
  team: PrincipalId,
  customerId: PrincipalId,
  customerName: label(),
});
export type ConversationSearchHit = v.InferOutput<typeof ConversationSearchHit>;

/** `GET /v1/conversations` answer. */
export const ConversationSearch = v.strictObject({ conversations: v.array(ConversationSearchHit) });
