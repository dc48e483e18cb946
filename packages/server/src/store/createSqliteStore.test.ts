import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { entry, makeConversation, makeMessage, OLGA } from './contract/fixtures.js';
import { createSqliteStore, type SqliteStore } from './createSqliteStore.js';
import { describeStoreContract, type StoreHarness } from './storeContract.js';

const chainKey = randomBytes(32);

/** A store on a new file in its own temporary directory, which cleanup removes with the WAL. */
async function sqliteHarness(): Promise<StoreHarness & { store: SqliteStore; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-store-'));
  const file = join(dir, 'parley.sqlite');
  const open = () => createSqliteStore({ file, chainKey });
  let store = open();
  return {
    get store() {
      return store;
    },
    chainKey,
    file,
    async reopen() {
      await store.close();
      store = open();
      return store;
    },
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
    async tamperArchiveText(conversationId, index, text) {
      // An insider with file access: drops the append-only guard, then edits the row.
      const db = new Database(file);
      try {
        db.exec('DROP TRIGGER IF EXISTS archive_append_only');
        db.prepare('UPDATE archive SET text = ? WHERE conversation_id = ? AND idx = ?').run(
          text,
          conversationId,
          index,
        );
      } finally {
        db.close();
      }
    },
  };
}

/** The raw bytes of the database file and its WAL (if there is one), as one buffer. */
async function fileBytes(file: string): Promise<Buffer> {
  const read = (path: string) => readFile(path).catch(() => Buffer.alloc(0));
  return Buffer.concat([await read(file), await read(`${file}-wal`)]);
}

describeStoreContract('sqlite', sqliteHarness);

describe('createSqliteStore', () => {
  const harnesses: StoreHarness[] = [];
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.cleanup();
  });
  async function migrated() {
    const harness = await sqliteHarness();
    harnesses.push(harness);
    await harness.store.migrate();
    return harness;
  }

  it('runs with WAL, normal sync (the store syncs the WAL), secure delete, foreign keys and a busy timeout', async () => {
    const { store } = await migrated();
    expect(store.pragmas()).toEqual({
      journalMode: 'wal',
      synchronous: 1,
      secureDelete: 1,
      foreignKeys: 1,
      busyTimeout: 5_000,
    });
  });

  it('leaves no copy of an amended number in the file or its WAL', async () => {
    const { store, file } = await migrated();
    const conversation = makeConversation();
    await store.insertConversation(conversation, []);
    const original = 'my account is 40817810';
    await store.appendMessage(makeMessage(conversation.id, { text: original }), entry('message'));
    // The control: before the amendment the number is there to be found.
    expect((await fileBytes(file)).includes('40817810')).toBe(true);

    await store.amendMessage(
      conversation.id,
      1,
      { text: 'my account is ••••7810', redactions: ['account'] },
      entry('amendment', { actor: { ...OLGA } }),
    );
    expect((await fileBytes(file)).includes('40817810')).toBe(false);
    await store.close();
    expect((await fileBytes(file)).includes('40817810')).toBe(false);
  });

  it('leaves no copy of an erased customer’s messages in the file or its WAL', async () => {
    const { store, file } = await migrated();
    const conversation = makeConversation({}, 'anna');
    await store.insertConversation(conversation, []);
    await store.appendMessage(
      makeMessage(conversation.id, { text: 'Ask for Zbigniew' }),
      entry('message'),
    );
    expect((await fileBytes(file)).includes('Zbigniew')).toBe(true);
    await store.eraseCustomer('anna');
    expect((await fileBytes(file)).includes('Zbigniew')).toBe(false);
    await store.close();
    expect((await fileBytes(file)).includes('Zbigniew')).toBe(false);
  });

  it('commits the writes of one turn together, each in its own savepoint: one failing undoes only itself', async () => {
    const { store } = await migrated();
    const open = makeConversation();
    const closed = makeConversation({ state: 'closed', closedAt: '2026-03-02T09:03:00.000Z' });
    await store.insertConversation(open, []);
    await store.insertConversation(closed, []);
    // Queued in one turn of the event loop, so one transaction carries all three.
    const results = await Promise.allSettled([
      store.appendMessage(makeMessage(open.id, { clientMsgId: 'a' }), entry('message')),
      store.appendMessage(makeMessage(closed.id, { clientMsgId: 'b' }), entry('message')),
      store.appendMessage(makeMessage(open.id, { clientMsgId: 'c' }), entry('message')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(
      (await store.listMessages(open.id, 0, { includeNotes: true })).map((m) => [
        m.seq,
        m.clientMsgId,
      ]),
    ).toEqual([
      [1, 'a'],
      [2, 'c'],
    ]);
    // The refused append's `seq` increment and archive entry were rolled back with it.
    expect((await store.getConversationHead(closed.id))?.lastSeq).toBe(0);
    expect(await store.listArchive(closed.id)).toEqual([]);
    expect((await store.listArchive(open.id)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('refuses to edit an archive entry in place', async () => {
    const { store, file } = await migrated();
    const conversation = makeConversation();
    await store.insertConversation(conversation, [entry('assigned')]);
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE archive SET text = 'edited'").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer Parley and a short chain key', async () => {
    const { store, file } = await migrated();
    await store.close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const newer = createSqliteStore({ file, chainKey });
    await expect(newer.migrate()).rejects.toThrow(/newer than this Parley/);
    await newer.close();
    expect(() => createSqliteStore({ file, chainKey: randomBytes(16) })).toThrow(RangeError);
  });
});
