#!/usr/bin/env node
// `npm run screenshots`: runs every `test/browser/**/screenshots.mjs` (the console's, the
// widget's…) one after another, each writing its PNGs to docs/images/. Not part of `npm test`, so
// a test run leaves the tree clean. Build first: the scripts drive the built bundles.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const found = readdirSync(join(root, 'test/browser'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name === 'screenshots.mjs')
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();

for (const script of found) {
  process.stdout.write(`━━ ${relative(root, script)} ━━\n`);
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    process.stderr.write(
      `✗ ${relative(root, script)} failed (exit ${result.status ?? result.signal}).\n`,
    );
    process.exit(result.status ?? 1);
  }
}
process.stdout.write(`✓ ${found.length} screenshot scripts ran.\n`);
