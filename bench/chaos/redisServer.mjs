// A private `redis-server` for one chaos or cluster run: its own port on 127.0.0.1, no
// persistence, started as a child process so it can be killed and started again (a Redis restart
// that loses every key and stream, as a crashed cache without persistence does). Never the shared
// Redis on 6379: teammates' suites use that one.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

const READY_LINE = /Ready to accept connections/;
const START_TIMEOUT_MS = 10_000;

/** True when the `redis-server` binary can be run. */
export function hasRedisServer() {
  const result = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return result.status === 0;
}

/** A free TCP port on 127.0.0.1 (the kernel's choice; released before it is returned). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function launch(port, cores) {
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'no',
  ];
  const child =
    cores === undefined
      ? spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('taskset', ['-c', cores, 'redis-server', ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start in 10 s:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk) => {
      output += chunk.toString('utf8');
      if (!READY_LINE.test(output)) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk.toString('utf8');
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { child, exited, ready };
}

/**
 * Starts `redis-server` on a free port (optionally under `taskset -c <cores>`) and resolves once it
 * accepts connections.
 *
 * @example
 * const redis = await startRedisServer();
 * await redis.restart(1_000); // SIGKILL, 1 s down, started again on the same port, empty
 * await redis.stop();
 */
export async function startRedisServer({ cores } = {}) {
  const port = await freePort();
  let current = launch(port, cores);
  await current.ready;
  const handle = {
    port,
    url: `redis://127.0.0.1:${port}`,
    /** The running process's id (for its CPU time in /proc). */
    pid: () => current.child.pid,
    /** Ends the process at once, as a crash would; every key and stream is gone. */
    async kill() {
      current.child.kill('SIGKILL');
      await current.exited;
    },
    /** Starts it again on the same port after a kill. */
    async start() {
      current = launch(port, cores);
      await current.ready;
    },
    /** A crash and a restart: killed, down for `downMs`, started again, empty. */
    async restart(downMs) {
      await handle.kill();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await handle.start();
    },
    async stop() {
      if (current.child.exitCode !== null || current.child.signalCode !== null) return;
      current.child.kill('SIGTERM');
      await current.exited;
    },
  };
  return handle;
}
