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
 * The shortest time between the starts of two syncs. Each fdatasync costs the process CPU (the
 * kernel writes back and waits in the syncing thread, on the server's own cores), so syncing
 * after every commit at a few hundred messages a second spends a third of a core on it. Gathering
 * the commits of a few milliseconds into one sync bounds that to 250 syncs a second at any rate;
 * only a sender's acknowledgement waits the extra milliseconds, since messages are relayed at
 * commit.
 */
export const MIN_SYNC_INTERVAL_MS = 4;

/**
 * Syncs a WAL file on libuv's thread pool. The connection runs with `synchronous = NORMAL`, so
 * SQLite's commit writes the frames without an fsync; acknowledging a write only after this sync
 * gives the durability of `FULL` (whose commit is exactly "write frames, fsync the WAL") while the
 * fsync — a millisecond, sometimes ten — no longer stalls every socket of the process.
 * fsync applies to the file, not the descriptor, so a descriptor of our own sees SQLite's writes.
 * Syncs run one at a time, at least `minIntervalMs` apart; every caller that arrives before a
 * sync starts shares it.
 *
 * @example
 * const wal = createWalSync(() => open(`${file}-wal`, 'r'));
 * db.transaction(work).immediate();
 * await wal.sync(); // now the commit survives a power cut
 */
export function createWalSync(
  openFile: () => Promise<Pick<FileHandle, 'datasync' | 'close'>>,
  minIntervalMs = MIN_SYNC_INTERVAL_MS,
): WalSync {
  // Opened at the first sync: SQLite creates the WAL with the first write transaction.
  let file: Promise<Pick<FileHandle, 'datasync' | 'close'>> | undefined;
  // The sync in flight, and the next one: not started yet, so anyone may still join it.
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;
  let closed = false;

  const start = async (): Promise<void> => {
    await running?.catch(() => {});
    const wait = lastStart + minIntervalMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
    // From here on a new caller's frames may come after this sync's start: it needs the next one.
    next = undefined;
    if (closed) throw new Error('The store is closed; nothing more can be written.');
    lastStart = performance.now();
    file ??= openFile();
    const current = file.then((handle) => handle.datasync());
    running = current;
    try {
      await current;
    } finally {
      if (running === current) running = undefined;
    }
  };

  return {
    sync() {
      if (closed)
        return Promise.reject(new Error('The store is closed; nothing more can be written.'));
      next ??= start();
      return next;
    },
    async close() {
      closed = true;
      await Promise.allSettled([running, next]);
      if (file !== undefined) await (await file).close();
      file = undefined;
    },
  };
}

/** The WAL sync of the database at `databaseFile`. */
export function walSyncFor(databaseFile: string): WalSync {
  return createWalSync(() => open(`${databaseFile}-wal`, 'r'));
}
