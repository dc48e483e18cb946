import type { Pool, PoolClient } from 'pg';

/**
 * SQLSTATEs after which PostgreSQL has already rolled the transaction back and running it again
 * may succeed: `40001` serialization failure, `40P01` deadlock detected (one side of a deadlock
 * is chosen as the victim; the other side goes on, so the retry normally finds the way clear).
 */
const RETRYABLE_CODES: ReadonlySet<string> = new Set(['40001', '40P01']);

/**
 * Runs `fn` in one transaction on a pooled connection: BEGIN, then COMMIT if `fn` resolves,
 * ROLLBACK if it throws. The connection goes back to the pool in every case, or is discarded if
 * it could not even roll back. A serialization failure or deadlock is retried once, so `fn` must
 * be safe to run again. That holds for the store's methods, which only touch the database.
 *
 * @example
 * const lastSeq = await withTransaction(pool, async (client) => {
 *   const { rows } = await client.query<{ last_seq: number }>(
 *     'UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq',
 *     [conversationId],
 *   );
 *   return rows[0]?.last_seq;
 * });
 */
export async function withTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  try {
    return await attempt(pool, fn);
  } catch (error) {
    if (!isRetryable(error)) throw error;
    return attempt(pool, fn);
  }
}

async function attempt<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection whose ROLLBACK failed is in an unknown state; releasing it with an error
  // makes the pool close it instead of handing it to the next caller.
  let unusable: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      unusable = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(unusable);
  }
}

/**
 * Whether `error` is a PostgreSQL error that a fresh attempt may not hit again.
 *
 * @example
 * isRetryable(Object.assign(new Error('deadlock detected'), { code: '40P01' })); // true
 */
export function isRetryable(error: unknown): boolean {
  const code = sqlState(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/**
 * The SQLSTATE of a PostgreSQL error (`pg` puts it on `code`), or undefined for anything else.
 *
 * @example
 * sqlState(uniqueViolation); // '23505'
 */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
