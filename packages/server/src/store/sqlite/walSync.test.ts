import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './openDatabase.js';
import { createWalSync } from './walSync.js';

describe('createWalSync', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  /** A real WAL file whose datasync calls are counted, with each call's start order recorded. */
  async function countedWal(minIntervalMs = 0) {
    dir = mkdtempSync(join(tmpdir(), 'parley-walsync-'));
    const file = join(dir, 'db.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x TEXT)');
    const events: string[] = [];
    const startedAt: number[] = [];
    const wal = createWalSync(async () => {
      const handle = await open(`${file}-wal`, 'r');
      return {
        async datasync() {
          events.push('sync started');
          startedAt.push(performance.now());
          await handle.datasync();
          events.push('sync done');
        },
        close: () => handle.close(),
      };
    }, minIntervalMs);
    return { db, wal, events, startedAt };
  }

  it('syncs the WAL once for callers that arrive before a sync starts', async () => {
    const { db, wal, events } = await countedWal();
    db.prepare('INSERT INTO t VALUES (?)').run('a');
    await wal.sync();
    expect(events).toEqual(['sync started', 'sync done']);
    await wal.close();
    db.close();
  });

  it('gives callers during a running sync one shared follow-up sync that starts after it', async () => {
    const { db, wal, events } = await countedWal();
    db.prepare('INSERT INTO t VALUES (?)').run('a');
    const first = wal.sync();
    await vi.waitFor(() => expect(events).toContain('sync started'));
    // These frames may have been written after the running sync began: they need another one.
    db.prepare('INSERT INTO t VALUES (?)').run('b');
    const later = [wal.sync(), wal.sync(), wal.sync()];
    expect(later[0]).toBe(later[1]);
    await Promise.all([first, ...later]);
    expect(events).toEqual(['sync started', 'sync done', 'sync started', 'sync done']);
    await wal.close();
    db.close();
  });

  it('starts syncs at least the minimum interval apart, so a busy store syncs a bounded number of times', async () => {
    const { db, wal, events, startedAt } = await countedWal(50);
    for (let i = 0; i < 5; i++) {
      db.prepare('INSERT INTO t VALUES (?)').run(String(i));
      await wal.sync();
    }
    expect(events.filter((event) => event === 'sync started')).toHaveLength(5);
    const gaps = startedAt.slice(1).map((at, i) => at - (startedAt[i] ?? 0));
    // libuv times a timer from the loop's cached clock, so it may fire up to a couple of
    // milliseconds early by the clock read here; without the interval the gaps are well under 1 ms.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(47);
    await wal.close();
    db.close();
  });

  it('refuses to sync once closed, so nothing is acknowledged that was not made durable', async () => {
    const { db, wal } = await countedWal();
    db.prepare('INSERT INTO t VALUES (?)').run('a');
    await wal.sync();
    await wal.close();
    await expect(wal.sync()).rejects.toThrow(/closed/);
    db.close();
  });
});
