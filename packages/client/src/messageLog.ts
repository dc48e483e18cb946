/** What the log needs of a message: its position and the fields an amendment replaces. */
export interface Sequenced {
  seq: number;
  text: string;
  redactions: readonly string[];
}

/**
 * A conversation's messages as the client holds them: ordered by `seq`, each once, however often
 * it arrives (a live push, then again in a resume). Delivery is guaranteed by the store and `seq`,
 * not the transport, so the log also says from where to resume: the highest `seq` held without a
 * gap below it.
 *
 * @example
 * const log = createMessageLog<CustomerMessage>();
 * log.merge(snapshot.messages);
 * socket.on('message:new', (m) => { if (log.merge([m]).gap) resume(log.contiguousSeq()); });
 */
export function createMessageLog<T extends Sequenced>() {
  const bySeq = new Map<number, T>();
  let sorted: T[] = [];
  let contiguous = 0;

  const advance = () => {
    while (bySeq.has(contiguous + 1)) contiguous += 1;
  };

  return {
    /** The messages in order. */
    messages: (): readonly T[] => sorted,
    /** The highest seq held with every seq below it held too: resume from here. */
    contiguousSeq: (): number => contiguous,
    /**
     * Adds messages, ignoring any already held. `gap` is true when something newer than the
     * contiguous run arrived, i.e. a message in between was missed and a resume is due.
     */
    merge(messages: readonly T[]): { added: number; gap: boolean } {
      let added = 0;
      for (const message of messages) {
        if (bySeq.has(message.seq)) continue;
        bySeq.set(message.seq, message);
        added += 1;
      }
      if (added > 0) {
        sorted = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
        advance();
      }
      return { added, gap: bySeq.size > contiguous };
    },
    /** Replaces a message's text after a late redaction; the old text is not kept. */
    amend(seq: number, text: string, redactions: readonly string[]): boolean {
      const message = bySeq.get(seq);
      if (message === undefined) return false;
      const amended = { ...message, text, redactions };
      bySeq.set(seq, amended);
      sorted = sorted.map((m) => (m.seq === seq ? amended : m));
      return true;
    },
    /** Forgets everything (another conversation opens). */
    clear(): void {
      bySeq.clear();
      sorted = [];
      contiguous = 0;
    },
  };
}

/** A message log. */
export type MessageLog<T extends Sequenced> = ReturnType<typeof createMessageLog<T>>;
