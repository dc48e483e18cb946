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
}

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
 * const result = await redactors.redact(conversationId, () => loadRecent(), 'customer', raw);
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
    const entry: Entry = { redactor: createConversationRedactor(), seqs: [], base: 0 };
    for (const message of recent) {
      if (message.kind !== 'text') continue;
      entry.redactor.push(message.text, message.sender.role);
      entry.seqs.push(message.seq);
    }
    entries.set(conversationId, entry);
    if (entries.size > CACHE_MAX) entries.delete(entries.keys().next().value as string);
    return entry;
  }

  return {
    /**
     * Redacts a new text message of `sender`. Returns the text to store, the kinds masked, the
     * amendments to earlier stored messages, and `stored(seq)` to call once the message has its seq.
     */
    async redact(
      conversationId: string,
      loadRecent: () => Promise<readonly Message[]>,
      sender: 'customer' | 'agent',
      raw: string,
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
      const result = entry.redactor.push(raw, sender);
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
