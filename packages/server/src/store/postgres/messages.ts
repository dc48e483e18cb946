import { type Message, ParleyError } from '@parley/protocol';
import type { PoolClient } from 'pg';
import {
  CONVERSATION_COLUMNS,
  type ConversationRow,
  type MessageRow,
  toConversation,
  toMessage,
} from '../conversationRows.js';
import {
  type ArchiveInput,
  type ConversationRecord,
  isFromPerson,
  type NewMessage,
  storedMessage,
} from '../records.js';
import type { AppendedMessage, Store } from '../Store.js';
import {
  ARCHIVE_COLUMNS,
  appendArchiveEntries,
  archiveValues,
  linkEntries,
  lockConversation,
  readArchive,
  readChainHead,
} from './archiveWriter.js';
import { jsonParam, type PgContext } from './context.js';
import { sqlState, withTransaction } from './withTransaction.js';

type MessageMethods = Pick<
  Store,
  | 'appendMessage'
  | 'listMessages'
  | 'amendMessage'
  | 'appendArchive'
  | 'listArchive'
  | 'listArchivedConversationIds'
>;

/**
 * Messages and the archive. The archive entry of a message always MACs the message's own text
 * and carries its `seq`, whatever the caller put in `archive.text` and `archive.seq`: the
 * caller cannot know the `seq` in advance, and the chain must match the row it archives.
 *
 * `seq` is gap-free across nodes because each append holds the conversation's row lock from its
 * first statement to its commit: `last_seq + 1` (whose UPDATE takes the lock), the message row
 * (a repeated `clientMsgId` is refused by its unique constraint) and the archive entry (whose
 * chain head is read under the same lock) all happen under it.
 *
 * @example
 * const store = { ...conversationMethods(ctx), ...messageMethods(ctx) };
 */
export function messageMethods(ctx: PgContext): MessageMethods {
  return {
    async appendMessage(message, archive, onCommitted) {
      // PostgreSQL's commit is durable when it returns: committed and durable are one moment.
      const result = await appendInTransaction(ctx, message, archive).then(
        (inserted): AppendedMessage => ({ created: true, ...inserted }),
        async (error: unknown): Promise<AppendedMessage> => {
          if (!(error instanceof RepeatedMessage)) throw error;
          // Rolled back whole, so its seq was not spent; the original is read afterwards.
          const original = error.original ?? (await storedOriginal(ctx, message));
          if (original === null) throw new Error(`No message ${message.clientMsgId} to repeat.`);
          return { created: false, message: original };
        },
      );
      onCommitted?.(result);
      return result;
    },

    async listMessages(conversationId, afterSeq, options) {
      const { rows } = await ctx.pool.query<MessageRow>(
        `SELECT * FROM messages
         WHERE conversation_id = $1 AND seq > $2 AND ($3::boolean OR kind <> 'note')
         ORDER BY seq`,
        [conversationId, afterSeq, options.includeNotes],
      );
      return rows.map(toMessage);
    },

    async amendMessage(conversationId, seq, update, archive) {
      const row = await withTransaction(ctx.pool, async (client) => {
        // The conversation first, as every archive writer locks it, so the lock order is the
        // same everywhere and an amendment cannot deadlock with an append.
        if ((await lockConversation(client, conversationId)) === null) return undefined;
        const { rows } = await client.query<MessageRow>(
          `UPDATE messages SET text = $1, redactions = $2::jsonb
           WHERE conversation_id = $3 AND seq = $4 RETURNING *`,
          [update.text, jsonParam(update.redactions), conversationId, seq],
        );
        const amended = rows[0];
        if (amended) {
          await appendArchiveEntries(ctx, client, conversationId, [
            { ...archive, seq, text: update.text },
          ]);
        }
        return amended;
      });
      return row ? toMessage(row) : null;
    },

    async appendArchive(conversationId, archive) {
      const [record] = await withTransaction(ctx.pool, (client) =>
        appendArchiveEntries(ctx, client, conversationId, [archive]),
      );
      if (!record) throw new Error('The archive entry was not written.');
      return record;
    },

    async listArchive(conversationId) {
      return readArchive(ctx, conversationId);
    },

    async listArchivedConversationIds() {
      // Walks conversations and probes the archive's primary key, rather than DISTINCT over
      // every archive row: the same ids (entries cannot outlive their conversation), far less
      // work once the archive is large.
      const { rows } = await ctx.pool.query<{ id: string }>(
        `SELECT id FROM conversations c
         WHERE EXISTS (SELECT 1 FROM archive a WHERE a.conversation_id = c.id)
         ORDER BY id`,
      );
      return rows.map((row) => row.id);
    },
  };
}

/**
 * Thrown inside the append's transaction to roll it back when its `clientMsgId` is stored, with
 * the original when the transaction already read it (else it is read after the rollback).
 */
class RepeatedMessage extends Error {
  constructor(readonly original: Message | null = null) {
    super('The clientMsgId is stored already.');
  }
}

/** The stored message a repeated `clientMsgId` names, or null if there is none. */
async function storedOriginal(
  ctx: PgContext,
  message: NewMessage,
  client: Pick<PoolClient, 'query'> = ctx.pool,
): Promise<Message | null> {
  const { rows } = await client.query<MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = $1 AND client_msg_id = $2',
    [message.conversationId, message.clientMsgId],
  );
  const row = rows[0];
  return row === undefined ? null : toMessage(row);
}

