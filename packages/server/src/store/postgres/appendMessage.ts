import { type Message, ParleyError } from '@parley/protocol';
import {
  COMMITTED_CONVERSATION_COLUMNS,
  type CommittedConversationRow,
  type MessageRow,
  toCommittedConversation,
  toMessage,
} from '../conversationRows.js';
import {
  type ArchiveInput,
  type CommittedConversation,
  isAgentReply,
  isFromPerson,
  type NewMessage,
  storedMessage,
} from '../records.js';
import type { AppendedMessage } from '../Store.js';
import {
  ARCHIVE_COLUMNS,
  archiveValues,
  type ChainHead,
  linkEntries,
  lockConversation,
  readChainHead,
} from './archiveWriter.js';
import { jsonParam, type PgContext, type Queryable } from './context.js';
import { sqlState, withTransaction } from './withTransaction.js';

/**
 * Where a conversation's next message goes, as this node last saw it: the `seq` before it and the
 * archive chain's head. A guess, never trusted: the append's statement writes only if the database
 * still agrees, and answers with what it holds when it does not.
 */
interface NextSlot {
  lastSeq: number;
  head: ChainHead | null;
}

/** Conversations whose slot a node remembers; past this, the oldest is forgotten. */
const REMEMBERED_SLOTS = 20_000;

/**
 * A guess is wrong only when another writer appended in between. After this many wrong guesses in a
 * row, the append takes the conversation's row lock instead, so a busy conversation cannot starve
 * it.
 */
const OPTIMISTIC_ATTEMPTS = 3;

/** The unique constraint that refuses a second message with one `clientMsgId` (PostgreSQL's name). */
const CLIENT_MSG_ID_KEY = 'messages_conversation_id_client_msg_id_key';
/** The constraint whose violation means the chain head moved after the statement's snapshot. */
const ARCHIVE_KEY = 'archive_pkey';

/**
 * Appends messages in ONE autocommitted statement each, holding no transaction open while the
 * node's event loop is busy. A transaction of BEGIN, UPDATE, INSERT, COMMIT needs four turns of the
 * event loop and holds the conversation's row lock and a pooled connection through all of them:
 * one pause of the loop (a garbage collection) then stalls every append in flight, and the pool's
 * queue grows faster than it drains.
 *
 * The archive entry is hashed here, from the chain's head, so the statement carries the head it
 * was hashed from and writes only if that is still the head (and `seq` is still next):
 * - the UPDATE's WHERE checks `last_seq` and that the head is exactly the one hashed from, and that the conversation is open to the
 *   sender and the `clientMsgId` is new. Under READ COMMITTED it re-checks `last_seq` on the newest
 *   row after waiting for another writer's lock, so `seq` stays gap-free across nodes;
 * - the message and its archive entry are inserted only if the UPDATE matched;
 * - if it did not, the statement returns the conversation and chain head as they are, and the
 *   append hashes again from them. A head that moved after the statement's snapshot is refused by
 *   the archive's primary key (the whole statement rolls back), and so is a `clientMsgId` that a
 *   racing node stored first (by its unique constraint).
 *
 * @example
 * const append = messageAppender(ctx);
 * const appended = await append(message, archive);
 */
export function messageAppender(
  ctx: PgContext,
): (message: NewMessage, archive: ArchiveInput) => Promise<AppendedMessage> {
  const slots = new Map<string, NextSlot>();
  const remember = (conversationId: string, slot: NextSlot) => {
    slots.delete(conversationId);
    slots.set(conversationId, slot);
    if (slots.size > REMEMBERED_SLOTS) slots.delete(slots.keys().next().value as string);
  };

  /** What an outcome means for the caller, or null to try again from the slot it now knows. */
  const settle = async (message: NewMessage, outcome: Outcome): Promise<AppendedMessage | null> => {
    const { conversationId } = message;
    switch (outcome.kind) {
      case 'appended':
        remember(conversationId, { lastSeq: outcome.message.seq, head: outcome.head });
        return { created: true, message: outcome.message, conversation: outcome.conversation };
      case 'repeated': {
        const original = await storedOriginal(ctx, message);
        if (original === null) throw new Error(`No message ${message.clientMsgId} to repeat.`);
        return { created: false, message: original };
      }
      case 'closed':
        throw new ParleyError('CONVERSATION_CLOSED');
      case 'missing':
        slots.delete(conversationId);
        throw new Error(`No conversation ${conversationId}.`);
      case 'moved':
        if (outcome.now === null) slots.delete(conversationId);
        else remember(conversationId, outcome.now);
        return null;
    }
  };

  return async (message, archive) => {
    const { conversationId } = message;
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const slot = slots.get(conversationId) ?? { lastSeq: -1, head: null };
      const settled = await settle(message, await appendAt(ctx, ctx.pool, message, archive, slot));
      if (settled !== null) return settled;
    }
    // Other writers keep winning: wait for the row lock, so that this append is next.
    const outcome = await withTransaction(ctx.pool, async (client): Promise<Outcome> => {
      const lastSeq = await lockConversation(client, conversationId);
      if (lastSeq === null) return { kind: 'missing' };
      const head = await readChainHead(client, conversationId);
      return appendAt(ctx, client, message, archive, { lastSeq, head });
    });
    const settled = await settle(message, outcome);
    if (settled === null) throw new Error(`Conversation ${conversationId} moved under its lock.`);
    return settled;
  };
}

