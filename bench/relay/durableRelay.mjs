// The second baseline: the bare relay plus the least any relay must do to keep Parley's promise
// that an acknowledged message survives a crash or a power cut. Each message is one INSERT into a
// SQLite file (WAL, one table, a primary key and nothing else), written in a group commit per turn
// of the event loop, relayed once committed and acknowledged once the WAL is synced, with the
// same WAL sync and background checkpoints as Parley's store (packages/server/dist/store/sqlite/).
// No auth, no redaction, no archive chain, no conversation state. Parley's figures against this
// one say what Parley's own work costs; this one's against the bare relay say what durability
// alone costs.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startPairedRelay } from './bareRelay.mjs';
import { importServerModule } from './parleyBuild.mjs';

/** Starts the durable relay on 127.0.0.1 and a free port, its file in `dataDir`. */
export async function startDurableRelay(dataDir) {
  const [{ walSyncFor }, { startBackgroundCheckpoint }] = await Promise.all([
    importServerModule('store/sqlite/walSync.js'),
    importServerModule('store/sqlite/backgroundCheckpoint.js'),
  ]);
  const file = join(dataDir, 'durable.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec(`CREATE TABLE messages (
    conversation TEXT NOT NULL, seq INTEGER NOT NULL, client_msg_id TEXT NOT NULL,
    text TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (conversation, seq)
  ) WITHOUT ROWID`);
  const insert = db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?, ?)');
  const wal = walSyncFor(file);
  const checkpoints = startBackgroundCheckpoint(file);
  const lastSeq = new Map();
  const commit = db.transaction((batch) => {
    for (const { row } of batch) insert.run(...row);
  });
  let queue = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    commit.immediate(batch);
    for (const { relay } of batch) relay();
    const synced = wal.sync();
    for (const { ack } of batch) synced.then(() => ack({ ok: true }));
  };

  return startPairedRelay(
    (payload, ack, agent) => {
      const conversation = String(payload.conversationId);
      const seq = (lastSeq.get(conversation) ?? 0) + 1;
      lastSeq.set(conversation, seq);
      const message = { ...payload, seq };
      queue.push({
        row: [conversation, seq, payload.clientMsgId, payload.text, new Date().toISOString()],
        relay: () => agent()?.emit('message:new', message),
        ack,
      });
      if (queue.length === 1) setImmediate(flush);
    },
    async () => {
      await wal.close();
      await checkpoints.stop();
      db.close();
    },
  );
}
