import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTestDatabase,
  dropLeftoverDatabases,
  dropTestDatabase,
  requirePostgres,
} from '../../test/postgres.js';
import {
  at,
  entry,
  id,
  makeConversation,
  makeHandoff,
  makeMessage,
  makeQueued,
  verifyStored,
} from './contract/fixtures.js';
import { createPostgresStore } from './createPostgresStore.js';
import { messageAppender } from './postgres/appendMessage.js';
import { type OpenPool, openPool } from './postgres/openPool.js';
import { withTransaction } from './postgres/withTransaction.js';
import type { HandoffRecord } from './records.js';
import type { Store } from './Store.js';
import { describeStoreContract, type StoreHarness } from './storeContract.js';

/**
 * The PostgreSQL store against a real server: the shared contract, then what only a database
 * shared by several nodes can show. Each case gets a database of its own, created through the
 * `postgres` maintenance database and dropped afterwards, pass or fail.
 */

const chainKey = randomBytes(32);

beforeAll(requirePostgres);
afterAll(dropLeftoverDatabases);

/** Runs `fn` on its own connection to the test database, behind the store's back. */
async function asInsider<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

type PostgresHarness = StoreHarness & { url: string; open(poolSize?: number): Store };

/** A store on a new database; `open` makes further stores on it, as further nodes would be. */
async function postgresHarness(): Promise<PostgresHarness> {
  const database = await createTestDatabase();
  const opened: Store[] = [];
  const open = (poolSize?: number) => {
    const store = createPostgresStore({
      connectionString: database.url,
      chainKey,
      ...(poolSize !== undefined && { poolSize }),
    });
    opened.push(store);
    return store;
  };
  let store = open();
  return {
    get store() {
      return store;
    },
    chainKey,
    url: database.url,
    open,
    async reopen() {
      await store.close();
      store = open();
      return store;
    },
    async cleanup() {
      try {
        await Promise.all(opened.map((s) => s.close()));
      } finally {
        await dropTestDatabase(database.name);
      }
    },
    async tamperArchiveText(conversationId, index, text) {
      // An insider with database access: lifts the append-only guard for this one edit.
      await asInsider(database.url, async (client) => {
        await client.query('BEGIN');
        await client.query('ALTER TABLE archive DISABLE TRIGGER archive_append_only');
        await client.query('UPDATE archive SET text = $1 WHERE conversation_id = $2 AND idx = $3', [
          text,
          conversationId,
          index,
        ]);
        await client.query('ALTER TABLE archive ENABLE TRIGGER archive_append_only');
        await client.query('COMMIT');
      });
    },
  };
}

describeStoreContract('postgres', postgresHarness);

