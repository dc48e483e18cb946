import { type ServiceKeyRow, toServiceKey } from '../recordRows.js';
import type { Store } from '../Store.js';
import type { SqliteContext } from './context.js';

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
export function accessMethods(ctx: SqliteContext): AccessMethods {
  return {
    async insertServiceKey(key) {
      await ctx.write(() =>
        ctx
          .stmt('INSERT INTO service_keys (id, key_hash, name, created_at) VALUES (?, ?, ?, ?)')
          .run(key.id, key.keyHash, key.name, key.createdAt),
      );
    },

    async getServiceKeyByHash(keyHash) {
      const row = ctx.stmt('SELECT * FROM service_keys WHERE key_hash = ?').get(keyHash) as
        | ServiceKeyRow
        | undefined;
      return row ? toServiceKey(row) : null;
    },

    async denySubject(sub, at) {
      // The first denial's time is the one that matters for an investigation; repeats keep it.
      await ctx.write(() =>
        ctx
          .stmt('INSERT INTO denied_subjects (sub, denied_at) VALUES (?, ?) ON CONFLICT DO NOTHING')
          .run(sub, at),
      );
    },

    async isDenied(sub) {
      return ctx.stmt('SELECT 1 FROM denied_subjects WHERE sub = ?').get(sub) !== undefined;
    },
  };
}
