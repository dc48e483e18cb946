import type Database from 'better-sqlite3';
import type { WalSync } from './walSync.js';

/** What every group of SQLite store methods shares: one connection and the chain key. */
export interface SqliteContext {
  readonly db: Database.Database;
  readonly chainKey: Uint8Array;
  /** A prepared statement for `sql`, cached by its text. */
  stmt(sql: string): Database.Statement;
  /**
   * Runs `fn` as its own unit of work inside the next group commit: one IMMEDIATE transaction
   * (the write lock taken up front, so two processes sharing the file never both read a
   * `lastSeq` and then race to upgrade) that carries every write queued in the same turn of the
   * event loop, each in a savepoint of its own. A failing `fn` rolls back only its savepoint.
   * Resolves once the transaction is committed and the WAL synced to disk; `onCommitted` runs
   * between the two, with `fn`'s result, when `fn` succeeded.
   */
  write<T>(fn: () => T, onCommitted?: (value: T) => void): Promise<T>;
}

interface QueuedWrite {
  fn: () => unknown;
  onCommitted: ((value: unknown) => void) | undefined;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * Wraps a connection for the store's method groups.
 *
 * @example
 * const ctx = createContext(openDatabase(file), chainKey, walSyncFor(file));
 * ctx.write(() => ctx.stmt('DELETE FROM denied_subjects WHERE sub = ?').run(sub));
 */
export function createContext(
  db: Database.Database,
  chainKey: Uint8Array,
  wal: WalSync,
): SqliteContext {
  // Statements are prepared lazily: the tables only exist once migrate() has run.
  const cache = new Map<string, Database.Statement>();
  // Group commit: one commit per turn of the event loop carries every write that arrived in it, and
  // one WAL sync (off the event loop, see walSync.ts) makes the whole group durable before any of
  // its callers hears back. One commit and fsync per message capped the relay at the disk's fsync
  // rate; an fsync inside the commit, as synchronous=FULL does, stalled every socket meanwhile.
  let queue: QueuedWrite[] = [];
  type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
  // Both wrappers are made once: better-sqlite3 builds four functions for every transaction()
  // call, about 3 KB of garbage a commit on the relay's hottest path. Called inside the other, a
  // transaction function is a savepoint.
  const inSavepoint = db.transaction((fn: () => unknown) => fn());
  const commitGroup = db.transaction((batch: QueuedWrite[], outcomes: Outcome[]) => {
    // Alone in its group, a write needs no savepoint: if it fails, the whole transaction
    // rolls back and its caller hears the error below, as with a failed commit.
    const [only] = batch;
    if (batch.length === 1 && only !== undefined) {
      outcomes.push({ ok: true, value: only.fn() });
      return;
    }
    for (const item of batch) {
      try {
        outcomes.push({ ok: true, value: inSavepoint(item.fn) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
  });
  const flush = () => {
    const batch = queue;
    queue = [];
    const outcomes: Outcome[] = [];
    try {
      commitGroup.immediate(batch, outcomes);
    } catch (error) {
      // The commit itself failed (disk full, busy past the timeout), or a write alone in its
      // group did: nothing in it happened.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok !== true || item.onCommitted === undefined) return;
      try {
        item.onCommitted(outcome.value);
      } catch {
        // The hook only relays early; its caller still hears back from the write itself.
      }
    });
    const settle = () =>
      batch.forEach((item, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok === true) item.resolve(outcome.value);
        else item.reject(outcome?.error);
      });
    // A failed sync leaves the group's durability unknown: every caller hears the error, and a
    // client retrying a message is deduplicated by its clientMsgId.
    wal.sync().then(settle, (error: unknown) => {
      for (const item of batch) item.reject(error);
    });
  };
  return {
    db,
    chainKey,
    stmt(sql) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
    write<T>(fn: () => T, onCommitted?: (value: T) => void): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({
          fn,
          onCommitted: onCommitted as ((value: unknown) => void) | undefined,
          resolve: resolve as (value: unknown) => void,
          reject,
        });
        if (queue.length === 1) setImmediate(flush);
      });
    },
  };
}

/**
 * An optional list filter as one JSON parameter for `IN (SELECT value FROM json_each(?))`, so the
 * SQL text (and its cached statement) does not vary with the list's length; null means no filter.
 */
export function jsonList(items: readonly string[] | undefined): string | null {
  return items === undefined ? null : JSON.stringify(items);
}
