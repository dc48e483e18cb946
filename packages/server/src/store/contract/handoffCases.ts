import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConversationRecord, HandoffRecord } from '../records.js';
import type { Store } from '../Store.js';
import type { ContractContext } from './ContractContext.js';
import { at, entry, id, makeConversation, makeHandoff, verifyStored } from './fixtures.js';

/** A claim of `handoff` by a new customer at `now`, creating a waiting conversation. */
function claimOf(handoff: HandoffRecord, now = at(5)): Parameters<Store['claimHandoff']>[0] {
  const customerId = id('cu');
  const conversation: ConversationRecord = makeConversation(
    {
      handoffId: handoff.id,
      publicThread: handoff.thread,
      state: 'waiting',
      fallbackAt: at(10),
      createdAt: now,
      lastActivityAt: now,
    },
    customerId,
  );
  return {
    codeHash: handoff.codeHash,
    now,
    customer: { customerId, name: 'Anna Kowalska' },
    conversation,
    archive: [
      entry('handoff_created', { at: handoff.createdAt, text: handoff.note }),
      entry('handoff_claimed', { at: now, data: { state: 'waiting' } }),
    ],
  };
}

/** Handoffs: storage, listing, the once-only claim, revocation and expiry. */
export function handoffCases(t: ContractContext): void {
  describe('handoffs', () => {
    it('stores a handoff and finds it by id and by code hash', async () => {
      const handoff = makeHandoff();
      await t.store.insertHandoff(handoff);
      expect(await t.store.getHandoff(handoff.id)).toEqual(handoff);
      expect(await t.store.getHandoffByCodeHash(handoff.codeHash)).toEqual(handoff);
      expect(await t.store.getHandoff(id('ho'))).toBeNull();
      expect(await t.store.getHandoffByCodeHash('0'.repeat(64))).toBeNull();
    });

    it('refuses a second handoff with the same code hash', async () => {
      const first = makeHandoff();
      await t.store.insertHandoff(first);
      await expect(
        t.store.insertHandoff(makeHandoff({ codeHash: first.codeHash })),
      ).rejects.toThrow();
    });

    it('lists handoffs by agent, team and state, newest first, up to the limit', async () => {
      const old = makeHandoff({ createdAt: at(1) });
      const newer = makeHandoff({ createdAt: at(2) });
      const piotrs = makeHandoff({ agentId: 'piotr', team: 'cards', createdAt: at(3) });
      const revoked = makeHandoff({ state: 'revoked', createdAt: at(4) });
      for (const handoff of [old, newer, piotrs, revoked]) await t.store.insertHandoff(handoff);

      const olgas = await t.store.listHandoffs({ agentId: 'olga', limit: 10 });
      expect(olgas.map((h) => h.id)).toEqual([revoked.id, newer.id, old.id]);
      const pending = await t.store.listHandoffs({
        agentId: 'olga',
        states: ['pending'],
        limit: 10,
      });
      expect(pending.map((h) => h.id)).toEqual([newer.id, old.id]);
      const cards = await t.store.listHandoffs({ teams: ['cards'], limit: 10 });
      expect(cards.map((h) => h.id)).toEqual([piotrs.id]);
      expect(await t.store.listHandoffs({ limit: 2 })).toHaveLength(2);
      expect(await t.store.listHandoffs({ teams: [], limit: 10 })).toEqual([]);
    });

    it("lists an agent's own handoffs and their teams' untaken ones", async () => {
      const olgas = makeHandoff({ createdAt: at(1) });
      const careTeam = makeHandoff({ agentId: null, agentName: null, createdAt: at(2) });
      const cardsTeam = makeHandoff({ agentId: null, agentName: null, team: 'cards' });
      const piotrs = makeHandoff({ agentId: 'piotr', createdAt: at(3) });
      const expired = makeHandoff({ agentId: null, state: 'expired', createdAt: at(4) });
      for (const handoff of [olgas, careTeam, cardsTeam, piotrs, expired]) {
        await t.store.insertHandoff(handoff);
      }
      const forOlga = { agentId: 'olga', teams: ['care'] };
      const listed = await t.store.listHandoffs({ forAgent: forOlga, limit: 10 });
      expect(listed.map((h) => h.id)).toEqual([expired.id, careTeam.id, olgas.id]);
      const pending = await t.store.listHandoffs({
        forAgent: forOlga,
        states: ['pending'],
        limit: 10,
      });
      expect(pending.map((h) => h.id)).toEqual([careTeam.id, olgas.id]);
      const teamless = await t.store.listHandoffs({
        forAgent: { agentId: 'olga', teams: [] },
        limit: 10,
      });
      expect(teamless.map((h) => h.id)).toEqual([olgas.id]);
    });

    it("picks a team's handoff for one agent with a new code, once", async () => {
      const handoff = makeHandoff({ agentId: null, agentName: null, createdBy: 'service:k1' });
      await t.store.insertHandoff(handoff);
      const pick = (agentId: string) => ({
        id: handoff.id,
        agentId,
        agentName: agentId.toUpperCase(),
        codeHash: randomBytes(32).toString('hex'),
        now: at(5),
      });
      const picks = [pick('olga'), pick('piotr'), pick('marta')];
      const results = await Promise.all(picks.map((p) => t.store.pickHandoff(p)));
      const won = results.filter((r) => r !== null);
      expect(won).toHaveLength(1);
      const winner = picks.find((p) => p.agentId === won[0]?.agentId);
      expect(won[0]).toEqual({
        ...handoff,
        agentId: winner?.agentId,
        agentName: winner?.agentName,
        codeHash: winner?.codeHash,
      });
      expect(await t.store.getHandoffByCodeHash(handoff.codeHash)).toBeNull();
      expect(await t.store.getHandoff(handoff.id)).toEqual(won[0]);

      // The winner may pick it again (a lost link); nobody else may.
      const again = { ...pick(winner?.agentId ?? ''), agentName: winner?.agentName ?? '' };
      expect((await t.store.pickHandoff(again))?.codeHash).toBe(again.codeHash);
      const other = picks.find((p) => p !== winner);
      expect(await t.store.pickHandoff({ ...pick(other?.agentId ?? '') })).toBeNull();
    });

    it('picks nothing that is expired, past its deadline, claimed or unknown', async () => {
      const due = makeHandoff({ agentId: null, expiresAt: at(10) });
      const revoked = makeHandoff({ agentId: null, state: 'revoked' });
      const claimed = makeHandoff({ agentId: null });
      for (const handoff of [due, revoked, claimed]) await t.store.insertHandoff(handoff);
      await t.store.claimHandoff(claimOf(claimed));
      const pick = (handoffId: string, now: string) => ({
        id: handoffId,
        agentId: 'olga',
        agentName: 'Olga',
        codeHash: randomBytes(32).toString('hex'),
        now,
      });
      expect(await t.store.pickHandoff(pick(due.id, at(10)))).toBeNull();
      expect(await t.store.pickHandoff(pick(revoked.id, at(5)))).toBeNull();
      expect(await t.store.pickHandoff(pick(claimed.id, at(6)))).toBeNull();
      expect(await t.store.pickHandoff(pick(id('ho'), at(5)))).toBeNull();
      expect(await t.store.getHandoff(due.id)).toEqual(due);
      expect((await t.store.pickHandoff(pick(due.id, at(9))))?.agentId).toBe('olga');
    });

    it('claims a pending handoff, creating its conversation and opening its chain', async () => {
      const handoff = makeHandoff();
      await t.store.insertHandoff(handoff);
      const claim = claimOf(handoff);
      const result = await t.store.claimHandoff(claim);

      expect(result.outcome).toBe('claimed');
      if (result.outcome !== 'claimed') return;
      const claimed: HandoffRecord = {
        ...handoff,
        state: 'claimed',
        claimedAt: claim.now,
        claimedBy: claim.customer,
        conversationId: claim.conversation.id,
      };
      expect(result.handoff).toEqual(claimed);
      expect(await t.store.getHandoff(handoff.id)).toEqual(claimed);
      expect(result.conversation).toEqual(claim.conversation);
      expect(await t.store.getConversation(claim.conversation.id)).toEqual(claim.conversation);
      const archive = await t.store.listArchive(claim.conversation.id);
      expect(archive.map((e) => [e.index, e.type])).toEqual([
        [1, 'handoff_created'],
        [2, 'handoff_claimed'],
      ]);
      expect(archive[0]?.text).toBe(handoff.note);
      expect((await verifyStored(t.store, t.key, claim.conversation.id)).ok).toBe(true);
    });

    it('lets exactly one of 10 concurrent claims of one code win', async () => {
      const handoff = makeHandoff();
      await t.store.insertHandoff(handoff);
      const claims = Array.from({ length: 10 }, () => claimOf(handoff));
      const results = await Promise.all(claims.map((claim) => t.store.claimHandoff(claim)));

      const outcomes = results.map((r) => r.outcome);
      expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'already_claimed')).toHaveLength(9);
      const winner = claims[outcomes.indexOf('claimed')];
      const stored = await t.store.getHandoff(handoff.id);
      expect(stored?.conversationId).toBe(winner?.conversation.id);
      expect(stored?.claimedBy).toEqual(winner?.customer);
      for (const claim of claims) {
        const conversation = await t.store.getConversation(claim.conversation.id);
        expect(conversation === null).toBe(claim !== winner);
      }
    });

    it('tells expired, revoked and unknown codes apart, and claims nothing for them', async () => {
      const due = makeHandoff({ expiresAt: at(10) });
      const expired = makeHandoff({ state: 'expired' });
      const revoked = makeHandoff({ state: 'revoked' });
      for (const handoff of [due, expired, revoked]) await t.store.insertHandoff(handoff);

      expect((await t.store.claimHandoff(claimOf(due, at(10)))).outcome).toBe('expired');
      expect((await t.store.claimHandoff(claimOf(due, at(11)))).outcome).toBe('expired');
      expect((await t.store.claimHandoff(claimOf(expired))).outcome).toBe('expired');
      expect((await t.store.claimHandoff(claimOf(revoked))).outcome).toBe('revoked');
      expect((await t.store.claimHandoff(claimOf(makeHandoff()))).outcome).toBe('not_found');
      expect(await t.store.listConversations({ limit: 10 })).toEqual([]);
      expect((await t.store.claimHandoff(claimOf(due, at(9)))).outcome).toBe('claimed');
    });

    it('revokes only a pending handoff', async () => {
      const handoff = makeHandoff();
      await t.store.insertHandoff(handoff);
      expect(await t.store.revokeHandoff(handoff.id, at(3))).toEqual({
        ...handoff,
        state: 'revoked',
      });
      expect(await t.store.revokeHandoff(handoff.id, at(4))).toBeNull();
      expect(await t.store.revokeHandoff(id('ho'), at(4))).toBeNull();

      const claimed = makeHandoff();
      await t.store.insertHandoff(claimed);
      await t.store.claimHandoff(claimOf(claimed));
      expect(await t.store.revokeHandoff(claimed.id, at(6))).toBeNull();
      expect((await t.store.getHandoff(claimed.id))?.state).toBe('claimed');
    });

    it('expires pending handoffs past their deadline, each exactly once', async () => {
      const soon = makeHandoff({ expiresAt: at(10) });
      const later = makeHandoff({ expiresAt: at(20) });
      const claimed = makeHandoff({ expiresAt: at(10) });
      for (const handoff of [soon, later, claimed]) await t.store.insertHandoff(handoff);
      await t.store.claimHandoff(claimOf(claimed, at(5)));

      expect(await t.store.expireHandoffs(at(9))).toEqual([]);
      const [first, second] = await Promise.all([
        t.store.expireHandoffs(at(10)),
        t.store.expireHandoffs(at(10)),
      ]);
      expect([...first, ...second]).toEqual([{ ...soon, state: 'expired' }]);
      expect((await t.store.getHandoff(later.id))?.state).toBe('pending');
      expect((await t.store.getHandoff(claimed.id))?.state).toBe('claimed');
    });
  });
}
