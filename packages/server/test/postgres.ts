import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The maintenance database tests create their own databases through. */
export const ADMIN_URL =
  process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const START_HINT =
  'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

/** Test database names are generated here and nowhere else; checked before they reach DDL. */
const TEST_DATABASE_NAME = /^parley_test_[0-9a-f]{16}$/;

let admin: pg.Pool | undefined;
const live = new Set<string>();

function pool(): pg.Pool {
  if (admin === undefined) {
    admin = new pg.Pool({ connectionString: ADMIN_URL, max: 2, connectionTimeoutMillis: 5_000 });
    // An idle admin connection dropped by the server; the next query opens a new one. Once per
    // pool: a listener per call grew past Node's limit of 10 and printed a leak warning.
    admin.on('error', () => {});
  }
  return admin;
}

/**
 * Fails with the command that starts PostgreSQL when it does not answer: these suites never skip.
 *
 * @example
 * beforeAll(requirePostgres);
 */
export async function requirePostgres(): Promise<void> {
  try {
    await pool().query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL} (${reason}). ${START_HINT}`);
  }
}

/**
 * Creates an empty database of the test's own and returns its name and URL. Its collation is ICU
 * en-US (where 'a' sorts before 'B', unlike byte order), so the store's `COLLATE "C"` columns are
 * what ordering depends on, not the server's locale.
 *
 * @example
 * const { url, name } = await createTestDatabase();
 */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `parley_test_${randomBytes(8).toString('hex')}`;
  if (!TEST_DATABASE_NAME.test(name)) throw new Error(`Unexpected database name ${name}.`);
  // Identifiers cannot be bound as parameters; the name is generated and checked above.
  await pool().query(
    `CREATE DATABASE "${name}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`,
  );
  live.add(name);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/**
 * Drops a test database, ending any connection a failed case left open.
 *
 * @example
 * await dropTestDatabase(name);
 */
export async function dropTestDatabase(name: string): Promise<void> {
  if (!TEST_DATABASE_NAME.test(name)) throw new Error(`Refusing to drop ${name}.`);
  await pool().query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  live.delete(name);
}

/**
 * Drops whatever a failed cleanup left and closes the admin pool (call in `afterAll`).
 *
 * @example
 * afterAll(dropLeftoverDatabases);
 */
export async function dropLeftoverDatabases(): Promise<void> {
  for (const name of [...live]) await dropTestDatabase(name);
  await admin?.end();
  admin = undefined;
}
