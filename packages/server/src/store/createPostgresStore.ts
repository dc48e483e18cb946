import { accessMethods } from './postgres/access.js';
import { callbackMethods } from './postgres/callbacks.js';
import { complianceMethods } from './postgres/compliance.js';
import type { PgContext } from './postgres/context.js';
import { conversationMethods } from './postgres/conversations.js';
import { handoffMethods } from './postgres/handoffs.js';
import { messageMethods } from './postgres/messages.js';
import { runMigrations } from './postgres/migrations.js';
import { openPool } from './postgres/openPool.js';
import { surveyMethods } from './postgres/surveys.js';
import type { Store } from './Store.js';

/** The shortest chain key accepted, matching `PARLEY_ARCHIVE_KEY`'s documented minimum. */
const CHAIN_KEY_MIN_BYTES = 32;

const DEFAULT_POOL_SIZE = 10;

/**
 * How long to wait for a connection, new or from a busy pool, before failing: long enough for a
 * burst to drain, short enough that `/readyz` reports an unreachable database instead of hanging.
 */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** The database, as in `DATABASE_URL`: `postgres://user:password@host:5432/parley`. */
  connectionString: string;
  /** The HMAC key of the archive chain (at least 32 bytes). */
  chainKey: Uint8Array;
  /** Connections this node keeps open at most (default 10). */
  poolSize?: number;
  /** How long to wait for a connection before a call fails (default 10 s). */
  connectTimeoutMs?: number;
  /**
   * Told when an idle pooled connection fails (a database restart, a network cut). The pool drops
   * it and opens a new one when needed; without a listener the error would crash the process.
   */
  onConnectionError?: (error: Error) => void;
}

/**
 * The scale-out store: PostgreSQL through a `pg` pool, for several Parley nodes sharing one
 * database. Every decision that must happen once (a claim, an assignment, the next `seq`) is a
 * row-locking statement inside a transaction, so it holds across nodes, not just within one.
 *
 * @example
 * const store = createPostgresStore({ connectionString: config.databaseUrl, chainKey });
 * await store.migrate();
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  if (options.chainKey.byteLength < CHAIN_KEY_MIN_BYTES) {
    throw new RangeError(`The archive chain key must be at least ${CHAIN_KEY_MIN_BYTES} bytes.`);
  }
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new RangeError(`The pool size must be a positive integer, not ${poolSize}.`);
  }
  const { pool, end } = openPool({
    connectionString: options.connectionString,
    max: poolSize,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    onConnectionError: options.onConnectionError ?? (() => {}),
  });
  // A private copy, so a caller zeroing or reusing its buffer cannot change the chain key.
  const ctx: PgContext = { pool, chainKey: Uint8Array.from(options.chainKey) };

  return {
    async migrate() {
      await runMigrations(pool);
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close: end,
    ...handoffMethods(ctx),
    ...conversationMethods(ctx),
    ...messageMethods(ctx),
    ...callbackMethods(ctx),
    ...surveyMethods(ctx),
    ...complianceMethods(ctx),
    ...accessMethods(ctx),
  };
}
