// Pinning and the machine facts a reader needs to compare runs: cores, CPU, Node, the cores each
// process may use, the Linux limits that cap how many sockets one process can hold, and the disk
// under the server's data folder.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';

const PINNED = 'PARLEY_BENCH_PINNED';

const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/**
 * Re-runs this script under `taskset -c <core>` with the soft open-files limit raised to the hard
 * one (Node cannot call setrlimit itself), and returns its exit code; returns null inside the
 * re-run. The server process inherits the raised limit.
 */
export function runPinned(core) {
  if (process.env[PINNED] === '1') return null;
  const result = spawnSync(
    'sh',
    [
      '-c',
      'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec taskset -c "$0" "$@"',
      String(core),
      process.execPath,
      ...process.execArgv,
      ...process.argv.slice(1),
    ],
    { stdio: 'inherit', env: { ...process.env, [PINNED]: '1' } },
  );
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** The file system the server's SQLite file lands on: its fsyncs are part of every message. */
function dataFileSystem() {
  const dir = tmpdir();
  const mounts = read('/proc/mounts')
    .split('\n')
    .map((line) => line.split(' '))
    .filter(
      ([, point]) =>
        point !== undefined && (dir === point || dir.startsWith(`${point === '/' ? '' : point}/`)),
    )
    .sort((a, b) => b[1].length - a[1].length);
  const [device, , type] = mounts[0] ?? ['unknown', '', 'unknown'];
  return `${dir} on ${type} (${device})`;
}

/**
 * CPU seconds all processes on the machine have used since boot (`/proc/stat`, in USER_HZ = 1/100
 * s): minus the server's and the generator's own, what teammates' jobs took during a step.
 */
export function machineBusySeconds() {
  const [user, nice, system, , , irq, softirq] = read('/proc/stat')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq) / 100;
}

/** The facts printed above the results. */
export function machineFacts() {
  const limits = read('/proc/self/limits').match(/Max open files\s+(\d+|unlimited)/);
  return {
    // cpus(), not availableParallelism(): the latter counts only the cores this process is pinned to.
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    affinity: read('/proc/self/status').match(/Cpus_allowed_list:\s*(\S+)/)?.[1] ?? 'unknown',
    openFiles: limits?.[1] ?? 'unknown',
    somaxconn: read('/proc/sys/net/core/somaxconn').trim() || 'unknown',
    dataDir: dataFileSystem(),
  };
}
