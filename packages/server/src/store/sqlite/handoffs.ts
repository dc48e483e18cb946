import type { HandoffRecord } from '../records.js';
import type { Store } from '../Store.js';
import { appendArchiveEntries } from './archiveWriter.js';
import { jsonList, type SqliteContext } from './context.js';
import { type HandoffRow, toHandoff } from '../conversationRows.js';
import { insertConversationRow } from './conversations.js';

type HandoffMethods = Pick<
  Store,
  | 'insertHandoff'
  | 'getHandoff'
  | 'getHandoffByCodeHash'
  | 'listHandoffs'
  | 'claimHandoff'
  | 'pickHandoff'
  | 'revokeHandoff'
  | 'expireHandoffs'
>;

/**
 * Handoffs. A handoff has no conversation (so no chain) until it is claimed; the claim's archive
 * entries, `handoff_created` first, open the new conversation's chain in the claim's transaction.
 *
 * @example
 * const store = { ...handoffMethods(ctx), ...conversationMethods(ctx) };
 */
export function handoffMethods(ctx: SqliteContext): HandoffMethods {
  const byCodeHash = (codeHash: string) =>
    ctx.stmt('SELECT * FROM handoffs WHERE code_hash = ?').get(codeHash) as HandoffRow | undefined;

  return {
    async insertHandoff(handoff) {
      ctx
        .stmt(
          `INSERT INTO handoffs (id, code_hash, state, channel, thread, customer_handle, locale,
             note, agent_id, agent_name, team, created_by, created_at, expires_at, first_post_at,
             claimed_at, claimed_by_id, claimed_by_name, conversation_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          handoff.id,
          handoff.codeHash,
          handoff.state,
          handoff.channel,
          JSON.stringify(handoff.thread),
          handoff.customerHandle,
          handoff.locale,
          handoff.note,
          handoff.agentId,
          handoff.agentName,
          handoff.team,
          handoff.createdBy,
          handoff.createdAt,
          handoff.expiresAt,
          handoff.firstPostAt,
          handoff.claimedAt,
          handoff.claimedBy?.customerId ?? null,
          handoff.claimedBy?.name ?? null,
          handoff.conversationId,
        );
    },

    async getHandoff(id) {
      const row = ctx.stmt('SELECT * FROM handoffs WHERE id = ?').get(id) as HandoffRow | undefined;
      return row ? toHandoff(row) : null;
    },

    async getHandoffByCodeHash(codeHash) {
      const row = byCodeHash(codeHash);
      return row ? toHandoff(row) : null;
    },

    async listHandoffs(filter) {
      if (filter.teams?.length === 0 || filter.states?.length === 0) return [];
      const rows = ctx
        .stmt(
          `SELECT * FROM handoffs
           WHERE (@agentId IS NULL OR agent_id = @agentId)
             AND (@teams IS NULL OR team IN (SELECT value FROM json_each(@teams)))
             AND (@states IS NULL OR state IN (SELECT value FROM json_each(@states)))
             AND (@forAgent IS NULL OR agent_id = @forAgent OR (agent_id IS NULL
               AND team IN (SELECT value FROM json_each(@forTeams))))
           ORDER BY created_at DESC, id DESC LIMIT @limit`,
        )
        .all({
          agentId: filter.agentId ?? null,
          teams: jsonList(filter.teams),
          states: jsonList(filter.states),
          forAgent: filter.forAgent?.agentId ?? null,
          forTeams: JSON.stringify(filter.forAgent?.teams ?? []),
          limit: filter.limit,
        }) as HandoffRow[];
      return rows.map(toHandoff);
    },

    async claimHandoff(claim) {
      return ctx.write(() => {
        const row = byCodeHash(claim.codeHash);
        if (!row) return { outcome: 'not_found' as const };
        if (row.state === 'claimed') return { outcome: 'already_claimed' as const };
        if (row.state === 'revoked') return { outcome: 'revoked' as const };
        if (row.state === 'expired' || row.expires_at <= claim.now) {
          return { outcome: 'expired' as const };
        }
        // The state condition makes the claim safe even without the surrounding transaction.
        const claimed = ctx
          .stmt(
            `UPDATE handoffs SET state = 'claimed', claimed_at = ?, claimed_by_id = ?,
               claimed_by_name = ?, conversation_id = ?
             WHERE id = ? AND state = 'pending' RETURNING *`,
          )
          .get(
            claim.now,
            claim.customer.customerId,
            claim.customer.name,
            claim.conversation.id,
            row.id,
          ) as HandoffRow | undefined;
        if (!claimed) return { outcome: 'already_claimed' as const };
        const conversation = { ...claim.conversation, handoffId: row.id };
        insertConversationRow(ctx, conversation);
        appendArchiveEntries(ctx, conversation.id, claim.archive);
        return { outcome: 'claimed' as const, handoff: toHandoff(claimed), conversation };
      });
    },

    async pickHandoff(pick) {
      const row = await ctx.write(
        () =>
          ctx
            .stmt(
              `UPDATE handoffs SET code_hash = @codeHash, agent_id = @agentId,
                 agent_name = @agentName
               WHERE id = @id AND state = 'pending' AND expires_at > @now
                 AND (agent_id IS NULL OR agent_id = @agentId) RETURNING *`,
            )
            .get(pick) as HandoffRow | undefined,
      );
      return row ? toHandoff(row) : null;
    },

    async revokeHandoff(id) {
      const row = await ctx.write(
        () =>
          ctx
            .stmt(
              `UPDATE handoffs SET state = 'revoked' WHERE id = ? AND state = 'pending' RETURNING *`,
            )
            .get(id) as HandoffRow | undefined,
      );
      return row ? toHandoff(row) : null;
    },

    async expireHandoffs(now) {
      const rows = await ctx.write(
        () =>
          ctx
            .stmt(
              `UPDATE handoffs SET state = 'expired'
               WHERE state = 'pending' AND expires_at <= ? RETURNING *`,
            )
            .all(now) as HandoffRow[],
      );
      return rows.map(toHandoff).sort(byCreatedAt);
    },
  };
}

function byCreatedAt(a: HandoffRecord, b: HandoffRecord): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}
