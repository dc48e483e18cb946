import { type FileHandle, open } from 'node:fs/promises';

/** Makes committed WAL frames durable without blocking the event loop. */
export interface WalSync {
  /**
   * Resolves once everything written to the WAL before the call is on disk. Calls made while a
   * sync is running share one follow-up sync, so a burst of commits costs at most two.
   */
  sync(): Promise<void>;
  /** Waits for syncs in flight, then closes the file. */
  close(): Promise<void>;
}

/**
 * Syncs a WAL file on libuv's thread pool. The connection runs with `synchronous = NORMAL`, so
 * SQLite's commit writes the frames without an fsync; acknowledging a write only after this sync
 * gives the durability of `FULL` (whose commit is exactly "write frames, fsync the WAL") while the
 * fsync — a millisecond, sometimes ten — no longer stalls every socket of the process.
 * fsync applies to the file, not the descriptor, so a descriptor of our own sees SQLite's writes.
 *
 * @example
 * const wal = createWalSync(() => open(`${file}-wal`, 'r'));
 * db.transaction(work).immediate();
 * await wal.sync(); // now the commit survives a power cut
 */
export function createWalSync(
  openFile: () => Promise<Pick<FileHandle, 'datasync' | 'close'>>,
): WalSync {
  // Opened at the first sync: SQLite creates the WAL with the first write transaction.
  let file: Promise<Pick<FileHandle, 'datasync' | 'close'>> | undefined;
  let running: Promise<void> | undefined;
  let followUp: Promise<void> | undefined;
  let closed = false;

  const runOnce = (): Promise<void> => {
    if (closed)
      return Promise.reject(new Error('The store is closed; nothing more can be written.'));
    file ??= openFile();
    const current = file.then((handle) => handle.datasync());
    running = current.finally(() => {
      running = undefined;
    });
    return running;
  };

  const sync = (): Promise<void> => {
    if (running === undefined) return runOnce();
    // The sync in flight may have started before this caller's frames were written.
    followUp ??= running
      .catch(() => {})
      .then(() => {
        followUp = undefined;
        return runOnce();
      });
    return followUp;
  };

  return {
    sync,
    async close() {
      closed = true;
      await Promise.allSettled([running, followUp]);
      if (file !== undefined) await (await file).close();
      file = undefined;
    },
  };
}

/** The WAL sync of the database at `databaseFile`. */
export function walSyncFor(databaseFile: string): WalSync {
  return createWalSync(() => open(`${databaseFile}-wal`, 'r'));
}
