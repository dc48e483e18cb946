// The load generator's side of serverProcess.mjs: spawns it pinned to core 0 and talks to it over
// IPC. The server's own output (warnings, errors) goes to our stderr.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('serverProcess.mjs', import.meta.url));

function nextMessage(child, type) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code) => reject(new Error(`the server process exited (code ${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Starts `bare` or `parley` under `taskset -c <core>` and resolves once it listens.
 *
 * @example
 * const server = await startServerProcess('parley', 0);
 * const { rss } = await server.memory();
 */
export async function startServerProcess(kind, core) {
  const child = spawn(
    'taskset',
    // One core each, so V8 is told so: by default its GC marks and sweeps on helper threads,
    // which here can only run by taking the core from the event loop, stalling every socket for
    // 50–200 ms at a time (measured: 250–490 of 18,000 messages over 20 ms at 600/s, against
    // 14–103 with the flag). Both servers get the same flags.
    [
      '-c',
      String(core),
      process.execPath,
      '--expose-gc',
      '--single-threaded-gc',
      // More flags for the servers alone, to look inside one under load: e.g.
      // PARLEY_BENCH_SERVER_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' writes a CPU profile each.
      ...(process.env.PARLEY_BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []),
      SCRIPT,
      kind,
    ],
    {
      stdio: ['ignore', 2, 2, 'ipc'],
    },
  );
  const { port, dataDir } = await nextMessage(child, 'ready');
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    /** `process.memoryUsage()` of the server after a full GC. */
    async memory() {
      child.send({ type: 'memory' });
      return (await nextMessage(child, 'memory')).usage;
    },
    /** `process.cpuUsage()` of the server, to tell a busy server from a busy generator. */
    async cpu() {
      child.send({ type: 'cpu' });
      return (await nextMessage(child, 'cpu')).usage;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
    kill: () => child.kill(),
  };
}
