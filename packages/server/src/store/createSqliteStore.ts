import type { Store } from './Store.js';
import { accessMethods } from './sqlite/access.js';
import { startBackgroundCheckpoint } from './sqlite/backgroundCheckpoint.js';
import { callbackMethods } from './sqlite/callbacks.js';
import { complianceMethods } from './sqlite/compliance.js';
import { createContext } from './sqlite/context.js';
import { conversationMethods } from './sqlite/conversations.js';
import { handoffMethods } from './sqlite/handoffs.js';
import { messageMethods } from './sqlite/messages.js';
import { runMigrations } from './sqlite/migrations.js';
import { openDatabase } from './sqlite/openDatabase.js';
import { surveyMethods } from './sqlite/surveys.js';
import { walSyncFor } from './sqlite/walSync.js';

/** The shortest chain key accepted, matching `PARLEY_ARCHIVE_KEY`'s documented minimum. */
const CHAIN_KEY_MIN_BYTES = 32;

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file; created if missing. Its `-wal` and `-shm` siblings live next to it. */
  file: string;
  /** The HMAC key of the archive chain (at least 32 bytes). */
  chainKey: Uint8Array;
}

/** The connection settings in force, for health checks and tests. */
export interface SqlitePragmas {
  journalMode: string;
  synchronous: number;
  secureDelete: number;
  foreignKeys: number;
  busyTimeout: number;
}

/** A {@link Store} on one SQLite file, with a look at its connection settings. */
export interface SqliteStore extends Store {
  pragmas(): SqlitePragmas;
}

/**
 * The embedded store: one SQLite file through better-sqlite3. Its calls are synchronous, so each
 * method runs to completion before the next starts, and every multi-statement change is one
 * IMMEDIATE transaction, which also keeps several processes on one file consistent.
 *
 * @example
 * const store = createSqliteStore({ file: 'data/parley.sqlite', chainKey: archiveKey });
 * await store.migrate();
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  if (options.chainKey.byteLength < CHAIN_KEY_MIN_BYTES) {
    throw new RangeError(`The archive chain key must be at least ${CHAIN_KEY_MIN_BYTES} bytes.`);
  }
  const db = openDatabase(options.file);
  const checkpoints = startBackgroundCheckpoint(options.file);
  const wal = walSyncFor(options.file);
  // A private copy, so a caller zeroing or reusing its buffer cannot change the chain key.
  const ctx = createContext(db, Uint8Array.from(options.chainKey), wal);

  return {
    async migrate() {
      runMigrations(db);
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      await checkpoints.stop();
      await wal.close();
      if (db.open) db.close();
    },
    pragmas() {
      const read = (name: string): unknown => db.pragma(name, { simple: true });
      return {
        journalMode: String(read('journal_mode')),
        synchronous: Number(read('synchronous')),
        secureDelete: Number(read('secure_delete')),
        foreignKeys: Number(read('foreign_keys')),
        busyTimeout: Number(read('busy_timeout')),
      };
    },
    ...handoffMethods(ctx),
    ...conversationMethods(ctx),
    ...messageMethods(ctx),
    ...callbackMethods(ctx),
    ...surveyMethods(ctx),
    ...complianceMethods(ctx),
    ...accessMethods(ctx),
  };
}
