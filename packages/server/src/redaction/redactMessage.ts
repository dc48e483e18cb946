import type { Message, RedactionKind } from '@parley/protocol';
import { type ConversationRedactor, createConversationRedactor } from '@parley/protocol/redact';
import type { Metrics } from '../metrics/createMetrics.js';

/** A stored message whose text must change because a number was split across two messages. */
export interface Amendment {
  seq: number;
  text: string;
  redactions: RedactionKind[];
}

interface Entry {
  redactor: ConversationRedactor;
  /** The `seq` each recent push became, from push index `base` on; -1 until stored. */
  seqs: number[];
  base: number;
  /** The latest messages' `senderId` + `clientMsgId`, oldest first, at most SEQS_KEPT. */
  sent: Set<string>;
}

/** One message's idempotency key, as a string. */
const sentKey = (senderId: string | null, clientMsgId: string | null) =>
  `${senderId ?? ''}\u0000${clientMsgId ?? ''}`;

/**
 * Pushes whose seq is remembered. The engine only ever amends a sender's previous message, and
 * it tracks at most a handful of senders, so older pushes can never be amended.
 */
const SEQS_KEPT = 64;

/** Conversations whose redactor state this node keeps; the least recently used is dropped. */
const CACHE_MAX = 10_000;

/**
 * The split-number check's state per conversation. The engine keeps the raw tail of each sender's
 * last message (a fragment like "40817810" may be masked on its own, and only the raw digits let
 * the next message complete it), so the state lives in memory, never in the store. After a
 * restart, or on another node, it is rebuilt from the stored (redacted) messages.
 *
 * @example
 * const redactors = createRedactorCache(metrics);
 * const result = await redactors.redact(id, () => loadRecent(), anna, { clientMsgId, text });
 */
export function createRedactorCache(metrics: Metrics) {
  const entries = new Map<string, Entry>();

  function entryFor(conversationId: string, recent: readonly Message[]): Entry {
    const cached = entries.get(conversationId);
    if (cached !== undefined) {
      entries.delete(conversationId);
      entries.set(conversationId, cached);
      return cached;
    }
    const entry: Entry = {
      redactor: createConversationRedactor(),
      seqs: [],
      base: 0,
      sent: new Set(),
    };
    for (const message of recent) {
      if (message.kind !== 'text') continue;
      remember(entry, sentKey(message.sender.id, message.clientMsgId));
      entry.redactor.push(message.text, message.sender.role);
      entry.seqs.push(message.seq);
    }
    entries.set(conversationId, entry);
    if (entries.size > CACHE_MAX) entries.delete(entries.keys().next().value as string);
    return entry;
  }

  function remember(entry: Entry, key: string): void {
    entry.sent.add(key);
    if (entry.sent.size > SEQS_KEPT) entry.sent.delete(entry.sent.values().next().value as string);
  }

  return {
    /**
     * Whether this node holds the conversation's state and has not seen this message among the
     * latest: then it is new here, and redacting it needs nothing from the store. Otherwise the
     * caller reads the latest messages, to rebuild the state or to answer a resend with its
     * original instead of pushing it twice. (A resend whose original went through another node is
     * still caught by the store's idempotency.)
     */
    isFresh(conversationId: string, senderId: string, clientMsgId: string): boolean {
      const entry = entries.get(conversationId);
      return entry !== undefined && !entry.sent.has(sentKey(senderId, clientMsgId));
    },
    /**
     * Redacts a new text message of `sender`. Returns the text to store, the kinds masked, the
     * amendments to earlier stored messages, and `stored(seq)` to call once the message has its seq.
     */
    async redact(
      conversationId: string,
      loadRecent: () => Promise<readonly Message[]>,
      sender: { role: 'customer' | 'agent'; id: string },
      message: { clientMsgId: string; text: string },
    ) {
      const entry = entries.has(conversationId)
        ? entryFor(conversationId, [])
        : entryFor(conversationId, await loadRecent());
      if (entry.seqs.length >= 2 * SEQS_KEPT) {
        entry.seqs = entry.seqs.slice(SEQS_KEPT);
        entry.base += SEQS_KEPT;
      }
      const index = entry.base + entry.seqs.length;
      entry.seqs.push(-1);
      remember(entry, sentKey(sender.id, message.clientMsgId));
      const result = entry.redactor.push(message.text, sender.role);
      const kinds = new Set<RedactionKind>();
      for (const finding of result.findings) {
        kinds.add(finding.kind);
        metrics.redactions.inc({ kind: finding.kind });
      }
      const amendments: Amendment[] = [];
      for (const amended of result.amended) {
        const seq = entry.seqs[amended.index - entry.base] ?? -1;
        if (seq > 0) amendments.push({ seq, text: amended.text, redactions: [...kinds] });
      }
      return {
        text: result.text,
        redactions: [...kinds],
        amendments,
        stored(seq: number): void {
          if (index >= entry.base) entry.seqs[index - entry.base] = seq;
        },
      };
    },
    /** Forgets a conversation (closed or erased). */
    forget(conversationId: string): void {
      entries.delete(conversationId);
    },
  };
}

/** The split-number check of one node. */
export type RedactorCache = ReturnType<typeof createRedactorCache>;
