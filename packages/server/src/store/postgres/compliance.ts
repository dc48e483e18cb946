import type { PoolClient } from 'pg';
import { type AuditRow, type LegalHoldRow, toAudit, toLegalHold } from '../recordRows.js';
import type { Store } from '../Store.js';
import type { PgContext } from './context.js';
import { withTransaction } from './withTransaction.js';

type ComplianceMethods = Pick<
  Store,
  | 'insertLegalHold'
  | 'releaseLegalHold'
  | 'listLegalHolds'
  | 'insertAudit'
  | 'listAudit'
  | 'purgeClosedBefore'
  | 'eraseCustomer'
>;

/**
 * Legal holds, the audit log, retention and erasure. Deleting a conversation cascades to its
 * messages, archive, call-backs and survey (foreign keys), and the handoff it was claimed from
 * goes too, since it holds the public thread and the claimant's identity. Legal holds and audit
 * entries are kept: they are the record that the erasure happened lawfully.
 *
 * Unlike the SQLite store, this one does not physically scrub deleted or overwritten text: old
 * row versions stay in the table files until VACUUM reuses them, and in the WAL and any backups.
 *
 * @example
 * const store = { ...complianceMethods(ctx), ...accessMethods(ctx) };
 */
export function complianceMethods(ctx: PgContext): ComplianceMethods {
  return {
    async insertLegalHold(hold) {
      await ctx.pool.query(
        `INSERT INTO legal_holds (id, customer_id, reason, created_by, created_at, released_at,
           released_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          hold.id,
          hold.customerId,
          hold.reason,
          hold.createdBy,
          hold.createdAt,
          hold.releasedAt,
          hold.releasedBy,
        ],
      );
    },

    async releaseLegalHold(id, by, at) {
      const { rows } = await ctx.pool.query<LegalHoldRow>(
        `UPDATE legal_holds SET released_at = $1, released_by = $2
         WHERE id = $3 AND released_at IS NULL RETURNING *`,
        [at, by, id],
      );
      const row = rows[0];
      return row ? toLegalHold(row) : null;
    },

    async listLegalHolds(filter) {
      const { rows } = await ctx.pool.query<LegalHoldRow>(
        `SELECT * FROM legal_holds
         WHERE ($1::text IS NULL OR customer_id = $1)
           AND (NOT $2::boolean OR released_at IS NULL)
         ORDER BY created_at, id`,
        [filter.customerId ?? null, filter.activeOnly === true],
      );
      return rows.map(toLegalHold);
    },

    async insertAudit(entry) {
      await ctx.pool.query(
        `INSERT INTO audit (id, at, actor_id, actor_role, action, target, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          entry.id,
          entry.at,
          entry.actor.id,
          entry.actor.role,
          entry.action,
          entry.target,
          entry.requestId,
        ],
      );
    },

    async listAudit(filter) {
      // Newest first; (at, id) is the page cursor, so entries sharing a millisecond are not lost
      // between pages.
      const { rows } = await ctx.pool.query<AuditRow>(
        `SELECT * FROM audit
         WHERE $1::text IS NULL
            OR at < $1
            OR ($2::text IS NOT NULL AND at = $1 AND id < $2)
         ORDER BY at DESC, id DESC LIMIT $3`,
        [filter.before ?? null, filter.beforeId ?? null, filter.limit],
      );
      return rows.map(toAudit);
    },

    async purgeClosedBefore(cutoff) {
      const conversations = await withTransaction(ctx.pool, async (client) => {
        await lockHolds(client);
        // One statement, so the handoffs and the conversations deleted are the same set.
        const { rowCount } = await client.query(
          `WITH purgeable AS (
             SELECT id FROM conversations c
             WHERE state = 'closed' AND closed_at < $1
               AND NOT EXISTS (SELECT 1 FROM legal_holds h
                               WHERE h.customer_id = c.customer_id AND h.released_at IS NULL)
           ), handoffs_gone AS (
             DELETE FROM handoffs WHERE conversation_id IN (SELECT id FROM purgeable)
           )
           DELETE FROM conversations WHERE id IN (SELECT id FROM purgeable)`,
          [cutoff],
        );
        return rowCount ?? 0;
      });
      return { conversations };
    },

    async eraseCustomer(customerId) {
      return withTransaction(ctx.pool, async (client) => {
        await lockHolds(client);
        const held = await client.query(
          'SELECT 1 FROM legal_holds WHERE customer_id = $1 AND released_at IS NULL LIMIT 1',
          [customerId],
        );
        if ((held.rowCount ?? 0) > 0) return { held: true as const };
        await client.query(
          `DELETE FROM handoffs WHERE claimed_by_id = $1
             OR conversation_id IN (SELECT id FROM conversations WHERE customer_id = $1)`,
          [customerId],
        );
        // Counted before the conversations go, since their call-backs would cascade uncounted.
        const callbacks = await client.query('DELETE FROM callbacks WHERE customer_id = $1', [
          customerId,
        ]);
        await client.query('DELETE FROM surveys WHERE customer_id = $1', [customerId]);
        const conversations = await client.query(
          'DELETE FROM conversations WHERE customer_id = $1',
          [customerId],
        );
        return {
          held: false as const,
          conversations: conversations.rowCount ?? 0,
          callbacks: callbacks.rowCount ?? 0,
        };
      });
    },
  };
}

/**
 * Holds the set of legal holds still until the transaction ends. SHARE mode lets purges and
 * erasures run side by side but makes a concurrent hold (insert or release) wait, so "not held"
 * stays true until the deletion commits, as SQLite's single writer guarantees there. Holds are
 * rare, so the wait costs nothing in practice.
 */
async function lockHolds(client: PoolClient): Promise<void> {
  await client.query('LOCK TABLE legal_holds IN SHARE MODE');
}
