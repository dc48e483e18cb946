import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection moves the WAL into the database file. */
const CHECKPOINT_EVERY_MS = 1_000;

/**
 * The worker's code, evaluated as CommonJS so it runs the same from TypeScript source (tests) and
 * from the build: it opens its own connection and runs a PASSIVE checkpoint every second.
 * PASSIVE never waits for, or blocks, the writer; it copies what it can and fsyncs the file.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next round catches up */ }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Runs WAL checkpoints on a worker thread with its own connection. SQLite's automatic checkpoint
 * runs inside whichever commit crosses the threshold — on the event loop, with better-sqlite3 —
 * and copying pages plus fsyncing the database file there stalled every socket for 100–300 ms
 * (bench/relay). The main connection turns automatic checkpoints off and leaves them to this.
 *
 * @example
 * const checkpoints = startBackgroundCheckpoint(file);
 * await checkpoints.stop();
 */
export function startBackgroundCheckpoint(file: string): { stop(): Promise<void> } {
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, betterSqlite3, everyMs: CHECKPOINT_EVERY_MS },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // A failing background checkpoint costs only WAL growth; the main connection's TRUNCATE
  // checkpoints after amendments and erasure still run. It must not take the server down.
  worker.on('error', () => {});
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      if (stopping === undefined) {
        // Unreferenced, the worker would not keep the process alive until it exits: a CLI
        // command awaiting `store.close()` (service-key create, verify-archive) would end with
        // its promise unsettled, printing nothing.
        worker.ref();
        worker.postMessage('stop');
        stopping = exited;
      }
      return stopping;
    },
  };
}
