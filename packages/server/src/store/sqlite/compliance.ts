import { type AuditRow, type LegalHoldRow, toAudit, toLegalHold } from '../recordRows.js';
import type { Store } from '../Store.js';
import type { SqliteContext } from './context.js';
import { checkpointTruncate } from './openDatabase.js';

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

/** Customers under at least one unreleased legal hold. */
const HELD_CUSTOMERS = 'SELECT customer_id FROM legal_holds WHERE released_at IS NULL';

/** Closed conversations past retention, except those of held customers. */
const PURGEABLE = `SELECT id FROM conversations
  WHERE state = 'closed' AND closed_at < @cutoff AND customer_id NOT IN (${HELD_CUSTOMERS})`;

/**
 * Legal holds, the audit log, retention and erasure. Deleting a conversation cascades to its
 * messages, archive, call-backs and survey (foreign keys), and the handoff it was claimed from
 * goes too, since it holds the public thread and the claimant's identity. Legal holds and audit
 * entries are kept: they are the record that the erasure happened lawfully.
 *
 * @example
 * const store = { ...complianceMethods(ctx), ...accessMethods(ctx) };
 */
export function complianceMethods(ctx: SqliteContext): ComplianceMethods {
  return {
    async insertLegalHold(hold) {
      await ctx.write(() =>
        ctx
          .stmt(
            `INSERT INTO legal_holds (id, customer_id, reason, created_by, created_at, released_at,
               released_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            hold.id,
            hold.customerId,
            hold.reason,
            hold.createdBy,
            hold.createdAt,
            hold.releasedAt,
            hold.releasedBy,
          ),
      );
    },

    async releaseLegalHold(id, by, at) {
      const row = ctx
        .stmt(
          `UPDATE legal_holds SET released_at = ?, released_by = ?
           WHERE id = ? AND released_at IS NULL RETURNING *`,
        )
        .get(at, by, id) as LegalHoldRow | undefined;
      return row ? toLegalHold(row) : null;
    },

    async listLegalHolds(filter) {
      const rows = ctx
        .stmt(
          `SELECT * FROM legal_holds
           WHERE (@customerId IS NULL OR customer_id = @customerId)
             AND (@activeOnly = 0 OR released_at IS NULL)
           ORDER BY created_at, id`,
        )
        .all({
          customerId: filter.customerId ?? null,
          activeOnly: filter.activeOnly ? 1 : 0,
        }) as LegalHoldRow[];
      return rows.map(toLegalHold);
    },

    async insertAudit(entry) {
      await ctx.write(() =>
        ctx
          .stmt(
            `INSERT INTO audit (id, at, actor_id, actor_role, action, target, request_id)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            entry.id,
            entry.at,
            entry.actor.id,
            entry.actor.role,
            entry.action,
            entry.target,
            entry.requestId,
          ),
      );
    },

    async listAudit(filter) {
      // Newest first; (at, id) is the page cursor, so entries sharing a millisecond are not lost
      // between pages.
      const rows = ctx
        .stmt(
          `SELECT * FROM audit
           WHERE @before IS NULL
              OR at < @before
              OR (@beforeId IS NOT NULL AND at = @before AND id < @beforeId)
           ORDER BY at DESC, id DESC LIMIT @limit`,
        )
        .all({
          before: filter.before ?? null,
          beforeId: filter.beforeId ?? null,
          limit: filter.limit,
        }) as AuditRow[];
      return rows.map(toAudit);
    },

    async purgeClosedBefore(cutoff) {
      const conversations = await ctx.write(() => {
        ctx.stmt(`DELETE FROM handoffs WHERE conversation_id IN (${PURGEABLE})`).run({ cutoff });
        return ctx.stmt(`DELETE FROM conversations WHERE id IN (${PURGEABLE})`).run({ cutoff })
          .changes;
      });
      if (conversations > 0) checkpointTruncate(ctx.db);
      return { conversations };
    },

    async eraseCustomer(customerId) {
      const result = await ctx.write(() => {
        const held = ctx
          .stmt(`SELECT 1 FROM (${HELD_CUSTOMERS}) WHERE customer_id = ? LIMIT 1`)
          .get(customerId);
        if (held) return { held: true as const };
        ctx
          .stmt(
            `DELETE FROM handoffs WHERE claimed_by_id = @customerId
               OR conversation_id IN (SELECT id FROM conversations WHERE customer_id = @customerId)`,
          )
          .run({ customerId });
        // Counted before the conversations go, since their call-backs would cascade uncounted.
        const callbacks = ctx
          .stmt('DELETE FROM callbacks WHERE customer_id = ?')
          .run(customerId).changes;
        ctx.stmt('DELETE FROM surveys WHERE customer_id = ?').run(customerId);
        const conversations = ctx
          .stmt('DELETE FROM conversations WHERE customer_id = ?')
          .run(customerId).changes;
        return { held: false as const, conversations, callbacks };
      });
      if (!result.held) checkpointTruncate(ctx.db);
      return result;
    },
  };
}
