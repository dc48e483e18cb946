import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../records.js';
import type { ContractContext } from './ContractContext.js';
import {
  at,
  entry,
  id,
  makeAudit,
  makeCallback,
  makeConversation,
  makeHandoff,
  makeHold,
  makeMessage,
  makeSurvey,
} from './fixtures.js';

/** Legal holds, the audit log, retention purges and erasure. */
export function complianceCases(t: ContractContext): void {
  /** A conversation with a message, a call-back, a survey and the handoff it was claimed from. */
  async function fullConversation(
    customerId: string,
    overrides: Partial<ConversationRecord> = {},
  ): Promise<ConversationRecord> {
    const conversation = makeConversation(overrides, customerId);
    const handoff = makeHandoff({
      state: 'claimed',
      claimedAt: at(1),
      claimedBy: { customerId, name: 'Customer' },
      conversationId: conversation.id,
    });
    await t.store.insertHandoff(handoff);
    // Talked first and closed afterwards, as in life: a closed conversation takes no messages.
    await t.store.insertConversation(
      { ...conversation, handoffId: handoff.id, state: 'active', closedAt: null, closedBy: null },
      [entry('assigned')],
    );
    await t.store.appendMessage(makeMessage(conversation.id), entry('message'));
    if (conversation.state !== 'active') {
      const { state, closedAt, closedBy, lastActivityAt } = conversation;
      await t.store.transitionConversation(
        conversation.id,
        { from: ['active'] },
        { state, closedAt, closedBy, lastActivityAt },
        null,
      );
    }
    await t.store.insertCallback(
      makeCallback({ conversationId: conversation.id, customerId }),
      null,
    );
    await t.store.insertSurvey(makeSurvey(conversation), entry('survey'));
    return { ...conversation, handoffId: handoff.id };
  }

  /** Whether anything of a conversation is left anywhere. */
  async function remains(conversation: ConversationRecord): Promise<boolean[]> {
    return [
      (await t.store.getConversation(conversation.id)) !== null,
      (await t.store.listMessages(conversation.id, 0, { includeNotes: true })).length > 0,
      (await t.store.listArchive(conversation.id)).length > 0,
      (await t.store.listCallbacks({ customerId: conversation.customer.id, limit: 10 })).some(
        (c) => c.conversationId === conversation.id,
      ),
      (await t.store.listSurveys({ customerId: conversation.customer.id })).length > 0,
      (await t.store.getHandoff(conversation.handoffId ?? '')) !== null,
    ];
  }
  const ALL = [true, true, true, true, true, true];
  const NONE = [false, false, false, false, false, false];

  describe('compliance', () => {
    it('sets, lists and releases legal holds', async () => {
      const held = makeHold('anna', { createdAt: at(1) });
      const other = makeHold('bob', { createdAt: at(2) });
      for (const hold of [held, other]) await t.store.insertLegalHold(hold);
      expect(await t.store.listLegalHolds({})).toEqual([held, other]);
      expect(await t.store.listLegalHolds({ customerId: 'anna' })).toEqual([held]);

      const released = await t.store.releaseLegalHold(held.id, 'compliance-kate', at(9));
      expect(released).toEqual({ ...held, releasedAt: at(9), releasedBy: 'compliance-kate' });
      expect(await t.store.releaseLegalHold(held.id, 'someone-else', at(10))).toBeNull();
      expect(await t.store.releaseLegalHold(id('lh'), 'compliance-kate', at(10))).toBeNull();
      expect(await t.store.listLegalHolds({ activeOnly: true })).toEqual([other]);
      expect(await t.store.listLegalHolds({ customerId: 'anna' })).toEqual([released]);
    });

    it('pages through the audit log newest first without losing entries that share a time', async () => {
      const entries = [0, 1, 1, 1, 2, 3].map((minute) => makeAudit({ at: at(minute) }));
      for (const audit of entries) await t.store.insertAudit(audit);
      const seen = [];
      let page = await t.store.listAudit({ limit: 2 });
      while (page.length > 0) {
        seen.push(...page);
        const last = page.at(-1);
        page = await t.store.listAudit({ before: last?.at, beforeId: last?.id, limit: 2 });
      }
      expect(seen).toHaveLength(entries.length);
      expect(new Set(seen.map((e) => e.id))).toEqual(new Set(entries.map((e) => e.id)));
      expect(seen.map((e) => e.at)).toEqual([...seen.map((e) => e.at)].sort().reverse());
      expect(await t.store.listAudit({ before: at(1), limit: 10 })).toEqual([entries[0]]);
    });

    it('purges conversations closed before the cutoff, except under a legal hold', async () => {
      const closed = { state: 'closed' as const, closedAt: at(10), closedBy: 'customer' as const };
      const held = await fullConversation('anna', closed);
      const expired = await fullConversation('bob', closed);
      const recent = await fullConversation('carl', { ...closed, closedAt: at(100) });
      const open = await fullConversation('dave');
      await t.store.insertLegalHold(makeHold('anna'));

      expect(await t.store.purgeClosedBefore(at(50))).toEqual({ conversations: 1 });
      expect(await remains(expired)).toEqual(NONE);
      for (const kept of [held, recent, open]) expect(await remains(kept)).toEqual(ALL);
      expect(await t.store.listArchivedConversationIds()).not.toContain(expired.id);

      const [hold] = await t.store.listLegalHolds({ customerId: 'anna' });
      await t.store.releaseLegalHold(hold?.id ?? '', 'compliance-kate', at(60));
      expect(await t.store.purgeClosedBefore(at(50))).toEqual({ conversations: 1 });
      expect(await remains(held)).toEqual(NONE);
      expect(await t.store.purgeClosedBefore(at(50))).toEqual({ conversations: 0 });
    });

    it('refuses to erase a held customer and otherwise erases all of them', async () => {
      const closed = await fullConversation('anna', { state: 'closed', closedAt: at(10) });
      const queued = await fullConversation('anna', {
        state: 'queued',
        agentId: null,
        queuedAt: at(3),
      });
      const launcherCallback = makeCallback({ customerId: 'anna' });
      await t.store.insertCallback(launcherCallback, null);
      const bystander = await fullConversation('bob');
      const hold = makeHold('anna');
      await t.store.insertLegalHold(hold);

      expect(await t.store.eraseCustomer('anna')).toEqual({ held: true });
      for (const kept of [closed, queued, bystander]) expect(await remains(kept)).toEqual(ALL);

      await t.store.releaseLegalHold(hold.id, 'compliance-kate', at(60));
      expect(await t.store.eraseCustomer('anna')).toEqual({
        held: false,
        conversations: 2,
        callbacks: 3,
      });
      for (const erased of [closed, queued]) expect(await remains(erased)).toEqual(NONE);
      expect(await t.store.getCallback(launcherCallback.id)).toBeNull();
      expect(await t.store.listConversations({ customerId: 'anna', limit: 10 })).toEqual([]);
      expect(await t.store.listArchivedConversationIds()).toEqual([bystander.id]);
      expect(await remains(bystander)).toEqual(ALL);
      // The hold itself stays: it records why the data was kept, and until when.
      expect(await t.store.listLegalHolds({ customerId: 'anna' })).toHaveLength(1);
      expect(await t.store.eraseCustomer('nobody')).toEqual({
        held: false,
        conversations: 0,
        callbacks: 0,
      });
    });
  });
}
