import type { HandoffRecord } from '../records.js';
import type { Store } from '../Store.js';
import { appendArchiveEntries } from './archiveWriter.js';
import { jsonParam, type PgContext, type Queryable, textList } from './context.js';
import { type HandoffRow, toHandoff } from '../conversationRows.js';
import { insertConversationRow } from './conversations.js';
import { withTransaction } from './withTransaction.js';

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

type ClaimRefusal = { outcome: 'not_found' | 'expired' | 'already_claimed' | 'revoked' };

/**
 * Handoffs. A handoff has no conversation (so no chain) until it is claimed; the claim's archive
 * entries, `handoff_created` first, open the new conversation's chain in the claim's transaction.
 * The claim itself is decided by the database: `UPDATE … WHERE state = 'pending' RETURNING` row-
 * locks the handoff, and a concurrent claim from any node waits for that lock, re-checks the
 * state the winner left behind and matches nothing.
 *
 * @example
 * const store = { ...handoffMethods(ctx), ...conversationMethods(ctx) };
 */
export function handoffMethods(ctx: PgContext): HandoffMethods {
  // A losing claim reads through its own transaction's connection: borrowing a second one from
  // the pool would deadlock the pool when every connection holds a claim waiting for another.
  const byCodeHash = async (db: Queryable, codeHash: string) => {
    const { rows } = await db.query<HandoffRow>('SELECT * FROM handoffs WHERE code_hash = $1', [
      codeHash,
    ]);
    return rows[0];
  };

  return {
    async insertHandoff(handoff) {
      await ctx.pool.query(
        `INSERT INTO handoffs (id, code_hash, state, channel, thread, customer_handle, locale,
           note, agent_id, agent_name, team, created_by, created_at, expires_at, first_post_at,
           claimed_at, claimed_by_id, claimed_by_name, conversation_id)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
           $17, $18, $19)`,
        [
          handoff.id,
          handoff.codeHash,
          handoff.state,
          handoff.channel,
          jsonParam(handoff.thread),
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
        ],
      );
    },

    async getHandoff(id) {
      const { rows } = await ctx.pool.query<HandoffRow>('SELECT * FROM handoffs WHERE id = $1', [
        id,
      ]);
      const row = rows[0];
      return row ? toHandoff(row) : null;
    },

    async getHandoffByCodeHash(codeHash) {
      const row = await byCodeHash(ctx.pool, codeHash);
      return row ? toHandoff(row) : null;
    },

    async listHandoffs(filter) {
      if (filter.teams?.length === 0 || filter.states?.length === 0) return [];
      const { rows } = await ctx.pool.query<HandoffRow>(
        `SELECT * FROM handoffs
         WHERE ($1::text IS NULL OR agent_id = $1)
           AND ($2::text[] IS NULL OR team = ANY($2))
           AND ($3::text[] IS NULL OR state = ANY($3))
           AND ($5::text IS NULL OR agent_id = $5 OR (agent_id IS NULL AND team = ANY($6)))
         ORDER BY created_at DESC, id DESC LIMIT $4`,
        [
          filter.agentId ?? null,
          textList(filter.teams),
          textList(filter.states),
          filter.limit,
          filter.forAgent?.agentId ?? null,
          filter.forAgent?.teams ?? [],
        ],
      );
      return rows.map(toHandoff);
    },

    async claimHandoff(claim) {
      return withTransaction(ctx.pool, async (client) => {
        const { rows } = await client.query<HandoffRow>(
          `UPDATE handoffs SET state = 'claimed', claimed_at = $2, claimed_by_id = $3,
             claimed_by_name = $4, conversation_id = $5
           WHERE code_hash = $1 AND state = 'pending' AND expires_at > $2 RETURNING *`,
          [
            claim.codeHash,
            claim.now,
            claim.customer.customerId,
            claim.customer.name,
            claim.conversation.id,
          ],
        );
        const claimed = rows[0];
        if (!claimed) return refusal(await byCodeHash(client, claim.codeHash), claim.now);
        const conversation = { ...claim.conversation, handoffId: claimed.id };
        await insertConversationRow(client, conversation);
        await appendArchiveEntries(ctx, client, conversation.id, claim.archive);
        return { outcome: 'claimed' as const, handoff: toHandoff(claimed), conversation };
      });
    },

    async pickHandoff(pick) {
      // The row lock of the update decides between concurrent picks: the loser re-checks
      // `agent_id` after the winner commits and matches nothing.
      const { rows } = await ctx.pool.query<HandoffRow>(
        `UPDATE handoffs SET code_hash = $2, agent_id = $3, agent_name = $4
         WHERE id = $1 AND state = 'pending' AND expires_at > $5
           AND (agent_id IS NULL OR agent_id = $3) RETURNING *`,
        [pick.id, pick.codeHash, pick.agentId, pick.agentName, pick.now],
      );
      const row = rows[0];
      return row ? toHandoff(row) : null;
    },

    async revokeHandoff(id) {
      const { rows } = await ctx.pool.query<HandoffRow>(
        `UPDATE handoffs SET state = 'revoked' WHERE id = $1 AND state = 'pending' RETURNING *`,
        [id],
      );
      const row = rows[0];
      return row ? toHandoff(row) : null;
    },

    async expireHandoffs(now) {
      // Each row is locked by the update; a concurrent sweep on another node waits, re-checks
      // `state = 'pending'` and skips it, so every handoff is returned exactly once.
      const { rows } = await ctx.pool.query<HandoffRow>(
        `UPDATE handoffs SET state = 'expired'
         WHERE state = 'pending' AND expires_at <= $1 RETURNING *`,
        [now],
      );
      return rows.map(toHandoff).sort(byCreatedAt);
    },
  };
}

/**
 * Why a claim matched nothing, from the handoff as it is now (committed, since the failed update
 * waited for any concurrent claim to finish). The order of checks is the SQLite store's: a claimed
 * handoff reads as claimed even when it has since passed its deadline.
 */
function refusal(row: HandoffRow | undefined, now: string): ClaimRefusal {
  if (!row) return { outcome: 'not_found' };
  if (row.state === 'claimed') return { outcome: 'already_claimed' };
  if (row.state === 'revoked') return { outcome: 'revoked' };
  if (row.state === 'expired' || row.expires_at <= now) return { outcome: 'expired' };
  // Pending and unexpired would have matched the update; unreachable, but every row maps to an
  // outcome, and refusing is the safe one.
  return { outcome: 'already_claimed' };
}

function byCreatedAt(a: HandoffRecord, b: HandoffRecord): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}
