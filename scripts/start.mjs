#!/usr/bin/env node
// `npm start`: the demo, on SQLite in ./data, at http://localhost:8080 unless PARLEY_* say otherwise.
// Demo mode is on unless PARLEY_DEMO is set explicitly; the server says so loudly in its log.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../packages/server/dist/cli.js', import.meta.url));
const env = { PARLEY_DEMO: '1', PARLEY_DATA_DIR: './data', ...process.env };
const child = spawn(process.execPath, [cli, 'start'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