describe('createPostgresStore', () => {
  const harnesses: PostgresHarness[] = [];
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) await harness.cleanup();
  });
  async function fresh() {
    const harness = await postgresHarness();
    harnesses.push(harness);
    return harness;
  }
  /** Two nodes on one migrated database, each with its own pool. */
  async function twoNodes() {
    const harness = await fresh();
    await harness.store.migrate();
    return { harness, a: harness.store, b: harness.open() };
  }

  it('lets exactly one of 10 concurrent claims across two nodes win', async () => {
    const { a, b } = await twoNodes();
    const handoff = makeHandoff();
    await a.insertHandoff(handoff);
    const claims = Array.from({ length: 10 }, () => claimOf(handoff));
    const results = await Promise.all(
      claims.map((claim, i) => (i % 2 === 0 ? a : b).claimHandoff(claim)),
    );
    const outcomes = results.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already_claimed')).toHaveLength(9);
    const winner = claims[outcomes.indexOf('claimed')];
    expect((await b.getHandoff(handoff.id))?.conversationId).toBe(winner?.conversation.id);
    expect(await a.listConversations({ limit: 20 })).toHaveLength(1);
  });

  it('keeps seq gap-free and the chain intact under 200 appends across two nodes', async () => {
    const { a, b } = await twoNodes();
    const conversation = makeConversation();
    await a.insertConversation(conversation, [entry('assigned')]);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 === 0 ? a : b).appendMessage(
          makeMessage(conversation.id, { text: `message ${i}`, clientMsgId: `client-${i}-xyz` }),
          entry('message'),
        ),
      ),
    );
    const seqs = results.map((r) => r.message.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect((await b.getConversation(conversation.id))?.lastSeq).toBe(200);
    const archive = await a.listArchive(conversation.id);
    expect(archive.map((e) => e.index)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    expect((await verifyStored(b, chainKey, conversation.id)).ok).toBe(true);
  });

  it('migrates once when two nodes start at the same time', async () => {
    const harness = await fresh();
    const other = harness.open();
    await Promise.all([harness.store.migrate(), other.migrate(), harness.store.migrate()]);
    const { rows } = await asInsider(harness.url, (client) =>
      client.query('SELECT version FROM parley_schema_migrations ORDER BY version'),
    );
    // Each version once, however many nodes raced to apply it.
    expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
    await expect(other.ping()).resolves.toBeUndefined();
  });

  it('orders ids and times by bytes, as SQLite does, whatever the database collation', async () => {
    const { a } = await twoNodes();
    // Under en-US 'cv_a…' sorts before 'cv_B…'; in byte order (and in SQLite) 'B' comes first.
    const lower = makeQueued('care', at(1), 'cv_aaaaaaaaaaaaaaaaaaaaaa');
    const upper = makeQueued('care', at(1), 'cv_BBBBBBBBBBBBBBBBBBBBBB');
    for (const c of [lower, upper]) await a.insertConversation(c, []);
    expect(await a.queuePosition(upper.id)).toBe(1);
    expect(await a.queuePosition(lower.id)).toBe(2);
    const listed = await a.listConversations({ limit: 10 });
    expect(listed.map((c) => c.id)).toEqual([lower.id, upper.id]);
  });

  it('signs the canonical record, so jsonb reordering keys does not break the chain', async () => {
    const { a } = await twoNodes();
    const conversation = makeConversation();
    await a.insertConversation(conversation, []);
    const written = await a.appendArchive(
      conversation.id,
      entry('transferred', { data: { zeta: 1, a: 'x', middle: true, b: null, longest_key: 2.5 } }),
    );
    const [stored] = await a.listArchive(conversation.id);
    expect(Object.keys(stored?.data ?? {})).not.toEqual(Object.keys(written.data));
    expect(stored).toEqual(written);
    expect((await verifyStored(a, chainKey, conversation.id)).ok).toBe(true);
  });

  it('refuses to edit an archive entry in place', async () => {
    const { harness, a } = await twoNodes();
    const conversation = makeConversation();
    await a.insertConversation(conversation, [entry('assigned')]);
    await expect(
      asInsider(harness.url, (client) => client.query("UPDATE archive SET text = 'edited'")),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses a database from a newer Parley, a short chain key and an empty pool', async () => {
    const { harness, a } = await twoNodes();
    await asInsider(harness.url, (client) =>
      client.query('INSERT INTO parley_schema_migrations (version) VALUES (99)'),
    );
    await expect(a.migrate()).rejects.toThrow(/newer than this Parley/);
    // The failed migration released its lock: another node is not left waiting.
    await expect(harness.open().migrate()).rejects.toThrow(/newer than this Parley/);
    const options = { connectionString: harness.url, chainKey };
    expect(() => createPostgresStore({ ...options, chainKey: randomBytes(16) })).toThrow(
      RangeError,
    );
    expect(() => createPostgresStore({ ...options, poolSize: 0 })).toThrow(RangeError);
  });

  it('works with a pool of one connection', async () => {
    const { harness } = await twoNodes();
    const single = harness.open(1);
    const handoff = makeHandoff();
    await single.insertHandoff(handoff);
    const results = await Promise.all(
      Array.from({ length: 3 }, () => single.claimHandoff(claimOf(handoff))),
    );
    expect(results.filter((r) => r.outcome === 'claimed')).toHaveLength(1);
  });
});

