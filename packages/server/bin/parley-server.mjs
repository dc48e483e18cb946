#!/usr/bin/env node
// The `parley-server` bin as npm links it. npm links a workspace's bins at install time, before
// anything is built, and skips a bin whose file is missing; so the linked file lives here, outside
// `dist`, and loads the built CLI. Without it `npx parley-server` in a fresh clone would look for
// a package of that name in the registry.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('The Parley server has not been built. Run: npm run build\n');
  process.exit(1);
}
await import(cli.href);
