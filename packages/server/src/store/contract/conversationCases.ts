import { describe, expect, it } from 'vitest';
import type { ContractContext } from './ContractContext.js';
import {
  at,
  entry,
  id,
  makeConversation,
  makeMessage,
  makeQueued,
  verifyStored,
} from './fixtures.js';

/** Conversations: storage, listing, compare-and-set transitions, deadlines and read markers. */
export function conversationCases(t: ContractContext): void {
  describe('conversations', () => {
    it('stores a conversation with its opening archive entries', async () => {
      const conversation = makeConversation({ publicThread: [], handoffId: null });
      await t.store.insertConversation(conversation, [entry('queued'), entry('assigned')]);
      expect(await t.store.getConversation(conversation.id)).toEqual(conversation);
      expect(await t.store.getConversation(id('cv'))).toBeNull();
      const archive = await t.store.listArchive(conversation.id);
      expect(archive.map((e) => [e.index, e.type])).toEqual([
        [1, 'queued'],
        [2, 'assigned'],
      ]);
      expect((await verifyStored(t.store, t.key, conversation.id)).ok).toBe(true);
    });

    it("reads a conversation's head: the fields a message needs, as the row holds them now", async () => {
      const conversation = makeConversation({ firstReplyAt: at(3), lastSeq: 0 });
      await t.store.insertConversation(conversation, []);
      await t.store.appendMessage(makeMessage(conversation.id), entry('message'));
      expect(await t.store.getConversationHead(conversation.id)).toEqual({
        id: conversation.id,
        channel: conversation.channel,
        team: conversation.team,
        state: conversation.state,
        agentId: conversation.agentId,
        slaDeadline: conversation.slaDeadline,
        firstReplyAt: conversation.firstReplyAt,
        lastSeq: 1,
        customerId: conversation.customer.id,
      });
      expect(await t.store.getConversationHead(id('cv'))).toBeNull();
    });

    it('lists conversations by agent, team, state and customer, newest first', async () => {
      const mine = makeConversation({ createdAt: at(1) });
      const mineClosed = makeConversation({ createdAt: at(2), state: 'closed', closedAt: at(3) });
      const queued = makeQueued('cards', at(4));
      const other = makeConversation({ agentId: 'piotr', createdAt: at(5) }, mine.customer.id);
      for (const c of [mine, mineClosed, queued, other]) await t.store.insertConversation(c, []);

      const ids = async (filter: Parameters<typeof t.store.listConversations>[0]) =>
        (await t.store.listConversations(filter)).map((c) => c.id);
      expect(await ids({ agentId: 'olga', limit: 10 })).toEqual([mineClosed.id, mine.id]);
      expect(await ids({ agentId: 'olga', states: ['active'], limit: 10 })).toEqual([mine.id]);
      expect(await ids({ teams: ['cards'], states: ['queued'], limit: 10 })).toEqual([queued.id]);
      expect(await ids({ customerId: mine.customer.id, limit: 10 })).toEqual([other.id, mine.id]);
      expect(await ids({ limit: 3 })).toHaveLength(3);
      expect(await ids({ states: [], limit: 10 })).toEqual([]);
    });

    it('lists unanswered conversations due by a time, for the SLA warnings', async () => {
      const dueSoon = makeConversation({ createdAt: at(1), slaDeadline: at(20) });
      const dueLater = makeConversation({ createdAt: at(2), slaDeadline: at(40) });
      const answered = makeConversation({
        createdAt: at(3),
        slaDeadline: at(10),
        firstReplyAt: at(5),
      });
      for (const c of [dueSoon, dueLater, answered]) await t.store.insertConversation(c, []);
      const ids = async (unansweredBy: string) =>
        (await t.store.listConversations({ unansweredBy, limit: 10 })).map((c) => c.id);
      expect(await ids(at(30))).toEqual([dueSoon.id]);
      expect(await ids(at(20))).toEqual([dueSoon.id]);
      expect(await ids(at(40))).toEqual([dueLater.id, dueSoon.id]);
      expect(await ids(at(19))).toEqual([]);
    });

    it('transitions only from the expected state, applying exactly the patch', async () => {
      const conversation = makeQueued('care', at(1));
      await t.store.insertConversation(conversation, []);

      const refused = await t.store.transitionConversation(
        conversation.id,
        { from: ['waiting', 'active'] },
        { state: 'closed', closedAt: at(5), closedBy: 'agent' },
        entry('closed'),
      );
      expect(refused).toBeNull();
      expect(await t.store.getConversation(conversation.id)).toEqual(conversation);
      expect(await t.store.listArchive(conversation.id)).toEqual([]);

      const patch = {
        state: 'active',
        agentId: 'piotr',
        agentName: 'Piotr',
        queuedAt: null,
      } as const;
      const assigned = await t.store.transitionConversation(
        conversation.id,
        { from: ['queued'] },
        patch,
        entry('assigned', { data: { agentId: 'piotr' } }),
      );
      expect(assigned).toEqual({ ...conversation, ...patch });
      expect(await t.store.getConversation(conversation.id)).toEqual(assigned);
      expect((await t.store.listArchive(conversation.id)).map((e) => e.type)).toEqual(['assigned']);
      expect(
        await t.store.transitionConversation(id('cv'), { from: ['queued'] }, patch, null),
      ).toBeNull();
    });

    it('lets exactly one of two concurrent assignments of a queued conversation win', async () => {
      const conversation = makeQueued('care', at(1));
      await t.store.insertConversation(conversation, []);
      const assign = (agentId: string) =>
        t.store.transitionConversation(
          conversation.id,
          { from: ['queued'] },
          { state: 'active', agentId, agentName: agentId, queuedAt: null },
          entry('assigned', { data: { agentId } }),
        );
      const results = await Promise.all([assign('olga'), assign('piotr')]);
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect((await t.store.getConversation(conversation.id))?.agentId).toBe(winners[0]?.agentId);
      expect(await t.store.listArchive(conversation.id)).toHaveLength(1);
    });

    it('finds due fallbacks and fires each fallback once', async () => {
      const waiting = makeConversation({ state: 'waiting', fallbackAt: at(5) });
      const notDue = makeConversation({ state: 'waiting', fallbackAt: at(50) });
      const active = makeConversation({ fallbackAt: null });
      for (const c of [waiting, notDue, active]) await t.store.insertConversation(c, []);

      expect(await t.store.dueFallbacks(at(4))).toEqual([]);
      expect(await t.store.dueFallbacks(at(5))).toEqual([waiting.id]);
      const fallBack = (dueBy: string) =>
        t.store.transitionConversation(
          waiting.id,
          { from: ['waiting'], fallbackDueBy: dueBy },
          { state: 'queued', agentId: null, agentName: null, fallbackAt: null, queuedAt: dueBy },
          entry('queued', { data: { reason: 'fallback' } }),
        );
      expect(await fallBack(at(4))).toBeNull();
      const results = await Promise.all([fallBack(at(6)), fallBack(at(6))]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await t.store.dueFallbacks(at(60))).toEqual([notDue.id]);
      expect(await t.store.listArchive(waiting.id)).toHaveLength(1);
    });

    it('checks the assigned agent when the condition names one', async () => {
      const active = makeConversation({ agentId: 'olga' });
      const queued = makeQueued('care', at(1));
      for (const c of [active, queued]) await t.store.insertConversation(c, []);
      const close = (conversationId: string, agentId: string | null) =>
        t.store.transitionConversation(
          conversationId,
          { from: ['active', 'queued'], agentId },
          { state: 'closed', closedAt: at(9), closedBy: 'agent' },
          null,
        );
      expect(await close(active.id, 'piotr')).toBeNull();
      expect(await close(active.id, null)).toBeNull();
      expect((await close(active.id, 'olga'))?.state).toBe('closed');
      expect(await close(queued.id, 'olga')).toBeNull();
      expect((await close(queued.id, null))?.state).toBe('closed');
    });

    it('finds open conversations idle since a time', async () => {
      const idleActive = makeConversation({ lastActivityAt: at(0) });
      const idleQueued = { ...makeQueued('care', at(0)), lastActivityAt: at(0) };
      const closed = makeConversation({ lastActivityAt: at(0), state: 'closed', closedAt: at(1) });
      const busy = makeConversation({ lastActivityAt: at(30) });
      for (const c of [idleActive, idleQueued, closed, busy])
        await t.store.insertConversation(c, []);

      const idle = await t.store.idleConversations(at(10));
      expect([...idle].sort()).toEqual([idleActive.id, idleQueued.id].sort());
      expect(await t.store.idleConversations(at(0))).toEqual([]);
    });

    it('raises read markers per side, never lowers them and never past the last message', async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      for (let i = 0; i < 5; i++) {
        await t.store.appendMessage(makeMessage(conversation.id), entry('message'));
      }
      await t.store.markRead(conversation.id, 'customer', 3);
      await t.store.markRead(conversation.id, 'customer', 2);
      await t.store.markRead(conversation.id, 'agent', 99);
      const read = await t.store.getConversation(conversation.id);
      expect([read?.customerReadSeq, read?.agentReadSeq]).toEqual([3, 5]);
      await t.store.markRead(conversation.id, 'customer', 4);
      expect((await t.store.getConversation(conversation.id))?.customerReadSeq).toBe(4);
    });
  });
}
