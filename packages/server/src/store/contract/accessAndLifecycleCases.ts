import { describe, expect, it } from 'vitest';
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
  verifyStored,
} from './fixtures.js';

/** Service keys, the deny list, and the store's own lifecycle: migrate, ping, close, reopen. */
export function accessAndLifecycleCases(t: ContractContext): void {
  describe('access', () => {
    it('finds a service key by the hash of the key only', async () => {
      const key = { id: id('sk'), keyHash: 'a'.repeat(64), name: 'Social tool', createdAt: at(0) };
      await t.store.insertServiceKey(key);
      expect(await t.store.getServiceKeyByHash(key.keyHash)).toEqual(key);
      expect(await t.store.getServiceKeyByHash('b'.repeat(64))).toBeNull();
      await expect(t.store.insertServiceKey({ ...key, id: id('sk') })).rejects.toThrow();
    });

    it('denies a subject, repeatably, and nobody else', async () => {
      expect(await t.store.isDenied('olga')).toBe(false);
      await t.store.denySubject('olga', at(1));
      await t.store.denySubject('olga', at(2));
      expect(await t.store.isDenied('olga')).toBe(true);
      expect(await t.store.isDenied('piotr')).toBe(false);
    });
  });

  describe('lifecycle', () => {
    it('migrates idempotently and answers pings until closed', async () => {
      await t.store.migrate();
      await t.store.migrate();
      await expect(t.store.ping()).resolves.toBeUndefined();
      await t.store.close();
      await t.store.close();
      await expect(t.store.ping()).rejects.toThrow();
    });

    it('keeps everything across close and reopen, and carries on from there', async () => {
      const handoff = makeHandoff();
      const conversation = makeConversation();
      const callback = makeCallback({ conversationId: conversation.id });
      const hold = makeHold(conversation.customer.id);
      const audit = makeAudit();
      const key = { id: id('sk'), keyHash: 'c'.repeat(64), name: 'Social tool', createdAt: at(0) };
      await t.store.insertHandoff(handoff);
      await t.store.insertConversation(conversation, [entry('assigned')]);
      await t.store.appendMessage(
        makeMessage(conversation.id, { clientMsgId: 'before-restart' }),
        entry('message'),
      );
      await t.store.insertCallback(callback, entry('callback'));
      await t.store.insertLegalHold(hold);
      await t.store.insertAudit(audit);
      await t.store.insertServiceKey(key);
      await t.store.denySubject('olga', at(1));
      const before = await t.store.listArchive(conversation.id);

      t.store = await t.harness.reopen();
      await t.store.migrate();
      expect(await t.store.getHandoff(handoff.id)).toEqual(handoff);
      expect((await t.store.getConversation(conversation.id))?.lastSeq).toBe(1);
      expect(await t.store.getCallback(callback.id)).toEqual(callback);
      expect(await t.store.listLegalHolds({})).toEqual([hold]);
      expect(await t.store.listAudit({ limit: 10 })).toEqual([audit]);
      expect(await t.store.getServiceKeyByHash(key.keyHash)).toEqual(key);
      expect(await t.store.isDenied('olga')).toBe(true);
      expect(await t.store.listArchive(conversation.id)).toEqual(before);

      const repeat = await t.store.appendMessage(
        makeMessage(conversation.id, { clientMsgId: 'before-restart' }),
        entry('message'),
      );
      expect(repeat.created).toBe(false);
      const next = await t.store.appendMessage(makeMessage(conversation.id), entry('message'));
      expect(next.message.seq).toBe(2);
      expect((await verifyStored(t.store, t.key, conversation.id)).ok).toBe(true);
    });
  });
}
