import { type CallbackRow, toCallback } from '../recordRows.js';
import type { ArchiveInput } from '../records.js';
import type { Store } from '../Store.js';
import { appendArchiveEntries } from './archiveWriter.js';
import { jsonList, type SqliteContext } from './context.js';

type CallbackMethods = Pick<
  Store,
  'insertCallback' | 'getCallback' | 'listCallbacks' | 'updateCallback'
>;

/** The fields `updateCallback` may change, and their columns. */
const PATCH_COLUMNS = {
  state: 'state',
  scheduledFor: 'scheduled_for',
  agentId: 'agent_id',
  updatedAt: 'updated_at',
} as const;
type CallbackPatchField = keyof typeof PATCH_COLUMNS;

/**
 * Call-back requests. A call-back requested from the launcher has no conversation, so it has no
 * chain to archive into: passing an archive entry for one is a caller bug and is refused.
 *
 * @example
 * const store = { ...callbackMethods(ctx), ...surveyMethods(ctx) };
 */
export function callbackMethods(ctx: SqliteContext): CallbackMethods {
  const archiveFor = (conversationId: string | null, archive: ArchiveInput | null) => {
    if (!archive) return;
    if (conversationId === null) {
      throw new Error('A call-back without a conversation has no archive to write to.');
    }
    appendArchiveEntries(ctx, conversationId, [archive]);
  };

  return {
    async insertCallback(callback, archive) {
      await ctx.write(() => {
        ctx
          .stmt(
            `INSERT INTO callbacks (id, conversation_id, customer_id, customer_name, phone,
               window_from, window_to, window_time_zone, note, state, team, agent_id,
               requested_by, scheduled_for, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            callback.id,
            callback.conversationId,
            callback.customerId,
            callback.customerName,
            callback.phone,
            callback.window.from,
            callback.window.to,
            callback.window.timeZone,
            callback.note,
            callback.state,
            callback.team,
            callback.agentId,
            callback.requestedBy,
            callback.scheduledFor,
            callback.createdAt,
            callback.updatedAt,
          );
        archiveFor(callback.conversationId, archive);
      });
    },

    async getCallback(id) {
      const row = ctx.stmt('SELECT * FROM callbacks WHERE id = ?').get(id) as
        | CallbackRow
        | undefined;
      return row ? toCallback(row) : null;
    },

    async listCallbacks(filter) {
      if (filter.teams?.length === 0 || filter.states?.length === 0) return [];
      const rows = ctx
        .stmt(
          `SELECT * FROM callbacks
           WHERE (@teams IS NULL OR team IN (SELECT value FROM json_each(@teams)))
             AND (@customerId IS NULL OR customer_id = @customerId)
             AND (@states IS NULL OR state IN (SELECT value FROM json_each(@states)))
           ORDER BY created_at DESC, id DESC LIMIT @limit`,
        )
        .all({
          teams: jsonList(filter.teams),
          customerId: filter.customerId ?? null,
          states: jsonList(filter.states),
          limit: filter.limit,
        }) as CallbackRow[];
      return rows.map(toCallback);
    },

    async updateCallback(id, from, patch, archive) {
      const fields = (Object.keys(PATCH_COLUMNS) as CallbackPatchField[]).filter(
        (field) => patch[field] !== undefined,
      );
      const sets = fields.map((field) => `${PATCH_COLUMNS[field]} = @${field}`);
      const params: Record<string, string | null> = { id, from: JSON.stringify(from) };
      for (const field of fields) params[field] = patch[field] ?? null;
      const sql = `UPDATE callbacks SET ${sets.length > 0 ? sets.join(', ') : 'id = id'}
                   WHERE id = @id AND state IN (SELECT value FROM json_each(@from)) RETURNING *`;
      const row = await ctx.write(() => {
        const updated = ctx.stmt(sql).get(params) as CallbackRow | undefined;
        if (updated) archiveFor(updated.conversation_id, archive);
        return updated;
      });
      return row ? toCallback(row) : null;
    },
  };
}
