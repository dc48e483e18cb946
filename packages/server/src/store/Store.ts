import type { ConversationState, HandoffState, Message } from '@parley/protocol';
import type {
  ArchiveInput,
  ArchiveRecord,
  AuditEntry,
  Callback,
  CallbackState,
  CommittedConversation,
  ConversationHead,
  ConversationPatch,
  ConversationRecord,
  HandoffRecord,
  LegalHold,
  NewMessage,
  ServiceKeyRecord,
  SurveyRecord,
} from './records.js';

/**
 * What {@link Store.appendMessage} did: stored the message, with the conversation as that commit
 * left it (so the relay routes by who holds it now, not by a read from before the write), or
 * found its `clientMsgId` stored.
 */
export type AppendedMessage =
  | { created: true; message: Message; conversation: CommittedConversation }
  | { created: false; message: Message };

/**
 * Everything Parley persists, behind one interface, so SQLite (embedded default) and PostgreSQL
 * (scale-out) are interchangeable. Both pass the same contract suite (`storeContract.ts`).
 *
 * Rules every implementation keeps:
 * - Every method that changes a conversation and names an `archive` entry writes both in ONE
 *   transaction, so the archive is complete by construction. The store links the entry into the
 *   conversation's hash chain (`linkArchive` in `archiveChain.ts`).
 * - Atomic decisions are made in the store, never read-then-write in a service: a handoff is
 *   claimed once, a queued conversation is assigned once, a fallback fires once, `seq` is gap-free.
 * - Texts arrive already redacted; the store never sees an unredacted number.
 * - Times are compared as text, so they are written in `Date#toISOString()` form.
 * - Lists come newest first unless a method says otherwise; an empty `teams` or `states` list
 *   matches nothing.
 */
export interface Store {
  /** Creates or upgrades the schema. Idempotent. */
  migrate(): Promise<void>;
  /** Throws if the database cannot be reached (for `/readyz`). */
  ping(): Promise<void>;
  close(): Promise<void>;

  // ── Handoffs ────────────────────────────────────────────────────────────────────────────────
  /**
   * Stores a new handoff. It has no conversation (and so no archive chain) yet: its
   * `handoff_created` entry is written at claim time, into the new conversation's chain.
   */
  insertHandoff(handoff: HandoffRecord): Promise<void>;
  getHandoff(id: string): Promise<HandoffRecord | null>;
  /** Looks a handoff up by the SHA-256 of its code; the same query path for every code. */
  getHandoffByCodeHash(codeHash: string): Promise<HandoffRecord | null>;
  /**
   * `forAgent` narrows to what one agent handles: theirs, and their teams' that no agent has been
   * given yet (the social tool's handoffs for a team). It combines with the other filters.
   */
  listHandoffs(filter: {
    agentId?: string;
    teams?: string[];
    states?: HandoffState[];
    forAgent?: { agentId: string; teams: string[] };
    limit: number;
  }): Promise<HandoffRecord[]>;
  /**
   * Claims a pending, unexpired handoff for a customer and creates its conversation, atomically:
   * of any number of concurrent claims of one code, exactly one returns `claimed`.
   */
  claimHandoff(claim: {
    codeHash: string;
    now: string;
    customer: { customerId: string; name: string };
    conversation: ConversationRecord;
    archive: ArchiveInput[];
  }): Promise<
    | { outcome: 'claimed'; handoff: HandoffRecord; conversation: ConversationRecord }
    | { outcome: 'not_found' | 'expired' | 'already_claimed' | 'revoked' }
  >;
  /**
   * Gives a pending, unexpired handoff to an agent with a new code hash, atomically: only if it has
   * no agent yet or is already theirs, so of two agents picking one team handoff exactly one wins.
   * The old code stops matching. Null if it is not pickable (any more) for this agent.
   */
  pickHandoff(pick: {
    id: string;
    agentId: string;
    agentName: string;
    codeHash: string;
    now: string;
  }): Promise<HandoffRecord | null>;
  /** Revokes a pending handoff; null if it is not pending. */
  revokeHandoff(id: string, now: string): Promise<HandoffRecord | null>;
  /** Marks pending handoffs past `expiresAt` as expired and returns them (each once). */
  expireHandoffs(now: string): Promise<HandoffRecord[]>;

  // ── Conversations ───────────────────────────────────────────────────────────────────────────
  insertConversation(conversation: ConversationRecord, archive: ArchiveInput[]): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | null>;
  /** The conversation's head: what authorising and appending a message need; null if none. */
  getConversationHead(id: string): Promise<ConversationHead | null>;
  listConversations(filter: {
    agentId?: string;
    teams?: string[];
    states?: ConversationState[];
    customerId?: string;
    /** Only those with no agent reply yet whose SLA deadline is at or before this time. */
    unansweredBy?: string;
    limit: number;
  }): Promise<ConversationRecord[]>;
  /**
   * Compare-and-set on a conversation's state: applies `patch` only if the state is one of
   * `from` (and, with `fallbackDueBy`, only if `fallbackAt <= fallbackDueBy`; with `agentId`,
   * only if assigned to that agent). Returns the updated record, or null when the condition
   * failed because someone else moved first.
   */
  transitionConversation(
    id: string,
    condition: { from: ConversationState[]; fallbackDueBy?: string; agentId?: string | null },
    patch: ConversationPatch,
    archive: ArchiveInput | null,
  ): Promise<ConversationRecord | null>;
  /** Ids of waiting conversations whose fallback deadline has passed. */
  dueFallbacks(now: string): Promise<string[]>;
  /** Ids of open (not closed) conversations with no activity since `before`. */
  idleConversations(before: string): Promise<string[]>;
  /** Raises a side's read marker to `seq` (never lowers it, never past `lastSeq`). */
  markRead(id: string, role: 'customer' | 'agent', seq: number): Promise<void>;
  /** 1-based position of a queued conversation in its team's queue, or null if not queued. */
  queuePosition(id: string): Promise<number | null>;
  /** The size of a team's queue and when its oldest entry joined. */
  queueStats(team: string): Promise<{ size: number; oldestSince: string | null }>;

