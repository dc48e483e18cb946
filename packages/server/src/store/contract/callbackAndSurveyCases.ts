import { describe, expect, it } from 'vitest';
import type { ContractContext } from './ContractContext.js';
import { at, entry, id, makeCallback, makeConversation, makeSurvey } from './fixtures.js';

/** Call-backs (storage, listing, compare-and-set) and the one survey answer per conversation. */
export function callbackAndSurveyCases(t: ContractContext): void {
  describe('callbacks', () => {
    it('stores a call-back, archiving it in its conversation when it has one', async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      const inConversation = makeCallback({ conversationId: conversation.id });
      const fromLauncher = makeCallback();
      await t.store.insertCallback(
        inConversation,
        entry('callback', { data: { state: 'requested' } }),
      );
      await t.store.insertCallback(fromLauncher, null);
      expect(await t.store.getCallback(inConversation.id)).toEqual(inConversation);
      expect(await t.store.getCallback(fromLauncher.id)).toEqual(fromLauncher);
      expect(await t.store.getCallback(id('cb'))).toBeNull();
      expect((await t.store.listArchive(conversation.id)).map((e) => e.type)).toEqual(['callback']);
    });

    it('refuses an archive entry for a call-back without a conversation, storing nothing', async () => {
      const callback = makeCallback();
      await expect(t.store.insertCallback(callback, entry('callback'))).rejects.toThrow();
      expect(await t.store.getCallback(callback.id)).toBeNull();
    });

    it('lists call-backs by team, customer and state, newest first', async () => {
      const old = makeCallback({ createdAt: at(1) });
      const newer = makeCallback({
        createdAt: at(2),
        customerId: old.customerId,
        state: 'scheduled',
      });
      const cards = makeCallback({ createdAt: at(3), team: 'cards' });
      for (const callback of [old, newer, cards]) await t.store.insertCallback(callback, null);
      const ids = async (filter: Parameters<typeof t.store.listCallbacks>[0]) =>
        (await t.store.listCallbacks(filter)).map((c) => c.id);
      expect(await ids({ teams: ['care'], limit: 10 })).toEqual([newer.id, old.id]);
      expect(await ids({ customerId: old.customerId, states: ['requested'], limit: 10 })).toEqual([
        old.id,
      ]);
      expect(await ids({ limit: 2 })).toEqual([cards.id, newer.id]);
      expect(await ids({ teams: [], limit: 10 })).toEqual([]);
    });

    it('updates a call-back only from the expected states, once under a race', async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      const callback = makeCallback({ conversationId: conversation.id });
      await t.store.insertCallback(callback, null);
      const schedule = (agentId: string) =>
        t.store.updateCallback(
          callback.id,
          ['requested'],
          { state: 'scheduled', agentId, scheduledFor: at(150), updatedAt: at(10) },
          entry('callback', { data: { state: 'scheduled' } }),
        );
      const results = await Promise.all([schedule('olga'), schedule('piotr')]);
      const winner = results.find((r) => r !== null);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(winner).toEqual({
        ...callback,
        state: 'scheduled',
        agentId: winner?.agentId,
        scheduledFor: at(150),
        updatedAt: at(10),
      });
      expect(await t.store.getCallback(callback.id)).toEqual(winner);
      expect(await t.store.listArchive(conversation.id)).toHaveLength(1);

      const done = await t.store.updateCallback(
        callback.id,
        ['scheduled'],
        { state: 'completed' },
        null,
      );
      expect(done?.state).toBe('completed');
      expect(done?.updatedAt).toBe(at(10));
      expect(
        await t.store.updateCallback(
          callback.id,
          ['requested', 'scheduled'],
          { state: 'cancelled' },
          null,
        ),
      ).toBeNull();
      expect(
        await t.store.updateCallback(id('cb'), ['requested'], { state: 'cancelled' }, null),
      ).toBeNull();
    });
  });

  describe('surveys', () => {
    it('keeps the first answer of a conversation, archived once', async () => {
      const conversation = makeConversation({ state: 'closed', closedAt: at(20) });
      await t.store.insertConversation(conversation, []);
      const first = makeSurvey(conversation, { score: 9 });
      const second = makeSurvey(conversation, { score: 2, comment: null });
      const [a, b] = await Promise.all([
        t.store.insertSurvey(first, entry('survey', { data: { score: 9 } })),
        t.store.insertSurvey(second, entry('survey', { data: { score: 2 } })),
      ]);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.survey).toEqual(b.survey);
      expect(await t.store.listSurveys({})).toEqual([a.survey]);
      expect(await t.store.listArchive(conversation.id)).toHaveLength(1);
    });

    it('lists answers submitted in [from, to) and by customer, oldest first', async () => {
      const surveys = [];
      for (const minute of [10, 20, 30]) {
        const conversation = makeConversation();
        await t.store.insertConversation(conversation, []);
        const survey = makeSurvey(conversation, { submittedAt: at(minute) });
        await t.store.insertSurvey(survey, entry('survey'));
        surveys.push(survey);
      }
      const [s10, s20, s30] = surveys;
      expect(await t.store.listSurveys({})).toEqual([s10, s20, s30]);
      expect(await t.store.listSurveys({ from: at(20) })).toEqual([s20, s30]);
      expect(await t.store.listSurveys({ from: at(10), to: at(30) })).toEqual([s10, s20]);
      expect(await t.store.listSurveys({ customerId: s20?.customerId })).toEqual([s20]);
    });
  });
}
