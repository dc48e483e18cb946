import { randomBytes } from 'node:crypto';
import { AGENT_NAMESPACE, CUSTOMER_NAMESPACE, PROTOCOL_MAJOR } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chaosReport, runChaos } from '../../bench/chaos/chaosRun.mjs';
import {
  hasRedisServer,
  type RedisServer,
  startRedisServer,
} from '../../bench/chaos/redisServer.mjs';
import { mintDemoTokens } from '../../packages/server/src/auth/mintDemoTokens.js';
import { loadConfig } from '../../packages/server/src/config/index.js';
import { TEST_ENV } from '../../packages/server/test/harness.js';
import {
  createTestDatabase,
  dropLeftoverDatabases,
  dropTestDatabase,
  requirePostgres,
} from '../../packages/server/test/postgres.js';
import { startNode } from './startNode.js';

/**
 * The short chaos run of `bench/chaos` (see docs/benchmarks.md): 40 conversations on three nodes
 * sharing PostgreSQL and a private redis-server, clients dropping at random, one node SIGKILLed
 * and restarted, Redis killed and restarted empty. Nothing may be lost, doubled or reordered.
 * Outside CI a missing PostgreSQL or `redis-server` skips it with a note; under `PARLEY_CI=1` it
 * fails.
 */
const CI = process.env.PARLEY_CI === '1';

async function missingDependency(): Promise<string | null> {
  if (!hasRedisServer())
    return 'the redis-server binary is not installed (apt-get install redis-server).';
  try {
    await requirePostgres();
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

const missing = await missingDependency();
if (missing !== null && !CI) process.stdout.write(`chaos suite skipped: ${missing}\n`);

describe.skipIf(missing !== null && !CI)('chaos: drops, a killed node, a Redis restart', () => {
  let redis: RedisServer | undefined;
  let database: { name: string; url: string } | undefined;

  beforeAll(async () => {
    if (missing !== null) throw new Error(`PARLEY_CI=1 and ${missing}`);
    redis = await startRedisServer();
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await redis?.stop();
    if (database !== undefined) await dropTestDatabase(database.name);
    await dropLeftoverDatabases();
  });

  it('every customer’s and agent’s view equals the archive: 0 lost, 0 doubled, 0 reordered', async () => {
    const env = {
      ...TEST_ENV,
      DATABASE_URL: database!.url,
      REDIS_URL: redis!.url,
      PARLEY_REDIS_PREFIX: `parley-chaos-${randomBytes(6).toString('hex')}`,
      PARLEY_LOG_LEVEL: 'warn',
      PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '1000',
    };
    const mint = mintDemoTokens(loadConfig({ ...env, PARLEY_DATA_DIR: '/tmp' }));
    const result = await runChaos({
      startNode,
      env,
      redis: redis!,
      mint,
      protocol: { PROTOCOL_MAJOR, AGENT_NAMESPACE, CUSTOMER_NAMESPACE },
      conversations: 40,
      seconds: 20,
      meanGapMs: 2_000,
      dropEveryMs: 250,
      write: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`${chaosReport(result)}\n`);
    const { counts } = result;
    expect(counts.sent).toBeGreaterThan(200);
    expect({
      lost: counts.lost,
      duplicated: counts.duplicated,
      outOfOrder: counts.outOfOrder,
      viewsDiffering: counts.viewsDiffering,
    }).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0, viewsDiffering: 0 });
    expect(counts.delivered).toBe(counts.sent);
  });
});
