import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../packages/server/dist/cli.js', import.meta.url));

/** A Parley server running as its own process, as a node of a cluster. */
export interface ClusterNode {
  url: string;
  process: ChildProcess;
  /** Ends the process at once, as a crash would: no graceful shutdown. */
  kill(): Promise<void>;
  /** Graceful stop (SIGTERM). */
  stop(): Promise<void>;
}

/** The line the CLI prints once the server listens. */
const RUNNING_LINE = /Parley is running on (http:\/\/[\d.]+:\d+)/;

/**
 * Starts `parley-server start` from the built server in a child process with `env`, on a free
 * port, and resolves once it listens. The cluster suites need `npm run build` first (as
 * `npm test` does).
 *
 * @example
 * const node = await startNode({ ...env, DATABASE_URL, REDIS_URL });
 */
export function startNode(env: Record<string, string>): Promise<ClusterNode> {
  const child = spawn(process.execPath, [CLI, 'start'], {
    env: { ...process.env, PARLEY_PORT: '0', PARLEY_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`node did not start in 20 s:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = RUNNING_LINE.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({
        url: match[1],
        process: child,
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code} before listening:\n${output}`));
    });
  });
}
