#!/usr/bin/env node
// The size report of `npm test`: each entry is bundled and minified as a consumer's bundler would
// (esbuild, browser platform, tree-shaken), gzipped, and checked against its budget. Raise a
// budget only in the commit that causes the growth, and say why in that commit.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGETS = [
  {
    name: 'protocol: event schemas',
    // What a client pays for the runtime schemas of both namespaces.
    source: `export { customerRequests, customerPushes, agentRequests, agentPushes } from '@parley/protocol/events';`,
    budget: 6 * 1024,
  },
];

async function gzipSize(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

let failed = false;
const rows = [];
for (const entry of BUDGETS) {
  const bytes = await gzipSize(entry.source);
  const ok = bytes <= entry.budget;
  failed ||= !ok;
  rows.push(
    `${ok ? '✓' : '✗'} ${entry.name.padEnd(34)} ${String(bytes).padStart(7)} B gzip   budget ${entry.budget} B (${Math.round((bytes / entry.budget) * 100)}%)`,
  );
}
process.stdout.write(`${rows.join('\n')}\n`);
if (failed) {
  process.stderr.write(
    'A bundle is over its budget: shrink it, or raise the budget with a reason.\n',
  );
  process.exit(1);
}
