import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { createPostgresStore } from './createPostgresStore.js';
import { createSqliteStore } from './createSqliteStore.js';
import type { Store } from './Store.js';

/**
 * The store the configuration asks for: PostgreSQL when `DATABASE_URL` is set (several nodes),
 * else the embedded SQLite file in the data folder (one node).
 *
 * @example
 * const store = openStore(config, chainKey);
 * await store.migrate();
 */
export function openStore(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  chainKey: Uint8Array,
  onConnectionError: (error: Error) => void = () => {},
): Store {
  return config.databaseUrl === null
    ? createSqliteStore({ file: join(config.dataDir, 'parley.sqlite'), chainKey })
    : createPostgresStore({ connectionString: config.databaseUrl, chainKey, onConnectionError });
}