type Outcome =
  | { kind: 'appended'; message: Message; conversation: CommittedConversation; head: ChainHead }
  | { kind: 'repeated' }
  | { kind: 'closed' }
  | { kind: 'missing' }
  /** The slot was not the next one; `now` is where the database says it is (null: read again). */
  | { kind: 'moved'; now: NextSlot | null };

type AppendRow = CommittedConversationRow & {
  appended: boolean;
  repeated: boolean;
  head_idx: number | null;
  head_hash: string | null;
};

const RETURNED = COMMITTED_CONVERSATION_COLUMNS.join(', ');

/**
 * The append's one statement. Named, so each pooled connection parses and plans it once; it lists
 * its columns, because with `*` a column added by a later migration would make PostgreSQL refuse a
 * running node's cached plan ("cached plan must not change result type").
 */
const APPEND_STATEMENT = `WITH conversation AS (
    UPDATE conversations SET last_seq = $2, last_message_at = $9, last_activity_at = $9,
      first_reply_at = CASE WHEN first_reply_at IS NULL AND $19::boolean THEN $9
                            ELSE first_reply_at END
    WHERE id = $1 AND last_seq = $2 - 1
      AND (state <> 'closed' OR NOT $20::boolean)
      AND NOT EXISTS (SELECT 1 FROM archive WHERE conversation_id = $1 AND idx >= $10)
      AND ($21::text IS NULL
           OR EXISTS (SELECT 1 FROM archive WHERE conversation_id = $1 AND idx = $10 - 1
                      AND hash = $21))
      AND ($4::text IS NULL
           OR NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND client_msg_id = $4))
    RETURNING ${RETURNED}),
  message AS (
    INSERT INTO messages (conversation_id, seq, id, client_msg_id, kind, sender, text, redactions,
      created_at)
    SELECT id, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9 FROM conversation
    RETURNING conversation_id),
  entry AS (
    INSERT INTO archive (${ARCHIVE_COLUMNS})
    SELECT conversation_id, $10, $11, $12, $13::jsonb, $14, $15, $16, $17::jsonb, $18 FROM message)
  SELECT ${RETURNED}, true AS appended, false AS repeated, NULL::integer AS head_idx,
    NULL::text AS head_hash
  FROM conversation
  UNION ALL
  SELECT ${COMMITTED_CONVERSATION_COLUMNS.map((column) => `c.${column}`).join(', ')}, false,
    $4::text IS NOT NULL
      AND EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND client_msg_id = $4),
    head.idx, head.hash
  FROM conversations c
  LEFT JOIN LATERAL (SELECT idx, hash FROM archive WHERE conversation_id = $1
                     ORDER BY idx DESC LIMIT 1) AS head ON true
  WHERE c.id = $1 AND NOT EXISTS (SELECT 1 FROM conversation)`;

/** Tries to append `message` into `slot`: one round trip, whatever the answer. */
async function appendAt(
  ctx: PgContext,
  db: Queryable,
  message: NewMessage,
  archive: ArchiveInput,
  slot: NextSlot,
): Promise<Outcome> {
  const stored = storedMessage(message, slot.lastSeq + 1);
  const [record] = linkEntries(ctx, stored.conversationId, slot.head, [
    { ...archive, seq: stored.seq, text: stored.text },
  ]);
  if (record === undefined) throw new Error('The archive entry was not linked.');
  let rows: AppendRow[];
  try {
    ({ rows } = await db.query<AppendRow>({
      name: 'parley-append',
      text: APPEND_STATEMENT,
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
        isAgentReply(message),
        isFromPerson(message),
        slot.head?.hash ?? null,
      ],
    }));
  } catch (error) {
    if (sqlState(error) !== '23505') throw error;
    const constraint = (error as { constraint?: string }).constraint;
    if (constraint === CLIENT_MSG_ID_KEY) return { kind: 'repeated' };
    if (constraint === ARCHIVE_KEY) return { kind: 'moved', now: null };
    throw error;
  }
  const row = rows[0];
  if (row === undefined) return { kind: 'missing' };
  const { appended, repeated, head_idx: idx, head_hash: hash, ...conversationRow } = row;
  if (appended) {
    return {
      kind: 'appended',
      message: stored,
      conversation: toCommittedConversation(conversationRow),
      head: { idx: record.index, hash: record.hash },
    };
  }
  // A resend of a message stored before the close still hears its original.
  if (repeated) return { kind: 'repeated' };
  if (conversationRow.state === 'closed' && isFromPerson(message)) return { kind: 'closed' };
  return {
    kind: 'moved',
    now: {
      lastSeq: conversationRow.last_seq,
      head: idx === null || hash === null ? null : { idx, hash },
    },
  };
}

/**
 * The stored message a repeated `clientMsgId` names, or null if there is none.
 *
 * @example
 * const original = await storedOriginal(ctx, message);
 */
async function storedOriginal(ctx: PgContext, message: NewMessage): Promise<Message | null> {
  const { rows } = await ctx.pool.query<MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = $1 AND client_msg_id = $2',
    [message.conversationId, message.clientMsgId],
  );
  const row = rows[0];
  return row === undefined ? null : toMessage(row);
}
