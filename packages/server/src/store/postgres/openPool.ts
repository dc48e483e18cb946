import pg from 'pg';

/** Settings of {@link openPool}. */
export interface PoolSettings {
  connectionString: string;
  /** Connections kept open at most. */
  max: number;
  /** How long to wait for a connection, new or from a busy pool, before failing. */
  connectTimeoutMs: number;
  /** Told when an idle connection fails; the pool drops it and opens a new one when needed. */
  onConnectionError: (error: Error) => void;
}

/** A pool, and a way to end it that waits for its connections to be gone. */
export interface OpenPool {
  readonly pool: pg.Pool;
  /** Ends the pool once; resolves when every connection has closed. Later calls wait too. */
  end(): Promise<void>;
}

/**
 * Opens a `pg` pool for the store. `Pool#end()` resolves as soon as the pool has let go of its
 * connections, while their sockets are still closing. So `end()` here also waits for each
 * connection's own end. A closed store then really has no session left, and a database can be
 * dropped, or the process exit, without a half-closed connection erroring afterwards.
 *
 * @example
 * const { pool, end } = openPool({ connectionString, max: 10, connectTimeoutMs: 10_000,
 *   onConnectionError: (error) => logger.warn({ err: error }, 'database connection lost') });
 * await pool.query('SELECT 1');
 * await end();
 */
export function openPool(settings: PoolSettings): OpenPool {
  const pool = new pg.Pool({
    connectionString: settings.connectionString,
    max: settings.max,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    application_name: 'parley',
  });
  // Without a listener, an idle connection's error (a database restart) would crash the process.
  pool.on('error', (error) => settings.onConnectionError(error));
  let open = 0;
  let drained: (() => void) | null = null;
  pool.on('connect', () => {
    open += 1;
  });
  // 'remove' fires once a connection has ended, whether for idleness, an error, or `end()`.
  pool.on('remove', () => {
    open -= 1;
    if (open === 0) drained?.();
  });
  let ended: Promise<void> | null = null;
  return {
    pool,
    end() {
      ended ??= (async () => {
        const allClosed = new Promise<void>((resolve) => {
          drained = resolve;
        });
        await pool.end();
        if (open > 0) await allClosed;
      })();
      return ended;
    },
  };
}
