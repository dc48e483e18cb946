import { randomBytes } from 'node:crypto';
import { verifyChain } from '../archiveChain.js';
import type {
  ArchiveInput,
  AuditEntry,
  Callback,
  ConversationRecord,
  HandoffRecord,
  LegalHold,
  NewMessage,
  SurveyRecord,
} from '../records.js';
import type { Store } from '../Store.js';

/**
 * Builders for the contract suite: valid records with unique ids and a fixed clock, so each case
 * states only what it is about. Times are minutes from a fixed instant, in `toISOString()` form.
 */

const EPOCH = Date.parse('2026-03-02T09:00:00.000Z');

/** The instant `minutes` after the suite's epoch, e.g. `at(5)` = 09:05. */
export function at(minutes: number): string {
  return new Date(EPOCH + minutes * 60_000).toISOString();
}

/** A fresh id in Parley's shape (`cv_` + 22 characters). */
export function id(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}

/** A pending handoff by agent `olga` of team `care`, valid from minute 0 to minute 60. */
export function makeHandoff(overrides: Partial<HandoffRecord> = {}): HandoffRecord {
  return {
    id: id('ho'),
    codeHash: randomBytes(32).toString('hex'),
    state: 'pending',
    channel: 'x',
    thread: [{ author: 'Anna', handle: '@anna_k', text: 'My card is blocked', postedAt: at(-5) }],
    customerHandle: '@anna_k',
    locale: 'en',
    note: 'Blocked card, wants a call',
    agentId: 'olga',
    agentName: 'Olga',
    team: 'care',
    createdBy: 'olga',
    createdAt: at(0),
    expiresAt: at(60),
    firstPostAt: at(-5),
    claimedAt: null,
    claimedBy: null,
    conversationId: null,
    ...overrides,
  };
}

/** An active conversation of customer `customerId` with `olga` of team `care`. */
export function makeConversation(
  overrides: Partial<ConversationRecord> = {},
  customerId = id('cu'),
): ConversationRecord {
  return {
    id: id('cv'),
    channel: 'x',
    team: 'care',
    handoffId: null,
    publicThread: [],
    customer: {
      id: customerId,
      name: 'Anna Kowalska',
      phone: '+48601234567',
      locale: 'pl',
      socialHandle: '@anna_k',
    },
    createdAt: at(1),
    state: 'active',
    agentId: 'olga',
    agentName: 'Olga',
    fallbackAt: null,
    queuedAt: null,
    closedAt: null,
    closedBy: null,
    slaStartedAt: at(-5),
    slaDeadline: at(55),
    firstReplyAt: null,
    lastSeq: 0,
    lastMessageAt: null,
    lastActivityAt: at(1),
    customerReadSeq: 0,
    agentReadSeq: 0,
    ...overrides,
  };
}

/** A queued conversation of team `team` that joined the queue at `queuedAt`. */
export function makeQueued(
  team: string,
  queuedAt: string,
  idOverride?: string,
): ConversationRecord {
  return makeConversation({
    ...(idOverride !== undefined && { id: idOverride }),
    team,
    state: 'queued',
    agentId: null,
    agentName: null,
    queuedAt,
  });
}

/** A customer's text message (override `kind`/`sender` for agents, notes and system lines). */
export function makeMessage(
  conversationId: string,
  overrides: Partial<NewMessage> = {},
): NewMessage {
  return {
    id: id('m'),
    conversationId,
    clientMsgId: null,
    kind: 'text',
    sender: { role: 'customer', id: 'anna', name: 'Anna' },
    text: 'Hello',
    redactions: [],
    createdAt: at(2),
    ...overrides,
  };
}

/** The sender of an agent's messages. */
export const OLGA = { role: 'agent', id: 'olga', name: 'Olga' } as const;

/** An archive entry of `type` at minute 2 by the system. */
export function entry(
  type: ArchiveInput['type'],
  overrides: Partial<ArchiveInput> = {},
): ArchiveInput {
  return {
    type,
    at: at(2),
    actor: { role: 'system', id: null, name: null },
    seq: null,
    text: null,
    data: {},
    ...overrides,
  };
}

/** A requested call-back of team `care`, without a conversation unless given one. */
export function makeCallback(overrides: Partial<Callback> = {}): Callback {
  return {
    id: id('cb'),
    conversationId: null,
    customerId: id('cu'),
    customerName: 'Anna Kowalska',
    phone: '+48601234567',
    window: { from: at(120), to: at(240), timeZone: 'Europe/Warsaw' },
    note: 'About the blocked card',
    state: 'requested',
    team: 'care',
    agentId: null,
    requestedBy: 'customer',
    scheduledFor: null,
    createdAt: at(3),
    updatedAt: at(3),
    ...overrides,
  };
}

/** A survey answer for a conversation. */
export function makeSurvey(
  conversation: ConversationRecord,
  overrides: Partial<SurveyRecord> = {},
): SurveyRecord {
  return {
    conversationId: conversation.id,
    customerId: conversation.customer.id,
    score: 9,
    comment: 'Quick and kind',
    agentId: conversation.agentId,
    agentName: conversation.agentName,
    channel: conversation.channel,
    submittedAt: at(30),
    ...overrides,
  };
}

/** An active legal hold on a customer. */
export function makeHold(customerId: string, overrides: Partial<LegalHold> = {}): LegalHold {
  return {
    id: id('lh'),
    customerId,
    reason: 'Fraud investigation 2026-114',
    createdBy: 'compliance-kate',
    createdAt: at(0),
    releasedAt: null,
    releasedBy: null,
    ...overrides,
  };
}

/** An audit entry. */
export function makeAudit(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: id('au'),
    at: at(0),
    actor: { id: 'compliance-kate', role: 'compliance' },
    action: 'transcript.view',
    target: id('cv'),
    requestId: null,
    ...overrides,
  };
}

/** Each message's current text by `seq`, notes included, as `verifyChain` takes them. */
export async function currentTexts(
  store: Store,
  conversationId: string,
): Promise<Map<number, string>> {
  const messages = await store.listMessages(conversationId, 0, { includeNotes: true });
  return new Map(messages.map((message) => [message.seq, message.text]));
}

/** Verifies a stored conversation's chain against its messages' current texts. */
export async function verifyStored(store: Store, key: Uint8Array, conversationId: string) {
  return verifyChain(
    key,
    await store.listArchive(conversationId),
    await currentTexts(store, conversationId),
  );
}