/** The constraint whose violation means the chain head read with the UPDATE was stale. */
const ARCHIVE_KEY = 'archive_pkey';

/**
 * The append's transaction, in two statements between BEGIN and COMMIT, because every round trip
 * holds a pooled connection and the conversation's row lock while it waits for the event loop.
 *
 * 1. The UPDATE takes the row lock (so `seq` is gap-free across nodes), returns the conversation
 *    as this commit leaves it, and reads the chain head. Under READ COMMITTED that read comes from
 *    the statement's snapshot, which predates any wait for the lock: after waiting for another
 *    append, the head may be stale. The archive's primary key then refuses the entry below, and
 *    the append runs once more, reading the head in a statement of its own under the lock.
 * 2. One statement inserts the message and, only if it was inserted, its archive entry. A
 *    repeated `clientMsgId` inserts neither (its unique constraint), and the transaction is rolled
 *    back: repeats are rare (an outbox resending after a dropped socket), so they pay for a
 *    rollback and a read, and every other message saves the read.
 */
async function appendInTransaction(
  ctx: PgContext,
  message: NewMessage,
  archive: ArchiveInput,
): Promise<{ message: Message; conversation: ConversationRecord }> {
  try {
    return await withTransaction(ctx.pool, (client) =>
      insertMessage(ctx, client, message, archive, 'with-update'),
    );
  } catch (error) {
    const staleHead =
      sqlState(error) === '23505' && (error as { constraint?: string }).constraint === ARCHIVE_KEY;
    if (!staleHead) throw error;
    return withTransaction(ctx.pool, (client) =>
      insertMessage(ctx, client, message, archive, 'after-lock'),
    );
  }
}

async function insertMessage(
  ctx: PgContext,
  client: PoolClient,
  message: NewMessage,
  archive: ArchiveInput,
  /** Where the chain head is read: with the UPDATE (one round trip) or after it, under the lock. */
  headRead: 'with-update' | 'after-lock',
): Promise<{ message: Message; conversation: ConversationRecord }> {
  const agentReply = message.kind === 'text' && message.sender.role === 'agent';
  // Named, so each pooled connection parses and plans the append's two statements once. Named
  // statements list their columns: with `*`, a column added by a later migration would make
  // PostgreSQL refuse a running node's cached plan ("cached plan must not change result type").
  const { rows } = await client.query<
    ConversationRow & { head_idx: number | null; head_hash: string | null }
  >({
    name: 'parley-append-update',
    text: `UPDATE conversations SET last_seq = last_seq + 1, last_message_at = $2::text,
       last_activity_at = $2::text,
       first_reply_at = CASE WHEN first_reply_at IS NULL AND $3::boolean THEN $2::text
                             ELSE first_reply_at END
     FROM (SELECT 1) AS one
     LEFT JOIN LATERAL (SELECT idx, hash FROM archive WHERE conversation_id = $1
                        ORDER BY idx DESC LIMIT 1) AS head ON true
     WHERE conversations.id = $1
     RETURNING ${CONVERSATION_COLUMNS.map((column) => `conversations.${column}`).join(', ')},
       head.idx AS head_idx, head.hash AS head_hash`,
    values: [message.conversationId, message.createdAt, agentReply],
  });
  const row = rows[0];
  if (row === undefined) throw new Error(`No conversation ${message.conversationId}.`);
  if (row.state === 'closed' && isFromPerson(message)) {
    // Unless it is a resend of a message stored before the close, which hears its original.
    const original =
      message.clientMsgId === null ? null : await storedOriginal(ctx, message, client);
    if (original !== null) throw new RepeatedMessage(original);
    throw new ParleyError('CONVERSATION_CLOSED');
  }
  const stored = storedMessage(message, row.last_seq);
  const head =
    headRead === 'after-lock'
      ? await readChainHead(client, stored.conversationId)
      : row.head_idx === null || row.head_hash === null
        ? null
        : { idx: row.head_idx, hash: row.head_hash };
  const [record] = linkEntries(ctx, stored.conversationId, head, [
    { ...archive, seq: stored.seq, text: stored.text },
  ]);
  if (record === undefined) throw new Error('The archive entry was not linked.');
  const inserted = await client.query({
    name: 'parley-append-insert',
    text: `WITH message AS (
       INSERT INTO messages (conversation_id, seq, id, client_msg_id, kind, sender, text,
         redactions, created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9)
       ON CONFLICT (conversation_id, client_msg_id) DO NOTHING
       RETURNING conversation_id)
     INSERT INTO archive (${ARCHIVE_COLUMNS})
     SELECT conversation_id, $10, $11, $12, $13::jsonb, $14, $15, $16, $17::jsonb, $18 FROM message`,
    values: [
      stored.conversationId,
      stored.seq,
      stored.id,
      stored.clientMsgId,
      stored.kind,
      jsonParam(stored.sender),
      stored.text,
      jsonParam(stored.redactions),
      stored.createdAt,
      ...archiveValues(record).slice(1),
    ],
  });
  // Throwing rolls the transaction back, the UPDATE above with it.
  if (inserted.rowCount === 0) throw new RepeatedMessage();
  const { head_idx: _idx, head_hash: _hash, ...conversationRow } = row;
  return { message: stored, conversation: toConversation(conversationRow) };
}
