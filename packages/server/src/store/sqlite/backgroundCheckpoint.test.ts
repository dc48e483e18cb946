import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackgroundCheckpoint } from './backgroundCheckpoint.js';
import { openDatabase } from './openDatabase.js';

describe('startBackgroundCheckpoint', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('moves the WAL into the database file off the main thread', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-checkpoint-'));
    const file = join(dir, 'db.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 2_000; i += 1) insert.run('x'.repeat(200));
    const before = statSync(file).size;

    const checkpoints = startBackgroundCheckpoint(file);
    await expect.poll(() => statSync(file).size, { timeout: 5_000 }).toBeGreaterThan(before);
    await checkpoints.stop();
    await checkpoints.stop();
    db.close();
  });

  it('keeps the process alive while it stops, so a CLI awaiting close settles', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-checkpoint-'));
    const file = join(dir, 'db.sqlite');
    const db = openDatabase(file);
    const checkpoints = startBackgroundCheckpoint(file);
    // Idle, the worker must not hold a server's process open; stopping, it must.
    const idle = process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
    const stopped = checkpoints.stop();
    const stopping = process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
    expect(stopping).toBeGreaterThan(idle);
    await stopped;
    db.close();
  });
});
