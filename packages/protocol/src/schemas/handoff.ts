import * as v from 'valibot';
import { NOTE_MAX, PUBLIC_POST_TEXT_MAX, PUBLIC_THREAD_MAX_POSTS } from '../limits.js';
import {
  ChannelSchema,
  HandoffCode,
  HttpUrl,
  Id,
  IsoTime,
  LanguageTag,
  LocaleSchema,
  label,
  PrincipalId,
  text,
} from './primitives.js';

/** One post of the public thread on X or Facebook, as the agent or the bank's social tool saw it. */
export const PublicPost = v.strictObject({
  /** The author's display name. */
  author: label(),
  /** The author's handle, e.g. `@anna_k` (the bank's own posts carry the bank's handle). */
  handle: label(),
  text: text(PUBLIC_POST_TEXT_MAX),
  postedAt: IsoTime,
  url: v.optional(HttpUrl),
  /** Whether the bank posted it (the agent's reply) rather than the customer. */
  fromBank: v.optional(v.boolean()),
});
export type PublicPost = v.InferOutput<typeof PublicPost>;

/** The public thread imported with a handoff: 1–50 posts, oldest first. */
export const PublicThread = v.pipe(
  v.array(PublicPost),
  v.minLength(1, 'Add at least one public post.'),
  v.maxLength(PUBLIC_THREAD_MAX_POSTS, `At most ${PUBLIC_THREAD_MAX_POSTS} posts.`),
);

const handoffFields = {
  channel: ChannelSchema,
  thread: PublicThread,
  /** The customer's handle on the channel, e.g. `@anna_k`. */
  customerHandle: label(),
  /** The language of the suggested public reply; defaults to the agent's. */
  locale: v.optional(LanguageTag),
  /** A note for whoever picks the conversation up; never shown to the customer. */
  note: v.optional(text(NOTE_MAX)),
};

/** `handoff:create` from an agent: the handoff belongs to that agent. */
export const CreateHandoff = v.strictObject(handoffFields);
export type CreateHandoff = v.InferOutput<typeof CreateHandoff>;

/**
 * `POST /v1/handoffs`. An agent's token owns the handoff itself; a service key (the bank's social
 * tool) must name the agent or the team it belongs to.
 */
export const CreateHandoffRequest = v.strictObject({
  ...handoffFields,
  agentId: v.optional(PrincipalId),
  team: v.optional(PrincipalId),
});
export type CreateHandoffRequest = v.InferOutput<typeof CreateHandoffRequest>;

/** What creating a handoff returns: the public link and a reply to post with it. */
export const HandoffCreated = v.strictObject({
  handoffId: Id,
  code: HandoffCode,
  /** `${PUBLIC_URL}/h/<code>`: safe to post publicly, it grants nothing without sign-in. */
  url: HttpUrl,
  expiresAt: IsoTime,
  /** A public reply in the customer's language, within X's 280 characters with the link. */
  suggestedReply: text(1_000),
  /** The language `suggestedReply` is written in: the handoff's, or the server's default. */
  locale: LocaleSchema,
});
export type HandoffCreated = v.InferOutput<typeof HandoffCreated>;

/** The states of a handoff. `claimed`, `expired` and `revoked` are final. */
export const HANDOFF_STATES = ['pending', 'claimed', 'expired', 'revoked'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

/**
 * Who created a handoff: an agent (in the console, or `POST /v1/handoffs` with an agent's token),
 * or the bank's social tool (`POST /v1/handoffs` with a service key).
 */
export const HANDOFF_SOURCES = ['agent', 'service'] as const;
export type HandoffSource = (typeof HANDOFF_SOURCES)[number];

/** An agent's view of a handoff. */
export const HandoffSummary = v.strictObject({
  id: Id,
  state: v.picklist(HANDOFF_STATES),
  source: v.picklist(HANDOFF_SOURCES),
  channel: ChannelSchema,
  customerHandle: label(),
  agentId: v.nullable(PrincipalId),
  team: PrincipalId,
  createdAt: IsoTime,
  expiresAt: IsoTime,
  /** The first public post's time: the SLA clock starts there. */
  firstPostAt: IsoTime,
  claimedAt: v.nullable(IsoTime),
  conversationId: v.nullable(Id),
  /** The verified bank identity of whoever claimed it, to compare with `customerHandle`. */
  claimedBy: v.nullable(v.strictObject({ customerId: PrincipalId, name: label() })),
});
export type HandoffSummary = v.InferOutput<typeof HandoffSummary>;

/** `handoff:preview` and `POST /v1/handoffs/preview`: the code travels in the body, never a URL. */
export const HandoffCodeRequest = v.strictObject({ code: HandoffCode });
export type HandoffCodeRequest = v.InferOutput<typeof HandoffCodeRequest>;

/**
 * What an unauthenticated visitor may learn from a handoff code: who they will talk to and on
 * which channel it began. Nothing private: no thread, no handle, no note.
 */
export const HandoffPreview = v.strictObject({
  agentName: v.nullable(label()),
  teamName: label(),
  channel: ChannelSchema,
  expiresAt: IsoTime,
});
export type HandoffPreview = v.InferOutput<typeof HandoffPreview>;

/** `handoff:list`: the agent's own handoffs, optionally only those in one state. */
export const ListHandoffs = v.strictObject({ state: v.optional(v.picklist(HANDOFF_STATES)) });

/** `handoff:get`, `handoff:pick` and `handoff:revoke`: one handoff by its id. */
export const HandoffRef = v.strictObject({ handoffId: Id });
export type HandoffRef = v.InferOutput<typeof HandoffRef>;

/** `handoff:revoke`. */
export const RevokeHandoff = HandoffRef;

/**
 * `handoff:get`: what an agent needs to decide on a handoff — above all one the social tool sent —
 * before picking it: the public thread (already redacted), its language and the internal note.
 * No link: the server keeps only the code's hash, so a link is shown once, when it is issued.
 */
export const HandoffDetail = v.strictObject({
  handoff: HandoffSummary,
  thread: v.array(PublicPost),
  locale: v.nullable(LanguageTag),
  note: v.nullable(text(NOTE_MAX)),
});
export type HandoffDetail = v.InferOutput<typeof HandoffDetail>;

/**
 * `handoff:pick`: the agent takes a pending handoff (their own, or their team's that nobody has
 * taken) and gets a link to post with the suggested reply. The link is new — the server can only
 * show a link when it issues one — so any earlier link for this handoff, such as the one the social
 * tool received, stops working. The customer who claims it reaches the picking agent.
 */
export const HandoffPicked = v.strictObject({
  handoff: HandoffSummary,
  link: HandoffCreated,
});
export type HandoffPicked = v.InferOutput<typeof HandoffPicked>;
