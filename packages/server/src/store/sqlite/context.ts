import type Database from 'better-sqlite3';

/** What every group of SQLite store methods shares: one connection and the chain key. */
export interface SqliteContext {
  readonly db: Database.Database;
  readonly chainKey: Uint8Array;
  /** A prepared statement for `sql`, cached by its text. */
  stmt(sql: string): Database.Statement;
  /**
   * Runs `fn` in one IMMEDIATE transaction: the write lock is taken up front, so two processes
   * sharing the file never both read a `lastSeq` and then race to upgrade to a write.
   */
  write<T>(fn: () => T): T;
}

/**
 * Wraps a connection for the store's method groups.
 *
 * @example
 * const ctx = createContext(openDatabase(file), chainKey);
 * ctx.write(() => ctx.stmt('DELETE FROM denied_subjects WHERE sub = ?').run(sub));
 */
export function createContext(db: Database.Database, chainKey: Uint8Array): SqliteContext {
  // Statements are prepared lazily: the tables only exist once migrate() has run.
  const cache = new Map<string, Database.Statement>();
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
    write(fn) {
      return db.transaction(fn).immediate();
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

/** JSON columns are only ever written by this store, so their shape is known. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
