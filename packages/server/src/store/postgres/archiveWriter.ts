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

/** The last entry of a conversation's chain, or null before its first. */
export interface ChainHead {
  idx: number;
  hash: string;
}

/**
 * The chain head as the transaction sees it now. Read it in a statement of its own once the
 * conversation's row lock is held: under READ COMMITTED each statement reads a fresh snapshot, so
 * it sees the entries of whoever held the lock before.
 */
export async function readChainHead(
  client: Pick<PoolClient, 'query'>,
  conversationId: string,
): Promise<ChainHead | null> {
  const { rows } = await client.query<ChainHead>(
    'SELECT idx, hash FROM archive WHERE conversation_id = $1 ORDER BY idx DESC LIMIT 1',
    [conversationId],
  );
  return rows[0] ?? null;
}

/**
 * Builds the chain records for `inputs` after `head`, hashed from the records as built here, never
 * from a database round trip: jsonb does not keep key order, and linkArchive's canonical JSON does
 * not depend on it. Message-like entries keep only a MAC of their text (see `ArchiveInput.text`).
 *
 * @example
 * const [record] = linkEntries(ctx, conversationId, head, [entry]);
 */
export function linkEntries(
  ctx: PgContext,
  conversationId: string,
  head: ChainHead | null,
  inputs: readonly ArchiveInput[],
): ArchiveRecord[] {
  let index = head?.idx ?? 0;
  let previous = head?.hash ?? GENESIS_HASH;
  return inputs.map((input) => {
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
    previous = record.hash;
    return record;
  });
}

/** The archive table's columns, in the order of {@link archiveValues}. */
export const ARCHIVE_COLUMNS =
  'conversation_id, idx, type, at, actor, seq, text, text_mac, data, hash';

/** One record's values for {@link ARCHIVE_COLUMNS}; `actor` and `data` are cast to jsonb. */
export function archiveValues(record: ArchiveRecord): unknown[] {
  return [
    record.conversationId,
    record.index,
    record.type,
    record.at,
    jsonParam(record.actor),
    record.seq,
    record.text,
    record.textMac,
    jsonParam(record.data),
    record.hash,
  ];
}

/**
 * Links entries onto the end of a conversation's chain. Call inside the transaction that makes
 * the change being archived, so the change and its entry commit together or not at all. Throws if
 * the conversation does not exist.
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
): Promise<ArchiveRecord[]> {
  if (inputs.length === 0) return [];
  if ((await lockConversation(client, conversationId)) === null) {
    throw new Error(`No conversation ${conversationId}.`);
  }
  // Read after the lock, in a statement of its own: one that both waited for the lock and read the
  // head would read the head from before the wait.
  const records = linkEntries(
    ctx,
    conversationId,
    await readChainHead(client, conversationId),
    inputs,
  );
  for (const record of records) {
    await client.query(
      `INSERT INTO archive (${ARCHIVE_COLUMNS})
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9::jsonb, $10)`,
      archiveValues(record),
    );
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
