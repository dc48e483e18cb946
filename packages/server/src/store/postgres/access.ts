import { type ServiceKeyRow, toServiceKey } from '../recordRows.js';
import type { Store } from '../Store.js';
import type { PgContext } from './context.js';

type AccessMethods = Pick<
  Store,
  'insertServiceKey' | 'getServiceKeyByHash' | 'denySubject' | 'isDenied'
>;

/**
 * Service keys (looked up by the SHA-256 of the presented key, never the key) and the deny list
 * of agent subjects whose access was withdrawn before their tokens expire.
 *
 * @example
 * const store = { ...complianceMethods(ctx), ...accessMethods(ctx) };
 */
export function accessMethods(ctx: PgContext): AccessMethods {
  return {
    async insertServiceKey(key) {
      await ctx.pool.query(
        'INSERT INTO service_keys (id, key_hash, name, created_at) VALUES ($1, $2, $3, $4)',
        [key.id, key.keyHash, key.name, key.createdAt],
      );
    },

    async getServiceKeyByHash(keyHash) {
      const { rows } = await ctx.pool.query<ServiceKeyRow>(
        'SELECT * FROM service_keys WHERE key_hash = $1',
        [keyHash],
      );
      const row = rows[0];
      return row ? toServiceKey(row) : null;
    },

    async denySubject(sub, at) {
      // The first denial's time is the one that matters for an investigation; repeats keep it.
      await ctx.pool.query(
        'INSERT INTO denied_subjects (sub, denied_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [sub, at],
      );
    },

    async isDenied(sub) {
      const { rowCount } = await ctx.pool.query('SELECT 1 FROM denied_subjects WHERE sub = $1', [
        sub,
      ]);
      return (rowCount ?? 0) > 0;
    },
  };
}
