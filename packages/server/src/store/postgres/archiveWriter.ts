import type { PoolClient } from 'pg';
import { GENESIS_HASH, isMessageLike, linkArchive, macText } from '../archiveChain.js';
import { type ArchiveRow, toArchiveRecord } from '../conversationRows.js';
import type { ArchiveInput, ArchiveRecord } from '../records.js';
import { jsonParam, type PgContext } from './context.js';

/**
 * Row-locks a conversation for the rest of the transaction and returns its `lastSeq`, or null if
 * there is no such conversation. Every writer of a conversation's messages or archive takes this
 * lock first, so two nodes never read the same `lastSeq` or chain head. `FOR NO KEY UPDATE` is the
 * lock an `UPDATE conversations` takes anyway. Unlike `FOR UPDATE`, it does not block the
 * key-share locks that inserting a message, call-back or survey takes for its foreign key.
 *
 * @example
 * await withTransaction(pool, async (client) => {
 *   if ((await lockConversation(client, id)) === null) throw new Error(`No conversation ${id}.`);
 *   // … read and write the conversation's chain …
 * });
 */
export async function lockConversation(
  client: PoolClient,
  conversationId: string,
): Promise<number | null> {
  const { rows } = await client.query<{ last_seq: number }>(
    'SELECT last_seq FROM conversations WHERE id = $1 FOR NO KEY UPDATE',
    [conversationId],
  );
  return rows[0]?.last_seq ?? null;
}

/**
 * Links entries onto the end of a conversation's chain. Call inside the transaction that makes
 * the change being archived, so the change and its entry commit together or not at all.
 * Message-like entries keep only a MAC of their text (see `ArchiveInput.text`). Throws if the
 * conversation does not exist. A caller whose transaction already holds the conversation's row
 * lock (an `UPDATE conversations` takes it) passes `{ lockHeld: true }` to save the round trip.
 *
 * @example
 * await withTransaction(ctx.pool, async (client) => {
 *   await updateSomething(client);
 *   await appendArchiveEntries(ctx, client, conversationId, [entry]);
 * });
 */
export async function appendArchiveEntries(
  ctx: PgContext,
  client: PoolClient,
  conversationId: string,
  inputs: readonly ArchiveInput[],
  options: { lockHeld?: boolean } = {},
): Promise<ArchiveRecord[]> {
  if (inputs.length === 0) return [];
  if (options.lockHeld !== true && (await lockConversation(client, conversationId)) === null) {
    throw new Error(`No conversation ${conversationId}.`);
  }
  // A separate statement, run once the lock is held: under READ COMMITTED each statement reads a
  // fresh snapshot, so it sees the entries of whoever held the lock before. A single statement
  // that both waited for the lock and read the head would read the head from before the wait.
  const { rows } = await client.query<{ idx: number; hash: string }>(
    'SELECT idx, hash FROM archive WHERE conversation_id = $1 ORDER BY idx DESC LIMIT 1',
    [conversationId],
  );
  let index = rows[0]?.idx ?? 0;
  let previous = rows[0]?.hash ?? GENESIS_HASH;
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
    // Hashed from the record as built here, never from a database round trip: jsonb does not
    // keep key order, and linkArchive's canonical JSON does not depend on it.
    const record: ArchiveRecord = {
      ...unsigned,
      hash: linkArchive(ctx.chainKey, previous, unsigned),
    };
    await client.query(
      `INSERT INTO archive (conversation_id, idx, type, at, actor, seq, text, text_mac, data, hash)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9::jsonb, $10)`,
      [
        conversationId,
        index,
        record.type,
        record.at,
        jsonParam(record.actor),
        record.seq,
        record.text,
        record.textMac,
        jsonParam(record.data),
        record.hash,
      ],
    );
    records.push(record);
    previous = record.hash;
  }
  return records;
}

/**
 * A conversation's chain in order.
 *
 * @example
 * const result = verifyChain(chainKey, await readArchive(ctx, conversationId));
 */
export async function readArchive(
  ctx: PgContext,
  conversationId: string,
): Promise<ArchiveRecord[]> {
  const { rows } = await ctx.pool.query<ArchiveRow>(
    'SELECT * FROM archive WHERE conversation_id = $1 ORDER BY idx',
    [conversationId],
  );
  return rows.map(toArchiveRecord);
}
