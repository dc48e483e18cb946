import type { MessageRow } from '../conversationRows.js';
import { toMessage } from '../conversationRows.js';
import type { Store } from '../Store.js';
import { messageAppender } from './appendMessage.js';
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
 * `seq` is gap-free across nodes because each append is one statement that writes only if
 * `last_seq` and the chain head are still the ones it was built on (see `messageAppender`); every
 * other archive writer takes the conversation's row lock first (`lockConversation`).
 *
 * @example
 * const store = { ...conversationMethods(ctx), ...messageMethods(ctx) };
 */
export function messageMethods(ctx: PgContext): MessageMethods {
  const append = messageAppender(ctx);
  return {
    async appendMessage(message, archive, onCommitted) {
      // PostgreSQL's commit is durable when it returns: committed and durable are one moment.
      const result = await append(message, archive);
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