  // ── Messages ────────────────────────────────────────────────────────────────────────────────
  /**
   * Appends a message with the next `seq`, atomically, with its archive entry. Idempotent by
   * `(conversationId, clientMsgId)`: a repeat returns the stored original with `created: false`.
   * An agent's first text message sets the conversation's `firstReplyAt`. A person's message
   * (`text` or `note`) to a closed conversation throws `CONVERSATION_CLOSED` and stores nothing,
   * decided in the same transaction as the append, so no message lands after a close; the
   * server's own `system` lines (the closing line among them) are always appended. Resolves once the
   * message is durable. `onCommitted` runs as soon as it is committed and readable on every
   * connection, which on SQLite comes before the WAL reaches the disk: what is relayed from
   * there survives a crash of the process, and only a power cut in the next milliseconds could
   * still lose it — while its sender, not yet acknowledged, keeps it in its outbox to resend.
   */
  appendMessage(
    message: NewMessage,
    archive: ArchiveInput,
    onCommitted?: (appended: AppendedMessage) => void,
  ): Promise<AppendedMessage>;
  /** Messages with `seq > afterSeq`, in order; notes only with `includeNotes`. */
  listMessages(
    conversationId: string,
    afterSeq: number,
    options: { includeNotes: boolean },
  ): Promise<Message[]>;
  /**
   * Overwrites a message's text with a further-redacted one (the superseded text is not kept)
   * and archives the amendment. Returns the updated message, or null if there is none at `seq`.
   */
  amendMessage(
    conversationId: string,
    seq: number,
    update: { text: string; redactions: Message['redactions'] },
    archive: ArchiveInput,
  ): Promise<Message | null>;

  // ── Archive ─────────────────────────────────────────────────────────────────────────────────
  /** Appends a stand-alone archive entry (transfer notes, callbacks, surveys). */
  appendArchive(conversationId: string, archive: ArchiveInput): Promise<ArchiveRecord>;
  listArchive(conversationId: string): Promise<ArchiveRecord[]>;
  /** Every conversation id that has archive entries, for `verify-archive`. */
  listArchivedConversationIds(): Promise<string[]>;

  // ── Callbacks ───────────────────────────────────────────────────────────────────────────────
  insertCallback(callback: Callback, archive: ArchiveInput | null): Promise<void>;
  getCallback(id: string): Promise<Callback | null>;
  listCallbacks(filter: {
    teams?: string[];
    customerId?: string;
    states?: CallbackState[];
    limit: number;
  }): Promise<Callback[]>;
  /** Compare-and-set on a callback's state; null if its state is not one of `from`. */
  updateCallback(
    id: string,
    from: CallbackState[],
    patch: Partial<Pick<Callback, 'state' | 'scheduledFor' | 'agentId' | 'updatedAt'>>,
    archive: ArchiveInput | null,
  ): Promise<Callback | null>;

  // ── Surveys ─────────────────────────────────────────────────────────────────────────────────
  /** Saves a conversation's one survey answer; a repeat returns the first with `created: false`. */
  insertSurvey(
    survey: SurveyRecord,
    archive: ArchiveInput,
  ): Promise<{ survey: SurveyRecord; created: boolean }>;
  listSurveys(filter: { from?: string; to?: string; customerId?: string }): Promise<SurveyRecord[]>;

  // ── Compliance ──────────────────────────────────────────────────────────────────────────────
  insertLegalHold(hold: LegalHold): Promise<void>;
  releaseLegalHold(id: string, by: string, at: string): Promise<LegalHold | null>;
  listLegalHolds(filter: { customerId?: string; activeOnly?: boolean }): Promise<LegalHold[]>;
  insertAudit(entry: AuditEntry): Promise<void>;
  /**
   * Newest first. Page with the last entry's `at` as `before` and its `id` as `beforeId`, so
   * entries sharing a timestamp are not skipped between pages.
   */
  listAudit(filter: { before?: string; beforeId?: string; limit: number }): Promise<AuditEntry[]>;
  /**
   * Deletes closed conversations closed before `cutoff` (messages, archive, callbacks and surveys
   * with them), except those of customers under an active legal hold.
   */
  purgeClosedBefore(cutoff: string): Promise<{ conversations: number }>;
  /** Erases everything of one customer; refuses with `held: true` under an active legal hold. */
  eraseCustomer(
    customerId: string,
  ): Promise<{ held: true } | { held: false; conversations: number; callbacks: number }>;

  // ── Access ──────────────────────────────────────────────────────────────────────────────────
  insertServiceKey(key: ServiceKeyRecord): Promise<void>;
  getServiceKeyByHash(keyHash: string): Promise<ServiceKeyRecord | null>;
  /** Withdraws an agent's access by `sub`; connected sockets are dropped by the server. */
  denySubject(sub: string, at: string): Promise<void>;
  isDenied(sub: string): Promise<boolean>;
}
