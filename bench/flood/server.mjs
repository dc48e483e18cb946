// The server under the flood, in its own process so the generator's work does not count as the
// server's. Started by index.mjs with an IPC channel; reports its port and exits when told to or
// when the parent goes away. Production's socket limit (20 events/s), unlike bench/relay's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_ENV } from '../relay/benchEnv.mjs';
import { importParley } from '../relay/parleyBuild.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'parley-flood-'));
const { createParleyServer, loadConfig } = await importParley();
const server = await createParleyServer(
  loadConfig({
    ...BENCH_ENV,
    PARLEY_DATA_DIR: dataDir,
    PARLEY_RATE_LIMIT_SOCKET_EVENTS_PER_SECOND: '20',
    PARLEY_LOG_LEVEL: 'error',
  }),
);
const exit = async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('disconnect', exit);
process.on('message', (message) => {
  if (message.type === 'memory') process.send({ type: 'memory', usage: process.memoryUsage() });
  if (message.type === 'stop') void exit();
});
process.send({ type: 'ready', port: server.port });
