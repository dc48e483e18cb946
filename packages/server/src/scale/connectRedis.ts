import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { ServiceLog } from '../services/ServiceContext.js';
import { localFirst } from './localFirst.js';

/** A client of the `redis` package, as every Redis user in the server takes it. */
export type RedisClient = ReturnType<typeof createClient>;

/** A node's Redis connection and what it powers. */
export interface RedisConnection {
  client: RedisClient;
  adapter: ServerOptions['adapter'];
  close(): Promise<void>;
}

/**
 * Connects to Redis for running several nodes: the Socket.IO adapter (Redis Streams, which
 * resumes the stream after a Redis restart instead of dropping what was published meanwhile, as
 * the Pub/Sub adapter would), shared presence and shared rate limits. The client reconnects with
 * backoff; while Redis is down, fan-out to other nodes pauses and resumes from the stream.
 *
 * @example
 * const redis = await connectRedis(config.redisUrl, config.redisPrefix, log);
 * new Server(http, { adapter: redis.adapter });
 */
export async function connectRedis(
  url: string,
  prefix: string,
  log: ServiceLog,
): Promise<RedisConnection> {
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  let reported = false;
  client.on('error', (error: unknown) => {
    // One line per outage, not one per retry.
    if (reported) return;
    reported = true;
    log.error(
      { reason: error instanceof Error ? error.message : 'unknown' },
      'redis unreachable; retrying',
    );
  });
  client.on('ready', () => {
    if (reported) log.info({}, 'redis reachable again');
    reported = false;
  });
  await client.connect();
  return {
    client,
    adapter: localFirst(
      createAdapter(client, {
        streamName: `${prefix}:socket.io`,
        maxLen: 100_000,
      }),
    ),
    async close(): Promise<void> {
      // A graceful close waits for every queued command's reply, which never comes while Redis
      // is down: a node stopping during an outage drops them instead of hanging.
      if (client.isReady) await client.close().catch(() => {});
      else client.destroy();
    },
  };
}
