import type { PublicPost } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { macText } from '../archiveChain.js';
import type { ContractContext } from './ContractContext.js';
import { at, entry, id, makeConversation, makeMessage, OLGA, verifyStored } from './fixtures.js';

const PUBLIC_POST: PublicPost = {
  author: 'Anna',
  handle: '@anna_k',
  text: 'My card is blocked',
  postedAt: at(-5),
};

/** Messages: gap-free `seq`, idempotent sends, the SLA's first reply, listing and amendments. */
export function messageCases(t: ContractContext): void {
  describe('messages', () => {
    it('appends with the next seq and moves the conversation along', async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      const first = await t.store.appendMessage(
        makeMessage(conversation.id, { createdAt: at(2), redactions: ['card'] }),
        entry('message'),
      );
      const second = await t.store.appendMessage(
        makeMessage(conversation.id, { createdAt: at(3), text: 'Anyone?' }),
        entry('message'),
      );
      expect([first.created, first.message.seq, second.message.seq]).toEqual([true, 1, 2]);
      expect(first.message.redactions).toEqual(['card']);
      expect(await t.store.listMessages(conversation.id, 0, { includeNotes: true })).toEqual([
        first.message,
        second.message,
      ]);
      const stored = await t.store.getConversation(conversation.id);
      expect(stored).toMatchObject({ lastSeq: 2, lastMessageAt: at(3), lastActivityAt: at(3) });
    });

    it('tells onCommitted what it appended, once, before the append resolves', async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      const seen: { created: boolean; seq: number; beforeResolve: boolean }[] = [];
      const append = async (message: ReturnType<typeof makeMessage>) => {
        let resolved = false;
        const result = await t.store.appendMessage(message, entry('message'), (appended) => {
          seen.push({
            created: appended.created,
            seq: appended.message.seq,
            beforeResolve: !resolved,
          });
        });
        resolved = true;
        return result;
      };
      const input = makeMessage(conversation.id, { clientMsgId: 'c-hook' });
      const first = await append(input);
      const repeat = await append({ ...input, id: id('m') });
      expect(seen).toEqual([
        { created: true, seq: first.message.seq, beforeResolve: true },
        { created: false, seq: first.message.seq, beforeResolve: true },
      ]);
      expect(repeat).toEqual({ message: first.message, created: false });
    });

    it('keeps seq gap-free and ordered under 200 concurrent appends', async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          t.store.appendMessage(
            makeMessage(conversation.id, { text: `message ${i}`, clientMsgId: `client-${i}-xyz` }),
            entry('message'),
          ),
        ),
      );
      const seqs = results.map((r) => r.message.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      const listed = await t.store.listMessages(conversation.id, 0, { includeNotes: true });
      expect(listed.map((m) => m.seq)).toEqual(seqs);
      expect((await t.store.getConversation(conversation.id))?.lastSeq).toBe(200);
      const archive = await t.store.listArchive(conversation.id);
      expect(archive.map((e) => e.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(seqs);
      expect((await verifyStored(t.store, t.key, conversation.id)).ok).toBe(true);
    });

    it('returns the stored original for a repeated clientMsgId', async () => {
      const conversation = makeConversation();
      const elsewhere = makeConversation();
      for (const c of [conversation, elsewhere]) await t.store.insertConversation(c, []);
      const send = (conversationId: string, text: string) =>
        t.store.appendMessage(
          makeMessage(conversationId, { clientMsgId: 'retry-0001', text }),
          entry('message'),
        );
      const original = await send(conversation.id, 'first try');
      const repeat = await send(conversation.id, 'second try');
      expect(repeat).toEqual({ message: original.message, created: false });
      expect((await t.store.getConversation(conversation.id))?.lastSeq).toBe(1);
      expect(await t.store.listArchive(conversation.id)).toHaveLength(1);
      expect((await send(elsewhere.id, 'other conversation')).created).toBe(true);

      const untracked = makeMessage(conversation.id, { clientMsgId: null });
      await t.store.appendMessage(untracked, entry('message'));
      await t.store.appendMessage({ ...untracked, id: id('m') }, entry('message'));
      expect((await t.store.getConversation(conversation.id))?.lastSeq).toBe(3);
    });

    it('returns what the relay routes by, as the append left it', async () => {
      const conversation = makeConversation({
        agentId: 'olga',
        agentName: 'Olga',
        publicThread: [PUBLIC_POST],
      });
      await t.store.insertConversation(conversation, []);
      const appended = await t.store.appendMessage(
        makeMessage(conversation.id, { createdAt: at(4), sender: OLGA }),
        entry('message'),
      );
      if (!appended.created) throw new Error('expected a new message');
      const stored = await t.store.getConversation(conversation.id);
      expect(stored?.publicThread).toEqual([PUBLIC_POST]);
      expect(appended.conversation).toEqual({
        id: conversation.id,
        channel: conversation.channel,
        team: conversation.team,
        state: conversation.state,
        agentId: 'olga',
        slaDeadline: conversation.slaDeadline,
        firstReplyAt: at(4),
        lastSeq: appended.message.seq,
      });
      expect(stored).toMatchObject(appended.conversation);
    });

    it("refuses a person's message to a closed conversation, atomically, but not a system line", async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      const original = await t.store.appendMessage(
        makeMessage(conversation.id, { clientMsgId: 'sent-before-close' }),
        entry('message'),
      );
      await t.store.transitionConversation(
        conversation.id,
        { from: ['active'] },
        { state: 'closed', closedAt: at(5), closedBy: 'agent' },
        null,
      );
      for (const kind of ['text', 'note'] as const) {
        await expect(
          t.store.appendMessage(makeMessage(conversation.id, { kind }), entry('message')),
        ).rejects.toMatchObject({ code: 'CONVERSATION_CLOSED' });
      }
      expect((await t.store.getConversation(conversation.id))?.lastSeq).toBe(1);
      expect(await t.store.listArchive(conversation.id)).toHaveLength(1);
      // The outbox that resends a message stored before the close hears back its original.
      const resent = await t.store.appendMessage(
        makeMessage(conversation.id, { clientMsgId: 'sent-before-close', text: 'again' }),
        entry('message'),
      );
      expect(resent).toEqual({ message: original.message, created: false });
      const closing = await t.store.appendMessage(
        makeMessage(conversation.id, {
          kind: 'system',
          sender: { role: 'system', id: null, name: null },
        }),
        entry('system'),
      );
      expect([closing.created, closing.message.seq]).toEqual([true, 2]);
    });

    it("sets firstReplyAt at the agent's first text message only", async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      const append = (overrides: Parameters<typeof makeMessage>[1]) =>
        t.store.appendMessage(makeMessage(conversation.id, overrides), entry('message'));
      const firstReply = async () => (await t.store.getConversation(conversation.id))?.firstReplyAt;

      await append({ createdAt: at(2) });
      await append({ createdAt: at(3), kind: 'note', sender: OLGA });
      await append({
        createdAt: at(4),
        kind: 'system',
        sender: { role: 'system', id: null, name: null },
      });
      expect(await firstReply()).toBeNull();
      await append({ createdAt: at(5), sender: OLGA });
      await append({ createdAt: at(6), sender: OLGA });
      expect(await firstReply()).toBe(at(5));
    });

    it('lists messages after a seq, with notes only when asked', async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      const kinds = ['text', 'note', 'text', 'system', 'note'] as const;
      for (const kind of kinds) {
        await t.store.appendMessage(
          makeMessage(conversation.id, { kind, sender: OLGA }),
          entry('message'),
        );
      }
      const seqs = async (afterSeq: number, includeNotes: boolean) =>
        (await t.store.listMessages(conversation.id, afterSeq, { includeNotes })).map((m) => m.seq);
      expect(await seqs(0, true)).toEqual([1, 2, 3, 4, 5]);
      expect(await seqs(0, false)).toEqual([1, 3, 4]);
      expect(await seqs(2, false)).toEqual([3, 4]);
      expect(await seqs(5, true)).toEqual([]);
      expect(await t.store.listMessages(id('cv'), 0, { includeNotes: true })).toEqual([]);
    });

    it('refuses a message for a conversation that does not exist', async () => {
      await expect(
        t.store.appendMessage(makeMessage(id('cv')), entry('message')),
      ).rejects.toThrow();
    });

    it('overwrites an amended text and archives the amendment by MAC only', async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      const { message } = await t.store.appendMessage(
        makeMessage(conversation.id, { text: 'my account is 40817810' }),
        entry('message', { text: 'my account is 40817810' }),
      );
      const masked = 'my account is ••••7810';
      const amended = await t.store.amendMessage(
        conversation.id,
        message.seq,
        { text: masked, redactions: ['account'] },
        entry('amendment', { actor: { ...OLGA }, text: masked }),
      );
      expect(amended).toEqual({ ...message, text: masked, redactions: ['account'] });
      expect(await t.store.listMessages(conversation.id, 0, { includeNotes: true })).toEqual([
        amended,
      ]);

      const archive = await t.store.listArchive(conversation.id);
      expect(archive.map((e) => [e.type, e.seq, e.text])).toEqual([
        ['message', 1, null],
        ['amendment', 1, null],
      ]);
      expect(archive[1]?.textMac).toBe(macText(t.key, masked));
      expect(JSON.stringify(archive)).not.toContain('40817810');
      expect((await verifyStored(t.store, t.key, conversation.id)).ok).toBe(true);

      const none = await t.store.amendMessage(
        conversation.id,
        9,
        { text: 'x', redactions: [] },
        entry('amendment'),
      );
      expect(none).toBeNull();
      expect(await t.store.listArchive(conversation.id)).toHaveLength(2);
    });
  });
}
