import type { PoolClient } from 'pg';
import { PATCH_COLUMNS, READ_COLUMNS } from '../conversationColumns.js';
import {
  CONVERSATION_COLUMNS,
  CONVERSATION_HEAD_COLUMNS,
  type ConversationHeadRow,
  type ConversationRow,
  conversationValues,
  toConversation,
  toConversationHead,
} from '../conversationRows.js';
import type { ConversationPatch, ConversationRecord } from '../records.js';
import type { Store } from '../Store.js';
import { appendArchiveEntries } from './archiveWriter.js';
import { type PgContext, textList } from './context.js';
import { withTransaction } from './withTransaction.js';

/** Read for every message, typing signal and read receipt: its text is built once. */
const HEAD_SQL = `SELECT ${CONVERSATION_HEAD_COLUMNS.join(', ')} FROM conversations WHERE id = $1`;

type ConversationMethods = Pick<
  Store,
  | 'insertConversation'
  | 'getConversation'
  | 'getConversationHead'
  | 'listConversations'
  | 'transitionConversation'
  | 'dueFallbacks'
  | 'idleConversations'
  | 'markRead'
  | 'queuePosition'
  | 'queueStats'
>;

/**
 * Conversations: lifecycle compare-and-sets, the team queue, deadlines and read markers. A
 * transition is one `UPDATE … WHERE state = ANY(…) RETURNING`: concurrent transitions of one
 * conversation queue on its row lock, and each re-checks the condition against the row the
 * previous one left, so exactly one of several racing moves wins.
 *
 * @example
 * const store = { ...conversationMethods(ctx), ...messageMethods(ctx) };
 */
