import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropKeys, type RedisClient, requireRedis } from '../../test/redis.js';
import type { AgentActor } from '../domain/actors.js';
import { createRedisPresence } from './createRedisPresence.js';

const agent = (i: number): AgentActor => ({
  kind: 'agent',
  id: `agent-${i}`,
  name: `Agent ${i}`,
  roles: ['agent'],
  teams: ['social-care'],
});

describe('createRedisPresence', () => {
  const prefix = `parley-test-presence-${randomBytes(6).toString('hex')}`;
  let redis: RedisClient;

  beforeAll(async () => {
    redis = await requireRedis();
  });
  afterAll(async () => {
    if (redis?.isOpen) {
      await dropKeys(redis, prefix);
      await redis.close();
    }
  });

  it('restores what a restarted Redis lost, a slice of the consoles at a time', async () => {
    const consoles = 12;
    const presence = createRedisPresence(redis, prefix, { refreshMs: 600, slices: 6 });
    try {
      for (let i = 0; i < consoles; i++) await presence.connected(agent(i), `socket-${i}`);
      expect(await presence.statusOf('agent-3')).toBe('online');

      // Redis comes back empty: every console looks offline until its node refreshes it.
      await dropKeys(redis, prefix);
      expect(await presence.statusOf('agent-3')).toBe('offline');

      // One KEYS, not a SCAN of several calls: a slice written between two calls would be
      // counted half.
      const liveKeys = async () => (await redis.keys(`${prefix}:presence:*:socket:*`)).length;
      // Watch the consoles come back: two per tick, never all at once.
      const seen = new Set<number>();
      const until = Date.now() + 5_000;
      let live = 0;
      while (live < consoles && Date.now() < until) {
        live = await liveKeys();
        seen.add(live);
        await sleep(10);
      }
      expect(live).toBe(consoles);
      const between = [...seen].filter((n) => n > 0 && n < consoles);
      expect(between.length).toBeGreaterThanOrEqual(3);
      expect(between.every((n) => n % 2 === 0)).toBe(true);
      expect(await presence.statusOf('agent-3')).toBe('online');
      expect(await presence.list(['social-care'])).toHaveLength(consoles);
    } finally {
      presence.stop();
    }
  });
});