describe('messageAppender', () => {
  let harness: PostgresHarness;
  let opened: OpenPool;
  beforeAll(async () => {
    harness = await postgresHarness();
    await harness.store.migrate();
    opened = openPool({
      connectionString: harness.url,
      max: 2,
      connectTimeoutMs: 5_000,
      onConnectionError: () => {},
    });
  });
  afterAll(async () => {
    await opened.end();
    await harness.cleanup();
  });

  it('appends in one autocommitted statement once the node knows where the next message goes', async () => {
    const conversation = makeConversation();
    await harness.store.insertConversation(conversation, [entry('assigned')]);
    const append = messageAppender({ pool: opened.pool, chainKey });
    await append(makeMessage(conversation.id, { text: 'first' }), entry('message'));
    const queries = vi.spyOn(opened.pool, 'query');
    try {
      const second = await append(
        makeMessage(conversation.id, { text: 'second' }),
        entry('message'),
      );
      expect(second.created && second.message.seq).toBe(2);
      // One statement on the pool, not a transaction on a checked-out connection: nothing holds
      // the row lock across turns of the event loop.
      expect(queries).toHaveBeenCalledTimes(1);
    } finally {
      queries.mockRestore();
    }
    expect((await verifyStored(harness.store, chainKey, conversation.id)).ok).toBe(true);
  });

  it('links onto what another node wrote since, messages and archive entries alike', async () => {
    const conversation = makeConversation();
    await harness.store.insertConversation(conversation, [entry('assigned')]);
    const append = messageAppender({ pool: opened.pool, chainKey });
    const other = harness.open();
    await append(makeMessage(conversation.id, { text: 'one' }), entry('message'));
    await other.appendMessage(makeMessage(conversation.id, { text: 'two' }), entry('message'));
    await append(makeMessage(conversation.id, { text: 'three' }), entry('message'));
    await other.appendArchive(conversation.id, entry('transferred'));
    const four = await append(makeMessage(conversation.id, { text: 'four' }), entry('message'));
    expect(four.created && four.message.seq).toBe(4);
    const messages = await harness.store.listMessages(conversation.id, 0, { includeNotes: true });
    expect(messages.map((m) => [m.seq, m.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
      [4, 'four'],
    ]);
    const archive = await harness.store.listArchive(conversation.id);
    expect(archive.map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await verifyStored(harness.store, chainKey, conversation.id)).ok).toBe(true);
  });

  it('stores a resend racing through two nodes once, and answers both with it', async () => {
    const conversation = makeConversation();
    await harness.store.insertConversation(conversation, [entry('assigned')]);
    const nodes = [messageAppender({ pool: opened.pool, chainKey }), harness.open()];
    for (let round = 0; round < 20; round++) {
      const message = makeMessage(conversation.id, { clientMsgId: `resend-${round}-abcd` });
      const [a, b] = await Promise.all([
        (nodes[0] as ReturnType<typeof messageAppender>)(message, entry('message')),
        (nodes[1] as Store).appendMessage({ ...message, id: id('m') }, entry('message')),
      ]);
      expect([a?.created, b?.created].filter(Boolean)).toHaveLength(1);
      expect(a?.message).toEqual(b?.message);
    }
    const messages = await harness.store.listMessages(conversation.id, 0, { includeNotes: true });
    expect(messages.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await verifyStored(harness.store, chainKey, conversation.id)).ok).toBe(true);
  });
});

describe('withTransaction', () => {
  let harness: PostgresHarness;
  let opened: OpenPool;
  let pool: pg.Pool;
  beforeAll(async () => {
    harness = await postgresHarness();
    opened = openPool({
      connectionString: harness.url,
      max: 2,
      connectTimeoutMs: 5_000,
      onConnectionError: () => {},
    });
    pool = opened.pool;
    await pool.query('CREATE TABLE t (n integer)');
  });
  afterAll(async () => {
    await opened.end();
    await harness.cleanup();
  });
  afterEach(async () => {
    await pool.query('TRUNCATE t');
  });

  const failure = (code: string) => Object.assign(new Error(`failed with ${code}`), { code });

  it('commits on success and rolls back on failure', async () => {
    await withTransaction(pool, (client) => client.query('INSERT INTO t VALUES (1)'));
    await expect(
      withTransaction(pool, async (client) => {
        await client.query('INSERT INTO t VALUES (2)');
        throw failure('23505');
      }),
    ).rejects.toThrow('failed with 23505');
    expect((await pool.query('SELECT n FROM t')).rows).toEqual([{ n: 1 }]);
  });

  it('retries once after a serialization failure or deadlock, and no more', async () => {
    for (const code of ['40001', '40P01']) {
      let attempts = 0;
      const result = await withTransaction(pool, async (client) => {
        attempts += 1;
        await client.query('INSERT INTO t VALUES ($1)', [attempts]);
        if (attempts === 1) throw failure(code);
        return attempts;
      });
      expect(result).toBe(2);
      // The first attempt's insert was rolled back.
      expect((await pool.query('SELECT n FROM t')).rows).toEqual([{ n: 2 }]);
      await pool.query('TRUNCATE t');
    }
    let attempts = 0;
    await expect(
      withTransaction(pool, async () => {
        attempts += 1;
        throw failure('40001');
      }),
    ).rejects.toThrow('failed with 40001');
    expect(attempts).toBe(2);
  });

  it('returns every connection to the pool', async () => {
    for (let i = 0; i < 5; i++) {
      await withTransaction(pool, async () => {
        throw failure('40P01');
      }).catch(() => {});
    }
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});

/** A claim of `handoff` by a new customer at minute 5, creating a waiting conversation. */
function claimOf(handoff: HandoffRecord): Parameters<Store['claimHandoff']>[0] {
  const customerId = id('cu');
  return {
    codeHash: handoff.codeHash,
    now: at(5),
    customer: { customerId, name: 'Anna Kowalska' },
    conversation: makeConversation(
      { handoffId: handoff.id, state: 'waiting', fallbackAt: at(10), createdAt: at(5) },
      customerId,
    ),
    archive: [
      entry('handoff_created', { at: handoff.createdAt, text: handoff.note }),
      entry('handoff_claimed', { at: at(5) }),
    ],
  };
}
