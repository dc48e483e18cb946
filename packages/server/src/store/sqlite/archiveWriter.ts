import { GENESIS_HASH, isMessageLike, linkArchive, macText } from '../archiveChain.js';
import type { ArchiveInput, ArchiveRecord } from '../records.js';
import type { SqliteContext } from './context.js';
import { type ArchiveRow, toArchiveRecord } from '../conversationRows.js';

/**
 * Links entries onto the end of a conversation's chain. Call inside the transaction that makes
 * the change being archived, so the change and its entry commit together or not at all.
 * Message-like entries keep only a MAC of their text (see `ArchiveInput.text`).
 *
 * @example
 * ctx.write(() => { updateSomething(); appendArchiveEntries(ctx, conversationId, [entry]); });
 */
export function appendArchiveEntries(
  ctx: SqliteContext,
  conversationId: string,
  inputs: readonly ArchiveInput[],
): ArchiveRecord[] {
  const head = ctx
    .stmt('SELECT idx, hash FROM archive WHERE conversation_id = ? ORDER BY idx DESC LIMIT 1')
    .get(conversationId) as { idx: number; hash: string } | undefined;
  let index = head?.idx ?? 0;
  let previous = head?.hash ?? GENESIS_HASH;
  const records: ArchiveRecord[] = [];
  for (const input of inputs) {
    index += 1;
    const messageLike = isMessageLike(input.type);
    const unsigned: Omit<ArchiveRecord, 'hash'> = {
      conversationId,
      index,
      type: input.type,
      at: input.at,
      actor: { role: input.actor.role, id: input.actor.id, name: input.actor.name },
      seq: input.seq,
      text: messageLike ? null : input.text,
      textMac: messageLike && input.text !== null ? macText(ctx.chainKey, input.text) : null,
      data: input.data,
    };
    const record: ArchiveRecord = {
      ...unsigned,
      hash: linkArchive(ctx.chainKey, previous, unsigned),
    };
    ctx
      .stmt(
        `INSERT INTO archive (conversation_id, idx, type, at, actor, seq, text, text_mac, data, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        conversationId,
        index,
        record.type,
        record.at,
        JSON.stringify(record.actor),
        record.seq,
        record.text,
        record.textMac,
        JSON.stringify(record.data),
        record.hash,
      );
    records.push(record);
    previous = record.hash;
  }
  return records;
}

/** A conversation's chain in order. */
export function readArchive(ctx: SqliteContext, conversationId: string): ArchiveRecord[] {
  const rows = ctx
    .stmt('SELECT * FROM archive WHERE conversation_id = ? ORDER BY idx')
    .all(conversationId) as ArchiveRow[];
  return rows.map(toArchiveRecord);
}
