import type { Pool, PoolClient } from 'pg';

/** What every group of PostgreSQL store methods shares: the connection pool and the chain key. */
export interface PgContext {
  readonly pool: Pool;
  readonly chainKey: Uint8Array;
}

/** Where a read can run: the pool, or a transaction's own connection. */
export type Queryable = Pool | PoolClient;

/**
 * An optional list filter as one `text[]` parameter for `col = ANY($n)`, so the SQL text does not
 * vary with the list's length; null means no filter. (An empty list is answered before any query:
 * it matches nothing.)
 *
 * @example
 * pool.query('SELECT * FROM handoffs WHERE ($1::text[] IS NULL OR team = ANY($1))', [
 *   textList(filter.teams),
 * ]);
 */
export function textList(items: readonly string[] | undefined): string[] | null {
  return items === undefined ? null : [...items];
}

/**
 * A value for a `jsonb` parameter. `pg` would send a JS array as a PostgreSQL array literal, not
 * JSON, so every JSON value is stringified here and cast with `$n::jsonb` in the SQL.
 *
 * @example
 * pool.query('INSERT INTO t (data) VALUES ($1::jsonb)', [jsonParam(['card', 'phone'])]);
 */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value);
}
