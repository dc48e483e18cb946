import type { PoolClient } from 'pg';
import { type CallbackRow, toCallback } from '../recordRows.js';
import type { ArchiveInput } from '../records.js';
import type { Store } from '../Store.js';
import { appendArchiveEntries } from './archiveWriter.js';
import { type PgContext, textList } from './context.js';
import { withTransaction } from './withTransaction.js';

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
export function callbackMethods(ctx: PgContext): CallbackMethods {
  const archiveFor = async (
    client: PoolClient,
    conversationId: string | null,
    archive: ArchiveInput | null,
  ) => {
    if (!archive) return;
    if (conversationId === null) {
      throw new Error('A call-back without a conversation has no archive to write to.');
    }
    await appendArchiveEntries(ctx, client, conversationId, [archive]);
  };

  return {
    async insertCallback(callback, archive) {
      await withTransaction(ctx.pool, async (client) => {
        await client.query(
          `INSERT INTO callbacks (id, conversation_id, customer_id, customer_name, phone,
             window_from, window_to, window_time_zone, note, state, team, agent_id,
             requested_by, scheduled_for, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
          [
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
          ],
        );
        await archiveFor(client, callback.conversationId, archive);
      });
    },

    async getCallback(id) {
      const { rows } = await ctx.pool.query<CallbackRow>('SELECT * FROM callbacks WHERE id = $1', [
        id,
      ]);
      const row = rows[0];
      return row ? toCallback(row) : null;
    },

    async listCallbacks(filter) {
      if (filter.teams?.length === 0 || filter.states?.length === 0) return [];
      const { rows } = await ctx.pool.query<CallbackRow>(
        `SELECT * FROM callbacks
         WHERE ($1::text[] IS NULL OR team = ANY($1))
           AND ($2::text IS NULL OR customer_id = $2)
           AND ($3::text[] IS NULL OR state = ANY($3))
         ORDER BY created_at DESC, id DESC LIMIT $4`,
        [textList(filter.teams), filter.customerId ?? null, textList(filter.states), filter.limit],
      );
      return rows.map(toCallback);
    },

    async updateCallback(id, from, patch, archive) {
      const params: (string | string[] | null)[] = [id, [...from]];
      const fields = (Object.keys(PATCH_COLUMNS) as CallbackPatchField[]).filter(
        (field) => patch[field] !== undefined,
      );
      const sets = fields.map((field) => {
        params.push(patch[field] ?? null);
        return `${PATCH_COLUMNS[field]} = $${params.length}`;
      });
      const sql = `UPDATE callbacks SET ${sets.length > 0 ? sets.join(', ') : 'id = id'}
                   WHERE id = $1 AND state = ANY($2::text[]) RETURNING *`;
      const row = await withTransaction(ctx.pool, async (client) => {
        const { rows } = await client.query<CallbackRow>(sql, params);
        const updated = rows[0];
        if (updated) await archiveFor(client, updated.conversation_id, archive);
        return updated;
      });
      return row ? toCallback(row) : null;
    },
  };
}
