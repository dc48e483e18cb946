// Starts the built Parley server in demo mode for an example's serve.mjs: its own throw-away data
// folder (so it never touches `npm start`'s ./data), demo agents, demo sign-in. Plain Node.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'packages/server/dist/cli.js');
const WIDGET = join(ROOT, 'packages/widget/dist/widget.js');

/**
 * The environment of the demo server: demo mode, loopback, quiet logs unless asked otherwise,
 * and the example's page origins allowed beside the server's own (its console and /chat).
 */
function demoEnv(port, dataDir, origins, env) {
  const own = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  return {
    ...process.env,
    PARLEY_DEMO: '1',
    PARLEY_HOST: '127.0.0.1',
    PARLEY_PORT: String(port),
    PARLEY_PUBLIC_URL: `http://127.0.0.1:${port}`,
    PARLEY_DATA_DIR: dataDir,
    PARLEY_LOG_LEVEL: process.env.PARLEY_LOG_LEVEL ?? 'warn',
    PARLEY_ALLOWED_ORIGINS: [...own, ...origins].join(','),
    ...env,
  };
}

/** Runs `parley-server <args>` against the same data folder and settings; resolves with stdout. */
function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(out.trim())
        : reject(new Error(`parley-server ${args[0]} exited with ${code}`)),
    );
  });
}

/**
 * Starts `parley-server start` in demo mode on 127.0.0.1:`port` and waits until it is ready.
 * `origins`: the example's page origins, whose pages may open sockets; `env` adds settings.
 *
 * @example
 * const parley = await startDemoServer(8080, { origins: ['http://127.0.0.1:8081'] });
 * const key = await parley.serviceKey('social tool');
 * await parley.stop();
 */
export async function startDemoServer(port, { origins = [], env = {} } = {}) {
  if (!existsSync(CLI) || !existsSync(WIDGET))
    throw new Error('Parley is not built yet. Run: npm run build (once), then this command again.');
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-example-'));
  const fullEnv = demoEnv(port, dataDir, origins, env);
  const url = fullEnv.PARLEY_PUBLIC_URL;
  const server = spawn(process.execPath, [CLI, 'start'], {
    env: fullEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exitCode = null;
  const exited = new Promise((resolve) =>
    server.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  for (let waited = 0; ; waited += 100) {
    if (exitCode !== null) {
      cleanUp();
      throw new Error(
        `The Parley server stopped at start (exit ${exitCode}). Is port ${port} taken, e.g. by npm start? Stop it or set PARLEY_PORT.`,
      );
    }
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (waited > 20_000) {
      server.kill('SIGTERM');
      cleanUp();
      throw new Error(`The Parley server did not answer on ${url} within 20 s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    /** Creates a service API key (`psk_…`) for the bank's social-care tool, as an operator would. */
    serviceKey: (name) => runCli(['service-key', 'create', name], fullEnv),
    async stop() {
      if (exitCode === null) server.kill('SIGTERM');
      await exited;
      cleanUp();
    },
  };
}

/**
 * Prints where everything runs (the example tests read these lines) and stops the example page,
 * then Parley, on Ctrl-C or SIGTERM.
 *
 * @example
 * announce(site, parley);
 */
export function announce(site, parley) {
  console.log(`
  Parley (demo)    ${parley.url}
  Agent console    ${parley.url}/console/
  Example page     ${site.url}/
`);
  stopOnSignal(site, parley);
}

/** Stops `stoppables` (in order) on Ctrl-C or SIGTERM, then exits. */
function stopOnSignal(...stoppables) {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const s of stoppables) await s.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
