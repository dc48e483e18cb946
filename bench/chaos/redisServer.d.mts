// Types of redisServer.mjs for the TypeScript suite that uses it.

/** A private redis-server child process. */
export interface RedisServer {
  port: number;
  url: string;
  pid(): number | undefined;
  kill(): Promise<void>;
  start(): Promise<void>;
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

export function hasRedisServer(): boolean;
export function freePort(): Promise<number>;
export function startRedisServer(options?: { cores?: string }): Promise<RedisServer>;
