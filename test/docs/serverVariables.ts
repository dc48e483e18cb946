import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './markdownFiles.js';

/** A `PARLEY_*` name written as a string literal: `'PARLEY_PORT'`, `"PARLEY_DEMO"`. */
const QUOTED_VARIABLE_REGEX = /['"`](PARLEY_[A-Z0-9_]*[A-Z0-9])['"`]/g;
/** A direct environment read: `process.env.PARLEY_X`, `env.PARLEY_X`. */
const ENV_PROPERTY_REGEX = /\benv\.(PARLEY_[A-Z0-9_]*[A-Z0-9])\b/g;
const TEST_FILE_REGEX = /\.test(?:-d)?\.tsx?$/;
const SOURCE_FILE_REGEX = /\.(?:ts|mjs|js)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return SOURCE_FILE_REGEX.test(entry.name) && !TEST_FILE_REGEX.test(entry.name) ? [path] : [];
  });
}

/**
 * Every `PARLEY_*` name the server's code mentions as a literal or reads from the environment,
 * outside tests: the server's source, its bin and `npm start`. Names built at run time
 * (`PARLEY_${kind}_JWT_SECRET`) are in CONFIG_VARIABLES, which the check adds.
 *
 * @example
 * variablesInServerSource().has('PARLEY_PORT'); // true
 */
export function variablesInServerSource(): Set<string> {
  const files = [
    ...sourceFiles(join(ROOT, 'packages/server/src')),
    ...sourceFiles(join(ROOT, 'packages/server/bin')),
    join(ROOT, 'scripts/start.mjs'),
  ];
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const regex of [QUOTED_VARIABLE_REGEX, ENV_PROPERTY_REGEX])
      for (const match of text.matchAll(regex)) names.add(match[1] ?? '');
  }
  return names;
}
