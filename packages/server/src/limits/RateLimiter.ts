import type { RedisClient } from '../scale/connectRedis.js';
import { createWindowLimiter } from './tokenBucket.js';

/** "At most `max` per window per key", shared by every node when it lives in Redis. */
export interface RateLimiter {
  /** Counts one hit for `key`; false once the key is over its limit in this window. */
  hit(key: string): Promise<boolean>;
}

/**
 * A limiter in this process's memory: right for one node.
 *
 * @example
 * const claims = memoryRateLimiter(10, 60_000);
 */
export function memoryRateLimiter(max: number, windowMs: number): RateLimiter {
  const limiter = createWindowLimiter(max, windowMs);
  return { hit: async (key) => limiter.hit(key, Date.now()) };
}

/**
 * A limiter in Redis (a counter per key and window, expiring with the window), so a customer
 * guessing codes cannot multiply their budget by spreading over nodes.
 *
 * @example
 * const claims = redisRateLimiter(redis, 'parley:claims', 10, 60_000);
 */
export function redisRateLimiter(
  redis: RedisClient,
  prefix: string,
  max: number,
  windowMs: number,
): RateLimiter {
  return {
    async hit(key) {
      const window = Math.floor(Date.now() / windowMs);
      const redisKey = `${prefix}:${window}:${key}`;
      const [count] = (await redis
        .multi()
        .incr(redisKey)
        .pExpire(redisKey, windowMs)
        .exec()) as unknown as [number];
      return count <= max;
    },
  };
}
