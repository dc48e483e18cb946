import { type Message, ParleyError } from '@parley/protocol';
import type { PoolClient } from 'pg';
import {
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
} from '../records.js';
import type { AppendedMessage, Store } from '../Store.js';
import { appendArchiveEntries, lockConversation, readArchive } from './archiveWriter.js';
import { jsonParam, type PgContext } from './context.js';
import { withTransaction } from './withTransaction.js';

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
      const result = await withTransaction(ctx.pool, (client) =>
        insertMessage(ctx, client, message, archive),
      ).then(
        (inserted): AppendedMessage => ({ created: true, ...inserted }),
        async (error: unknown): Promise<AppendedMessage> => {
          if (!(error instanceof RepeatedMessage)) throw error;
          // Rolled back whole, so its seq was not spent; the original is read afterwards.
          return { created: false, message: await storedOriginal(ctx, message) };
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

/** Thrown inside the append's transaction to roll it back when its `clientMsgId` is stored. */
class RepeatedMessage extends Error {}

/** The stored message a repeated `clientMsgId` names. */
async function storedOriginal(ctx: PgContext, message: NewMessage): Promise<Message> {
  const { rows } = await ctx.pool.query<MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = $1 AND client_msg_id = $2',
    [message.conversationId, message.clientMsgId],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`No message ${message.clientMsgId} to repeat.`);
  return toMessage(row);
}

/**
 * The append's transaction in four statements. The UPDATE takes the conversation's row lock
 * first (so `seq` is gap-free across nodes, and the chain head read after it is current) and
 * returns the conversation as this commit leaves it. A repeated `clientMsgId` is caught by the
 * unique constraint rather than a read beforehand: repeats are rare (an outbox resending after
 * a dropped socket), so they pay for a rollback and a read, and every other message saves one.
 */
async function insertMessage(
  ctx: PgContext,
  client: PoolClient,
  message: NewMessage,
  archive: ArchiveInput,
): Promise<{ message: Message; conversation: ConversationRecord }> {
  const agentReply = message.kind === 'text' && message.sender.role === 'agent';
  const { rows } = await client.query<ConversationRow>(
    `UPDATE conversations SET last_seq = last_seq + 1, last_message_at = $2::text,
       last_activity_at = $2::text,
       first_reply_at = CASE WHEN first_reply_at IS NULL AND $3::boolean THEN $2::text
                             ELSE first_reply_at END
     WHERE id = $1 RETURNING *`,
    [message.conversationId, message.createdAt, agentReply],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`No conversation ${message.conversationId}.`);
  const stored: Message = {
    id: message.id,
    conversationId: message.conversationId,
    seq: row.last_seq,
    clientMsgId: message.clientMsgId,
    kind: message.kind,
    sender: { role: message.sender.role, id: message.sender.id, name: message.sender.name },
    text: message.text,
    createdAt: message.createdAt,
    redactions: [...message.redactions],
  };
  const inserted = await client.query(
    `INSERT INTO messages (conversation_id, seq, id, client_msg_id, kind, sender, text,
       redactions, created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9)
     ON CONFLICT (conversation_id, client_msg_id) DO NOTHING`,
    [
      stored.conversationId,
      stored.seq,
      stored.id,
      stored.clientMsgId,
      stored.kind,
      jsonParam(stored.sender),
      stored.text,
      jsonParam(stored.redactions),
      stored.createdAt,
    ],
  );
  // Throwing rolls the transaction back, the UPDATE above with it. A repeat is answered with its
  // original even once the conversation is closed, as the outbox that resent it expects.
  if (inserted.rowCount === 0) throw new RepeatedMessage();
  if (row.state === 'closed' && isFromPerson(message)) throw new ParleyError('CONVERSATION_CLOSED');
  await appendArchiveEntries(
    ctx,
    client,
    stored.conversationId,
    [{ ...archive, seq: stored.seq, text: stored.text }],
    { lockHeld: true },
  );
  return { message: stored, conversation: toConversation(row) };
}