export function conversationMethods(ctx: PgContext): ConversationMethods {
  return {
    async insertConversation(conversation, archive) {
      await withTransaction(ctx.pool, async (client) => {
        await insertConversationRow(client, conversation);
        await appendArchiveEntries(ctx, client, conversation.id, archive);
      });
    },

    async getConversation(id) {
      // Named: every message's authorisation reads its conversation, so it is planned once; and
      // with its columns listed, so that a column a later migration adds leaves its plan valid.
      const { rows } = await ctx.pool.query<ConversationRow>({
        name: 'parley-get-conversation',
        text: `SELECT ${CONVERSATION_COLUMNS.join(', ')} FROM conversations WHERE id = $1`,
        values: [id],
      });
      const row = rows[0];
      return row ? toConversation(row) : null;
    },

    async getConversationHead(id) {
      const { rows } = await ctx.pool.query<ConversationHeadRow>({
        name: 'parley-get-conversation-head',
        text: HEAD_SQL,
        values: [id],
      });
      const row = rows[0];
      return row ? toConversationHead(row) : null;
    },

    async listConversations(filter) {
      if (filter.teams?.length === 0 || filter.states?.length === 0) return [];
      const { rows } = await ctx.pool.query<ConversationRow>(
        `SELECT * FROM conversations
         WHERE ($1::text IS NULL OR agent_id = $1)
           AND ($2::text[] IS NULL OR team = ANY($2))
           AND ($3::text[] IS NULL OR state = ANY($3))
           AND ($4::text IS NULL OR customer_id = $4)
           AND ($6::text IS NULL OR (first_reply_at IS NULL AND sla_deadline <= $6))
         ORDER BY created_at DESC, id DESC LIMIT $5`,
        [
          filter.agentId ?? null,
          textList(filter.teams),
          textList(filter.states),
          filter.customerId ?? null,
          filter.limit,
          filter.unansweredBy ?? null,
        ],
      );
      return rows.map(toConversation);
    },

    async transitionConversation(id, condition, patch, archive) {
      const params: (string | string[] | null)[] = [id, [...condition.from]];
      const param = (value: string | null) => {
        params.push(value);
        return `$${params.length}`;
      };
      const fields = (Object.keys(PATCH_COLUMNS) as (keyof ConversationPatch)[]).filter(
        (field) => patch[field] !== undefined,
      );
      // An empty patch still checks (and archives against) the condition.
      const sets = fields.map(
        (field) => `${PATCH_COLUMNS[field]} = ${param(patch[field] ?? null)}`,
      );
      const where = ['id = $1', 'state = ANY($2::text[])'];
      if (condition.fallbackDueBy !== undefined) {
        where.push(`fallback_at IS NOT NULL AND fallback_at <= ${param(condition.fallbackDueBy)}`);
      }
      if (condition.agentId !== undefined) {
        where.push(`agent_id IS NOT DISTINCT FROM ${param(condition.agentId)}::text`);
      }
      const sql = `UPDATE conversations SET ${sets.length > 0 ? sets.join(', ') : 'id = id'}
                   WHERE ${where.join(' AND ')} RETURNING *`;
      const row = await withTransaction(ctx.pool, async (client) => {
        const { rows } = await client.query<ConversationRow>(sql, params);
        const updated = rows[0];
        if (updated && archive) await appendArchiveEntries(ctx, client, id, [archive]);
        return updated;
      });
      return row ? toConversation(row) : null;
    },

    async dueFallbacks(now) {
      const { rows } = await ctx.pool.query<{ id: string }>(
        `SELECT id FROM conversations WHERE state = 'waiting' AND fallback_at <= $1
         ORDER BY fallback_at, id`,
        [now],
      );
      return rows.map((row) => row.id);
    },

    async idleConversations(before) {
      const { rows } = await ctx.pool.query<{ id: string }>(
        `SELECT id FROM conversations
         WHERE state IN ('waiting', 'queued', 'active') AND last_activity_at < $1
         ORDER BY last_activity_at, id`,
        [before],
      );
      return rows.map((row) => row.id);
    },

    async markRead(id, role, seq) {
      const column = READ_COLUMNS[role];
      // One statement, so it reads the `last_seq` of the moment it writes.
      await ctx.pool.query(
        `UPDATE conversations SET ${column} = GREATEST(${column}, LEAST($1::integer, last_seq))
         WHERE id = $2`,
        [seq, id],
      );
    },

    async queuePosition(id) {
      // One statement, so the position is counted against the queue as it was when the row was
      // read, even while other nodes assign conversations.
      const { rows } = await ctx.pool.query<{ state: string; ahead: number }>(
        `SELECT c.state, (
           SELECT count(*)::integer FROM conversations q
           WHERE q.team = c.team AND q.state = 'queued'
             AND (q.queued_at, q.id) < (COALESCE(c.queued_at, ''), c.id)
         ) AS ahead
         FROM conversations c WHERE c.id = $1`,
        [id],
      );
      const row = rows[0];
      return row?.state === 'queued' ? row.ahead + 1 : null;
    },

    async queueStats(team) {
      const { rows } = await ctx.pool.query<{ size: number; oldest: string | null }>(
        `SELECT count(*)::integer AS size, min(queued_at) AS oldest FROM conversations
         WHERE team = $1 AND state = 'queued'`,
        [team],
      );
      return { size: rows[0]?.size ?? 0, oldestSince: rows[0]?.oldest ?? null };
    },
  };
}

/**
 * Inserts a conversation row; the caller owns the transaction (a claim inserts it together with
 * the handoff's update and the archive entries).
 *
 * @example
 * await withTransaction(pool, (client) => insertConversationRow(client, conversation));
 */
export async function insertConversationRow(
  client: PoolClient,
  c: ConversationRecord,
): Promise<void> {
  // public_thread is a jsonb column: PostgreSQL parses the text it is given.
  const placeholders = CONVERSATION_COLUMNS.map((column, i) =>
    column === 'public_thread' ? `$${i + 1}::jsonb` : `$${i + 1}`,
  );
  await client.query(
    `INSERT INTO conversations (${CONVERSATION_COLUMNS.join(', ')}) VALUES (${placeholders.join(', ')})`,
    conversationValues(c),
  );
}
