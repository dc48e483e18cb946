import { createClient } from 'redis';
import type { RedisClient } from '../src/scale/connectRedis.js';

export type { RedisClient };

export const REDIS_URL = 'redis://127.0.0.1:6379';

/** A client of the shared Redis; fails with the command that starts Redis (these tests never skip). */
export async function requireRedis(): Promise<RedisClient> {
  const client = createClient({ url: REDIS_URL, socket: { reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch {
    throw new Error(
      `Redis is not answering at ${REDIS_URL}. Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`,
    );
  }
  return client;
}

/** Deletes every key under `prefix`: a test's own keys, never anyone else's. */
export async function dropKeys(redis: RedisClient, prefix: string): Promise<void> {
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
    if (keys.length > 0) await redis.del(keys);
  }
}
