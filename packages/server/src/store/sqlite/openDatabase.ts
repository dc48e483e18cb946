import Database from 'better-sqlite3';

/** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a SQLite file with the settings Parley relies on:
 * - `journal_mode = WAL`: readers never block the writer, so `/readyz` and history reads stay fast
 *   while messages are appended.
 * - `synchronous = NORMAL`: a commit writes its WAL frames without an fsync; the store syncs the
 *   WAL itself, off the event loop, before it acknowledges any write (walSync.ts). Acknowledged
 *   therefore still means durable, as with FULL: a lost commit would be a message the customer saw
 *   acknowledged that then vanished from the compliance archive.
 * - `secure_delete = ON`: deleted or overwritten content (an amended text, an erased customer) is
 *   zeroed rather than left in free pages of the file.
 * - `foreign_keys = ON`: messages, archive entries and surveys cannot outlive their conversation.
 *
 * @example
 * const db = openDatabase('/var/lib/parley/parley.sqlite');
 */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Checkpoints run on a worker thread instead (startBackgroundCheckpoint): an automatic one
    // would run inside a commit on the event loop.
    db.pragma('wal_autocheckpoint = 0');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Moves everything in the WAL into the main file and truncates the WAL to zero bytes, so text that
 * was just overwritten or deleted (and zeroed there by `secure_delete`) has no older copy left in
 * the WAL. Run after amendments, erasure and purges.
 */
export function checkpointTruncate(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
