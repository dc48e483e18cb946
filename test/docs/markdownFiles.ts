import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function markdownUnder(folder: string, recursive: boolean): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return recursive && entry.name !== 'node_modules' ? markdownUnder(path, true) : [];
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/**
 * The documentation a reader follows, as paths relative to the root: README.md, CONTRIBUTING.md,
 * docs/*.md and every Markdown file under examples/.
 *
 * @example
 * documentationFiles(); // ['README.md', 'CONTRIBUTING.md', 'docs/benchmarks.md', …]
 */
export function documentationFiles(): string[] {
  return [
    join(ROOT, 'README.md'),
    join(ROOT, 'CONTRIBUTING.md'),
    ...markdownUnder(join(ROOT, 'docs'), false),
    ...markdownUnder(join(ROOT, 'examples'), true),
  ]
    .filter((path) => existsSync(path))
    .map((path) => relative(ROOT, path))
    .sort();
}
