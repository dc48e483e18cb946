// A fresh PostgreSQL database for one bench run, dropped afterwards, and the CPU time of the
// server processes (backends) serving it, so PostgreSQL's share of the work is measured apart from
// whatever else the shared PostgreSQL server does meanwhile.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { cpuSecondsOf } from './nodeProcess.mjs';

const ADMIN_URL =
  process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = /^parley_bench_[0-9a-f]{16}$/;

/**
 * Creates `parley_bench_<random>` and returns its URL, a `cpuSeconds()` summing its backends' CPU
 * time, and `drop()`.
 *
 * @example
 * const db = await createBenchDatabase();
 * const before = await db.cpuSeconds();
 */
export async function createBenchDatabase() {
  const admin = new pg.Pool({
    connectionString: ADMIN_URL,
    max: 1,
    connectionTimeoutMillis: 5_000,
  });
  admin.on('error', () => {});
  try {
    await admin.query('SELECT 1');
  } catch (error) {
    await admin.end();
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${error.message}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  }
  const name = `parley_bench_${randomBytes(8).toString('hex')}`;
  if (!NAME.test(name)) throw new Error(`Unexpected database name ${name}.`);
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  /** CPU seconds by backend pid; a backend that has exited keeps its last reading. */
  const seen = new Map();
  return {
    name,
    url: url.toString(),
    /** CPU seconds used so far by the backends connected to this database (sampled now). */
    async cpuSeconds() {
      const { rows } = await admin.query(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      for (const { pid } of rows) {
        const seconds = cpuSecondsOf(pid);
        if (seconds !== null) seen.set(pid, seconds);
      }
      let total = 0;
      for (const seconds of seen.values()) total += seconds;
      return total;
    },
    /**
     * The connections to this database by what they are doing now: `active` (PostgreSQL works
     * or waits for a lock or the disk), `idle in transaction` (the node holds a transaction open
     * while it does something else) or `idle` (free in a node's pool).
     */
    async connectionStates() {
      const { rows } = await admin.query(
        `SELECT state, count(*)::int AS n FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid() GROUP BY state`,
        [name],
      );
      return Object.fromEntries(rows.map((row) => [row.state ?? 'unknown', row.n]));
    },
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
