#!/usr/bin/env node
// `npm test`: every check in a fixed order, stopping at the first failure. Fast, cheap checks come
// first so a formatting slip fails in seconds, not after the browser suites.
import { spawnSync } from 'node:child_process';

const STEPS = [
  ['format', 'npx', ['biome', 'format', '.']],
  ['lint', 'npx', ['biome', 'lint', '.']],
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['build', 'npm', ['run', 'build', '--workspaces', '--if-present']],
  [
    'unit and integration tests',
    'npx',
    [
      'vitest',
      'run',
      '--project',
      'protocol',
      '--project',
      'client',
      '--project',
      'server',
      '--project',
      'console',
      '--project',
      'widget',
    ],
  ],
  ['docs check', 'npx', ['vitest', 'run', '--project', 'docs']],
  ['security suite', 'npx', ['vitest', 'run', '--project', 'security']],
  ['browser suites', 'npx', ['vitest', 'run', '--project', 'browser']],
  ['cluster suites', 'npx', ['vitest', 'run', '--project', 'cluster']],
  ['sizes', 'node', ['scripts/check-size.mjs']],
];

const started = Date.now();
for (const [name, command, args] of STEPS) {
  const stepStarted = Date.now();
  process.stdout.write(`\n━━ ${name} ━━\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(
      `\n✗ ${name} failed after ${seconds}s (exit ${result.status ?? result.signal}).\n`,
    );
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✓ ${name} (${seconds}s)\n`);
}
process.stdout.write(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.\n`);
