// The server under test, in its own process so it runs on its own core (`taskset -c 0`), apart
// from the load generator. `node --expose-gc serverProcess.mjs bare|durable|parley`, started by
// serverHandle.mjs with an IPC channel: it reports its port, answers memory and CPU time requests, and exits
// when told to or when the parent goes away, so a crashed bench leaves no server behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBareRelay } from './bareRelay.mjs';
import { BENCH_ENV } from './benchEnv.mjs';
import { startDurableRelay } from './durableRelay.mjs';
import { importParley } from './parleyBuild.mjs';

/** Parley as deployed with SQLite: persistence (a fresh file, fsync per commit) and redaction on. */
async function startParley(dataDir) {
  const { createParleyServer, loadConfig } = await importParley();
  const server = await createParleyServer(loadConfig({ ...BENCH_ENV, PARLEY_DATA_DIR: dataDir }));
  return { port: server.port, close: () => server.close() };
}

const kind = process.argv[2];
const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const exit = () => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('disconnect', exit);

const START = {
  bare: () => startBareRelay(),
  durable: () => startDurableRelay(dataDir),
  parley: () => startParley(dataDir),
};
const server = await START[kind]();
process.on('message', async (message) => {
  if (message.type === 'memory') {
    // Twice: the first pass may only schedule finalizers that free memory on the second.
    globalThis.gc();
    globalThis.gc();
    process.send({ type: 'memory', usage: process.memoryUsage() });
  } else if (message.type === 'cpu') {
    process.send({ type: 'cpu', usage: process.cpuUsage() });
  } else if (message.type === 'stop') {
    await server.close();
    exit();
  }
});
process.send({ type: 'ready', port: server.port, dataDir });
