// A node of the cluster as deployed: `parley-server start` from the built server
// (packages/server/dist/cli.js) in its own process, optionally pinned with `taskset -c <cores>`, on
// a free port or a given one. Its CPU time and memory are read from /proc, and the warnings and
// errors it logs are kept for the report.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../packages/server/dist/cli.js', import.meta.url));
const RUNNING_LINE = /Parley is running on (http:\/\/[\d.]+:\d+)/;
const START_TIMEOUT_MS = 30_000;
/** USER_HZ: /proc counts CPU time in 1/100 s on Linux. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used, or null once it is gone. */
export function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Resident memory of a process in bytes, or null once it is gone. */
export function rssBytesOf(pid) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return match === null ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
}

/**
 * Starts a node with `env` (merged over this process's environment) and resolves once it listens.
 *
 * @example
 * const node = await startNodeProcess({ ...env, DATABASE_URL, REDIS_URL }, { cores: '0' });
 * node.cpuSeconds(); node.rssBytes(); await node.kill();
 */
export function startNodeProcess(env, { cores } = {}) {
  const command = cores === undefined ? process.execPath : 'taskset';
  // A node pinned to one core runs V8's GC on its main thread, as docs/deployment.md advises for
  // one-core nodes: GC helper threads could only run by taking that core from the event loop.
  const gc = cores !== undefined && !cores.includes(',') && !cores.includes('-');
  const node = [process.execPath, ...(gc ? ['--single-threaded-gc'] : []), CLI, 'start'];
  const args = cores === undefined ? node.slice(1) : ['-c', cores, ...node];
  const child = spawn(command, args, {
    env: { ...process.env, PARLEY_PORT: '0', PARLEY_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  /** Warnings and errors after start-up, by message. */
  const logged = new Map();
  let pending = '';
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));
  const onLog = (chunk) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const entry = JSON.parse(line);
        if (entry.level >= 40) logged.set(entry.msg, (logged.get(entry.msg) ?? 0) + 1);
      } catch {
        if (line.trim() !== '') logged.set(line.trim(), (logged.get(line.trim()) ?? 0) + 1);
      }
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`node did not start in 30 s:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk) => {
      output += chunk.toString('utf8');
      const match = RUNNING_LINE.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.on('data', onLog);
      const pid = child.pid;
      resolve({
        url: match[1],
        pid,
        logged,
        cpuSeconds: () => cpuSecondsOf(pid),
        rssBytes: () => rssBytesOf(pid),
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk.toString('utf8');
      onLog(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code} before listening:\n${output}`));
    });
  });
}
