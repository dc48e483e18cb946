import { describe, expect, it } from 'vitest';
import { macText, verifyChain } from '../archiveChain.js';
import type { ArchiveRecord } from '../records.js';
import type { ContractContext } from './ContractContext.js';
import {
  at,
  currentTexts,
  entry,
  id,
  makeCallback,
  makeConversation,
  makeMessage,
  makeSurvey,
  OLGA,
  verifyStored,
} from './fixtures.js';

/**
 * A conversation touched by every archiving method. Returns its id; its archive reads:
 * 1 queued, 2 assigned, 3 message (seq 1), 4 note (seq 2), 5 transferred (with a text),
 * 6 message (seq 3), 7 amendment (seq 1), 8 callback, 9 closed, 10 survey.
 */
async function mixedRun(t: ContractContext): Promise<string> {
  const conversation = {
    ...makeConversation(),
    state: 'queued' as const,
    agentId: null,
    agentName: null,
  };
  await t.store.insertConversation(conversation, [entry('queued')]);
  await t.store.transitionConversation(
    conversation.id,
    { from: ['queued'] },
    { state: 'active', agentId: 'olga', agentName: 'Olga' },
    entry('assigned', { data: { agentId: 'olga' } }),
  );
  const send = (text: string, kind: 'text' | 'note' = 'text') =>
    t.store.appendMessage(
      makeMessage(conversation.id, { text, kind }),
      entry(kind === 'note' ? 'note' : 'message', { text }),
    );
  await send('card 4111 1111 1111 1111');
  await send('Customer seems upset', 'note');
  await t.store.appendArchive(
    conversation.id,
    entry('transferred', { text: 'Please check the card limit', data: { to: 'piotr' } }),
  );
  await send('Thank you');
  await t.store.amendMessage(
    conversation.id,
    1,
    { text: 'card ••••1111', redactions: ['card'] },
    entry('amendment', { actor: { ...OLGA } }),
  );
  await t.store.insertCallback(
    makeCallback({ conversationId: conversation.id }),
    entry('callback'),
  );
  await t.store.transitionConversation(
    conversation.id,
    { from: ['active'] },
    { state: 'closed', closedAt: at(20), closedBy: 'customer' },
    entry('closed'),
  );
  await t.store.insertSurvey(
    makeSurvey({ ...conversation, agentId: 'olga' }),
    entry('survey', { data: { score: 9 } }),
  );
  return conversation.id;
}

/** The archive: what entries keep, chain linking, and that every kind of tampering shows. */
export function archiveCases(t: ContractContext): void {
  describe('archive', () => {
    it('keeps only a MAC of message-like texts and the text of other entries', async () => {
      const conversation = makeConversation();
      await t.store.insertConversation(conversation, []);
      await t.store.appendMessage(
        makeMessage(conversation.id, { text: 'Hi' }),
        entry('message', { text: 'Hi' }),
      );
      const system = await t.store.appendArchive(
        conversation.id,
        entry('system', { seq: 1, text: 'Recorded' }),
      );
      const transfer = await t.store.appendArchive(
        conversation.id,
        entry('transferred', { text: 'Over to cards' }),
      );

      const archive = await t.store.listArchive(conversation.id);
      expect(archive.map((e) => e.index)).toEqual([1, 2, 3]);
      expect(archive[0]).toMatchObject({
        type: 'message',
        seq: 1,
        text: null,
        textMac: macText(t.key, 'Hi'),
      });
      expect(system).toMatchObject({ text: null, textMac: macText(t.key, 'Recorded') });
      expect(transfer).toMatchObject({ index: 3, text: 'Over to cards', textMac: null });
      expect(archive.slice(1)).toEqual([system, transfer]);
      expect(archive.every((e) => e.conversationId === conversation.id)).toBe(true);
    });

    it('lists the conversations that have archive entries', async () => {
      const archived = makeConversation();
      const silent = makeConversation();
      await t.store.insertConversation(archived, [entry('assigned')]);
      await t.store.insertConversation(silent, []);
      expect(await t.store.listArchivedConversationIds()).toEqual([archived.id]);
    });

    it('refuses an entry for a conversation that does not exist', async () => {
      await expect(t.store.appendArchive(id('cv'), entry('transferred'))).rejects.toThrow();
    });

    it('verifies after a mixed run and keeps entries in their order', async () => {
      const conversationId = await mixedRun(t);
      const archive = await t.store.listArchive(conversationId);
      expect(archive.map((e) => e.type)).toEqual([
        'queued',
        'assigned',
        'message',
        'note',
        'transferred',
        'message',
        'amendment',
        'callback',
        'closed',
        'survey',
      ]);
      expect(archive.map((e) => e.seq)).toEqual([null, null, 1, 2, null, 3, 1, null, null, null]);
      const result = await verifyStored(t.store, t.key, conversationId);
      expect(result).toEqual({ ok: true, head: archive.at(-1)?.hash });
      expect(verifyChain(new Uint8Array(32).fill(7), archive).ok).toBe(false);
    });

    it('detects an edited, deleted or reordered entry, and a changed message text', async () => {
      const conversationId = await mixedRun(t);
      const archive = await t.store.listArchive(conversationId);
      const texts = await currentTexts(t.store, conversationId);
      const brokenAt = (records: ArchiveRecord[], messageTexts = texts) => {
        const result = verifyChain(t.key, records, messageTexts);
        return result.ok ? null : result.brokenAt;
      };
      const edited = archive.map((e) => (e.index === 5 ? { ...e, text: 'Nothing to see' } : e));
      expect(brokenAt(edited)).toBe(5);
      expect(brokenAt(archive.filter((e) => e.index !== 4))).toBe(4);
      const swapped = [...archive];
      [swapped[5], swapped[6]] = [archive[6] as ArchiveRecord, archive[5] as ArchiveRecord];
      expect(brokenAt(swapped)).toBe(6);
      // Message 1 was amended at entry 7, so that is the entry its current text must match.
      expect(brokenAt(archive, new Map(texts).set(1, 'card 4111 1111 1111 1111'))).toBe(7);
      expect(brokenAt(archive, new Map(texts).set(3, 'Thanks for nothing'))).toBe(6);
      expect(brokenAt(archive)).toBeNull();
    });

    it('exposes an entry tampered with in storage', async () => {
      const tamper = t.harness.tamperArchiveText?.bind(t.harness);
      if (!tamper) return;
      const conversationId = await mixedRun(t);
      await tamper(conversationId, 5, 'Nothing to see');
      const result = await verifyStored(t.store, t.key, conversationId);
      expect(result).toMatchObject({ ok: false, brokenAt: 5 });
    });
  });
}
