import { ParleyError } from '@parley/protocol';
import {
  COMMITTED_CONVERSATION_COLUMNS,
  type CommittedConversationRow,
  type MessageRow,
  toCommittedConversation,
  toMessage,
} from '../conversationRows.js';
import { isAgentReply, isFromPerson, storedMessage } from '../records.js';
import type { AppendedMessage, Store } from '../Store.js';
import { appendArchiveEntries, readArchive } from './archiveWriter.js';
import type { SqliteContext } from './context.js';
import { checkpointTruncate } from './openDatabase.js';

type MessageMethods = Pick<
  Store,
  | 'appendMessage'
  | 'listMessages'
  | 'amendMessage'
  | 'appendArchive'
  | 'listArchive'
  | 'listArchivedConversationIds'
>;

const RETURNED = COMMITTED_CONVERSATION_COLUMNS.join(', ');

/**
 * Messages and the archive. The archive entry of a message always MACs the message's own text
 * and carries its `seq`, whatever the caller put in `archive.text` and `archive.seq`: the
 * caller cannot know the `seq` in advance, and the chain must match the row it archives.
 *
 * @example
 * const store = { ...conversationMethods(ctx), ...messageMethods(ctx) };
 */
export function messageMethods(ctx: SqliteContext): MessageMethods {
  return {
    async appendMessage(message, archive, onCommitted) {
      return ctx.write((): AppendedMessage => {
        if (message.clientMsgId !== null) {
          const existing = ctx
            .stmt('SELECT * FROM messages WHERE conversation_id = ? AND client_msg_id = ?')
            .get(message.conversationId, message.clientMsgId) as MessageRow | undefined;
          if (existing) return { message: toMessage(existing), created: false };
        }
        // One statement takes the next seq and moves the conversation along; its RETURNING row
        // is the conversation as this commit leaves it, which the relay routes by.
        const agentReply = isAgentReply(message) ? 1 : 0;
        const row = ctx
          .stmt(
            `UPDATE conversations SET last_seq = last_seq + 1, last_message_at = @at,
               last_activity_at = @at,
               first_reply_at = CASE WHEN first_reply_at IS NULL AND @agentReply = 1 THEN @at
                                     ELSE first_reply_at END
             WHERE id = @id RETURNING ${RETURNED}`,
          )
          .get({ at: message.createdAt, agentReply, id: message.conversationId }) as
          | CommittedConversationRow
          | undefined;
        if (!row) throw new Error(`No conversation ${message.conversationId}.`);
        // Throwing rolls this write's savepoint back, the UPDATE above with it.
        if (row.state === 'closed' && isFromPerson(message)) {
          throw new ParleyError('CONVERSATION_CLOSED');
        }
        const stored = storedMessage(message, row.last_seq);
        ctx
          .stmt(
            `INSERT INTO messages (conversation_id, seq, id, client_msg_id, kind, sender, text,
               redactions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            stored.conversationId,
            stored.seq,
            stored.id,
            stored.clientMsgId,
            stored.kind,
            JSON.stringify(stored.sender),
            stored.text,
            JSON.stringify(stored.redactions),
            stored.createdAt,
          );
        appendArchiveEntries(ctx, stored.conversationId, [
          { ...archive, seq: stored.seq, text: stored.text },
        ]);
        return { message: stored, created: true, conversation: toCommittedConversation(row) };
      }, onCommitted);
    },

    async listMessages(conversationId, afterSeq, options) {
      const rows = ctx
        .stmt(
          `SELECT * FROM messages WHERE conversation_id = ? AND seq > ? AND (? = 1 OR kind <> 'note')
           ORDER BY seq`,
        )
        .all(conversationId, afterSeq, options.includeNotes ? 1 : 0) as MessageRow[];
      return rows.map(toMessage);
    },

    async amendMessage(conversationId, seq, update, archive) {
      const row = await ctx.write(() => {
        const amended = ctx
          .stmt(
            `UPDATE messages SET text = ?, redactions = ? WHERE conversation_id = ? AND seq = ?
             RETURNING *`,
          )
          .get(update.text, JSON.stringify(update.redactions), conversationId, seq) as
          | MessageRow
          | undefined;
        if (amended)
          appendArchiveEntries(ctx, conversationId, [{ ...archive, seq, text: update.text }]);
        return amended;
      });
      if (!row) return null;
      checkpointTruncate(ctx.db);
      return toMessage(row);
    },

    async appendArchive(conversationId, archive) {
      const [record] = await ctx.write(() => appendArchiveEntries(ctx, conversationId, [archive]));
      if (!record) throw new Error('The archive entry was not written.');
      return record;
    },

    async listArchive(conversationId) {
      return readArchive(ctx, conversationId);
    },

    async listArchivedConversationIds() {
      const rows = ctx
        .stmt('SELECT DISTINCT conversation_id AS id FROM archive ORDER BY conversation_id')
        .all() as { id: string }[];
      return rows.map((row) => row.id);
    },
  };
}
