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
import { jsonList, type SqliteContext } from './context.js';

/** Read for every message, typing signal and read receipt: its text is built once. */
const HEAD_SQL = `SELECT ${CONVERSATION_HEAD_COLUMNS.join(', ')} FROM conversations WHERE id = ?`;

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
 * Conversations: lifecycle compare-and-sets, the team queue, deadlines and read markers.
 *
 * @example
 * const store = { ...conversationMethods(ctx), ...messageMethods(ctx) };
 */
export function conversationMethods(ctx: SqliteContext): ConversationMethods {
  const get = (id: string) =>
    ctx.stmt('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;

  return {
    async insertConversation(conversation, archive) {
      await ctx.write(() => {
        insertConversationRow(ctx, conversation);
        appendArchiveEntries(ctx, conversation.id, archive);
      });
    },

    async getConversation(id) {
      const row = get(id);
      return row ? toConversation(row) : null;
    },

    async getConversationHead(id) {
      const row = ctx.stmt(HEAD_SQL).get(id) as ConversationHeadRow | undefined;
      return row ? toConversationHead(row) : null;
    },

    async listConversations(filter) {
      if (filter.teams?.length === 0 || filter.states?.length === 0) return [];
      const rows = ctx
        .stmt(
          `SELECT * FROM conversations
           WHERE (@agentId IS NULL OR agent_id = @agentId)
             AND (@teams IS NULL OR team IN (SELECT value FROM json_each(@teams)))
             AND (@states IS NULL OR state IN (SELECT value FROM json_each(@states)))
             AND (@customerId IS NULL OR customer_id = @customerId)
             AND (@unansweredBy IS NULL
                  OR (first_reply_at IS NULL AND sla_deadline <= @unansweredBy))
           ORDER BY created_at DESC, id DESC LIMIT @limit`,
        )
        .all({
          agentId: filter.agentId ?? null,
          teams: jsonList(filter.teams),
          states: jsonList(filter.states),
          customerId: filter.customerId ?? null,
          unansweredBy: filter.unansweredBy ?? null,
          limit: filter.limit,
        }) as ConversationRow[];
      return rows.map(toConversation);
    },

    async transitionConversation(id, condition, patch, archive) {
      const fields = (Object.keys(PATCH_COLUMNS) as (keyof ConversationPatch)[]).filter(
        (field) => patch[field] !== undefined,
      );
      // An empty patch still checks (and archives against) the condition.
      const sets = fields.map((field) => `${PATCH_COLUMNS[field]} = @${field}`);
      const where = ['id = @id', 'state IN (SELECT value FROM json_each(@from))'];
      if (condition.fallbackDueBy !== undefined) {
        where.push('fallback_at IS NOT NULL AND fallback_at <= @fallbackDueBy');
      }
      if (condition.agentId !== undefined) where.push('agent_id IS @agentIdCondition');
      const params: Record<string, string | null> = {
        id,
        from: JSON.stringify(condition.from),
        ...(condition.fallbackDueBy !== undefined && { fallbackDueBy: condition.fallbackDueBy }),
        ...(condition.agentId !== undefined && { agentIdCondition: condition.agentId }),
      };
      for (const field of fields) params[field] = patch[field] ?? null;
      const sql = `UPDATE conversations SET ${sets.length > 0 ? sets.join(', ') : 'id = id'}
                   WHERE ${where.join(' AND ')} RETURNING *`;
      const row = await ctx.write(() => {
        const updated = ctx.stmt(sql).get(params) as ConversationRow | undefined;
        if (updated && archive) appendArchiveEntries(ctx, id, [archive]);
        return updated;
      });
      return row ? toConversation(row) : null;
    },

    async dueFallbacks(now) {
      const rows = ctx
        .stmt(
          `SELECT id FROM conversations WHERE state = 'waiting' AND fallback_at <= ?
           ORDER BY fallback_at, id`,
        )
        .all(now) as { id: string }[];
      return rows.map((row) => row.id);
    },

    async idleConversations(before) {
      const rows = ctx
        .stmt(
          `SELECT id FROM conversations
           WHERE state IN ('waiting', 'queued', 'active') AND last_activity_at < ?
           ORDER BY last_activity_at, id`,
        )
        .all(before) as { id: string }[];
      return rows.map((row) => row.id);
    },

    async markRead(id, role, seq) {
      const column = READ_COLUMNS[role];
      await ctx.write(() =>
        ctx
          .stmt(
            `UPDATE conversations SET ${column} = MAX(${column}, MIN(?, last_seq)) WHERE id = ?`,
          )
          .run(seq, id),
      );
    },

    async queuePosition(id) {
      const row = get(id);
      if (row?.state !== 'queued') return null;
      const ahead = ctx
        .stmt(
          `SELECT COUNT(*) AS n FROM conversations
           WHERE team = ? AND state = 'queued' AND (queued_at, id) < (?, ?)`,
        )
        .get(row.team, row.queued_at ?? '', row.id) as { n: number };
      return ahead.n + 1;
    },

    async queueStats(team) {
      const row = ctx
        .stmt(
          `SELECT COUNT(*) AS size, MIN(queued_at) AS oldest FROM conversations
           WHERE team = ? AND state = 'queued'`,
        )
        .get(team) as { size: number; oldest: string | null };
      return { size: row.size, oldestSince: row.oldest };
    },
  };
}

const INSERT_CONVERSATION = `INSERT INTO conversations (${CONVERSATION_COLUMNS.join(', ')})
  VALUES (${CONVERSATION_COLUMNS.map(() => '?').join(', ')})`;

/**
 * Inserts a conversation row; the caller owns the transaction (a claim inserts it together with
 * the handoff's update and the archive entries).
 */
export function insertConversationRow(ctx: SqliteContext, c: ConversationRecord): void {
  ctx.stmt(INSERT_CONVERSATION).run(...conversationValues(c));
}
