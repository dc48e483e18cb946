import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Advisory, type LockFile, runtimeClosure, vulnerable } from './support/lockfile.js';
import { compareVersions, isAffected } from './support/semver.js';

const root = new URL('../../', import.meta.url);
const read = <T>(path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as T;
const lock = read<LockFile>('package-lock.json');
const table = read<{ advisories: Advisory[]; noAdvisoryRecorded: string[] }>(
  'security/advisories.json',
);
/** The workspaces whose code runs in the server process. */
const RUNTIME_ROOTS = ['packages/server', 'packages/protocol'];
/** GitHub advisory ids and CVE ids (https://github.com/github/advisory-database#ghsa-ids). */
const ADVISORY_ID_REGEX = /^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|CVE-\d{4}-\d{4,})$/;

describe('the semver comparison', () => {
  it.each([
    ['6.4.1', '6.4.2', -1],
    ['6.10.0', '6.9.9', 1],
    ['0.1.10', '0.1.9', 1],
    ['5.0.0-beta.3', '5.0.0', -1],
    ['5.0.0-beta.3', '5.0.0-beta.10', -1],
    ['5.0.0-alpha.1', '5.0.0-beta.1', -1],
    ['1.0.0-1', '1.0.0-alpha', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['2.1.0+build.7', '2.1.0', 0],
    ['0', '0.0.1', -1],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });

  it('places versions in ranges per branch, fixed versions outside', () => {
    const pathToRegexp = table.advisories.find((a) => a.ids.includes('CVE-2024-45296'));
    if (pathToRegexp === undefined) throw new Error('CVE-2024-45296 is missing from the table');
    for (const v of ['0.1.7', '1.8.0', '3.2.0', '6.2.2', '7.2.0'])
      expect(isAffected(v, pathToRegexp.affected), v).toBe(true);
    for (const v of ['0.1.10', '1.9.0', '3.3.0', '6.3.0', '8.0.0', '8.4.2'])
      expect(isAffected(v, pathToRegexp.affected), v).toBe(false);
  });
});

describe('dependencies pinned by package-lock.json', () => {
  const installed = runtimeClosure(lock, RUNTIME_ROOTS);

  it('finds the server’s runtime dependencies in the lock file, several majors included', () => {
    const names = new Set(installed.map((i) => i.name));
    for (const name of [
      'engine.io',
      'socket.io-parser',
      'ws',
      'express',
      'body-parser',
      'path-to-regexp',
      'jsonwebtoken',
      'jws',
      'cookie',
      'send',
      'serve-static',
      'pg',
      'better-sqlite3',
    ])
      expect(names.has(name), name).toBe(true);
    // Development-only packages stay out of the runtime set.
    expect(names.has('vitest')).toBe(false);
    expect(names.has('typescript')).toBe(false);
  });

  it('holds no runtime dependency below the version that fixed its last published advisory', () => {
    const found = vulnerable(installed, table.advisories).map(
      ({ installed: i, advisory }) =>
        `${i.name}@${i.version} (${i.path}) is affected by ${advisory.ids.join(' / ')}: ${advisory.summary}`,
    );
    expect(found).toEqual([]);
  });

  it('the check fails on a lock file that pins vulnerable versions', () => {
    const bad = JSON.parse(JSON.stringify(lock)) as LockFile;
    const pin = (path: string, version: string) => {
      const entry = bad.packages[path];
      if (entry === undefined) throw new Error(`${path} is not in the lock file`);
      entry.version = version;
    };
    pin('node_modules/engine.io', '6.4.1');
    pin('node_modules/ws', '8.17.0');
    pin('node_modules/socket.io-parser', '4.2.2');
    pin('node_modules/path-to-regexp', '8.3.0');
    pin('node_modules/express', '5.0.0-beta.1');
    const ids = vulnerable(runtimeClosure(bad, RUNTIME_ROOTS), table.advisories).flatMap(
      (v) => v.advisory.ids,
    );
    for (const id of [
      'CVE-2023-31125',
      'CVE-2024-37890',
      'CVE-2023-32695',
      'GHSA-j3q9-mxjg-w52f',
      'CVE-2024-29041',
      'CVE-2024-43796',
    ])
      expect(ids, id).toContain(id);
    pin('node_modules/engine.io', '6.4.2');
    expect(
      vulnerable(runtimeClosure(bad, RUNTIME_ROOTS), table.advisories).some((v) =>
        v.advisory.ids.includes('CVE-2023-31125'),
      ),
    ).toBe(false);
  });

  it('has a reviewed entry for every direct runtime dependency, so a new one cannot slip in', () => {
    const direct = new Set(
      RUNTIME_ROOTS.flatMap((root) => Object.keys(lock.packages[root]?.dependencies ?? {})).filter(
        (name) => !name.startsWith('@parley/'),
      ),
    );
    const reviewed = new Set([
      ...table.advisories.map((a) => a.package),
      ...table.noAdvisoryRecorded,
    ]);
    expect([...direct].filter((name) => !reviewed.has(name))).toEqual([]);
    // The no-advisory list names direct dependencies only, each once, none that has a row.
    for (const name of table.noAdvisoryRecorded) {
      expect(direct.has(name), name).toBe(true);
      expect(
        table.advisories.some((a) => a.package === name),
        name,
      ).toBe(false);
    }
  });

  it('keeps the advisory table well-formed', () => {
    for (const row of table.advisories) {
      const label = `${row.package} ${row.ids.join(' ')}`;
      expect(row.ids.length, label).toBeGreaterThan(0);
      for (const id of row.ids) expect(id, label).toMatch(ADVISORY_ID_REGEX);
      expect(row.summary, label).toMatch(/^[^\n]{10,200}$/);
      expect(row.affected.length, label).toBeGreaterThan(0);
      for (const range of row.affected)
        expect(compareVersions(range.introduced, range.fixed), label).toBe(-1);
    }
    for (const name of [
      'engine.io',
      'socket.io-parser',
      'socket.io',
      'ws',
      'express',
      'body-parser',
      'path-to-regexp',
      'jsonwebtoken',
      'cookie',
      'send',
      'serve-static',
      'pg',
    ])
      expect(
        table.advisories.some((a) => a.package === name),
        name,
      ).toBe(true);
  });
});
