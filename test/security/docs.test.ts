import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/security.md', root), 'utf8');

/** `` `path/to/file.ts` › a test title `` in a cell of the threat table; titles end at `<br>` or `|`. */
const TEST_REFERENCE_REGEX = /`([\w./-]+\.ts)` › ((?:(?!<br>)[^|])+)/g;

/** Whether `file` holds `title` as a string literal: `it('…')`, `it.each(…)('…')` or `attack: '…'`. */
function namesTest(file: string, title: string): boolean {
  const path = new URL(file, root);
  if (!existsSync(path)) return false;
  const source = readFileSync(path, 'utf8');
  return ["'", '"', '`'].some((q) => source.includes(`${q}${title}${q}`));
}

/** The threat table's rows: everything between its header separator and the next blank line. */
function threatRows(): string[] {
  const start = doc.indexOf('| Threat | Control | Test |');
  const end = doc.indexOf('\n\n', start);
  return doc.slice(start, end).split('\n').slice(2);
}

describe('docs/security.md', () => {
  const references = [...doc.matchAll(TEST_REFERENCE_REGEX)].map((m) => ({
    file: m[1] ?? '',
    title: (m[2] ?? '').trim(),
  }));

  it('names at least one test for every threat', () => {
    const rows = threatRows();
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect([...row.matchAll(TEST_REFERENCE_REGEX)].length, row.slice(0, 80)).toBeGreaterThan(0);
    }
  });

  it('names only tests that exist, by file and title', () => {
    expect(references.length).toBeGreaterThan(40);
    for (const { file, title } of references) {
      expect(namesTest(file, title), `${file} has no test titled "${title}"`).toBe(true);
    }
  });

  it('the check itself rejects a missing file, a missing title and a mere fragment of one', () => {
    expect(
      namesTest(
        'test/security/tokens.test.ts',
        'ignores a token in the query string and never logs it',
      ),
    ).toBe(true);
    expect(
      namesTest(
        'test/security/nowhere.test.ts',
        'ignores a token in the query string and never logs it',
      ),
    ).toBe(false);
    expect(namesTest('test/security/tokens.test.ts', 'refuses a token nobody ever wrote')).toBe(
      false,
    );
    expect(namesTest('test/security/tokens.test.ts', 'ignores a token in the query string')).toBe(
      false,
    );
  });
});
