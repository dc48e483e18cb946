import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './openDatabase.js';
import { createWalSync } from './walSync.js';

describe('createWalSync', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  /** A real WAL file whose datasync calls are counted, with each call's start order recorded. */
  async function countedWal() {
    dir = mkdtempSync(join(tmpdir(), 'parley-walsync-'));
    const file = join(dir, 'db.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x TEXT)');
    const events: string[] = [];
    const wal = createWalSync(async () => {
      const handle = await open(`${file}-wal`, 'r');
      return {
        async datasync() {
          events.push('sync started');
          await handle.datasync();
          events.push('sync done');
        },
        close: () => handle.close(),
      };
    });
    return { db, wal, events };
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
    // These frames may have been written after the running sync began: they need another one.
    db.prepare('INSERT INTO t VALUES (?)').run('b');
    const later = [wal.sync(), wal.sync(), wal.sync()];
    expect(later[0]).toBe(later[1]);
    await Promise.all([first, ...later]);
    expect(events).toEqual(['sync started', 'sync done', 'sync started', 'sync done']);
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
