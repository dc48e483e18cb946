import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FRAME_MAX_BYTES } from '@parley/protocol';
import type { DestinationStream, Logger } from 'pino';
import { Server } from 'socket.io';
import { createTokenService } from './auth/createTokenService.js';
import { mintDemoTokens } from './auth/mintDemoTokens.js';
import type { Config } from './config/index.js';
import { createSocketFanout } from './fanout/createSocketFanout.js';
import { originAllowed } from './http/allowOrigins.js';
import { createApp } from './http/createApp.js';
import { secureRawAnswers } from './http/securityHeaders.js';
import { memoryRateLimiter, redisRateLimiter } from './limits/RateLimiter.js';
import { createLogger } from './logging/index.js';
import { createMetrics } from './metrics/createMetrics.js';
import { serveMetrics } from './metrics/serveMetrics.js';
import { createMemoryPresence } from './presence/Presence.js';
import { createRedactorCache } from './redaction/redactMessage.js';
import { connectRedis } from './scale/connectRedis.js';
import { createRedisPresence } from './scale/createRedisPresence.js';
import type { ServiceContext } from './services/ServiceContext.js';
import { serviceSettings } from './services/serviceSettings.js';
import { startSweeps } from './services/startSweeps.js';
import { attachAgentNamespace } from './socket/agentNamespace.js';
import { createAuthenticator } from './socket/createAuthenticator.js';
import { attachCustomerNamespace } from './socket/customerNamespace.js';
import type { SocketDeps } from './socket/SocketDeps.js';
import { openStore } from './store/openStore.js';
import type { Store } from './store/Store.js';

/** A running Parley server. */
export interface ParleyServer {
  /** `http://host:port` as bound (port 0 resolves to the real port). */
  url: string;
  port: number;
  http: HttpServer;
  io: Server;
  store: Store;
  ctx: ServiceContext;
  logger: Logger;
  /** Stops accepting, closes sockets, stops the sweeps and closes the store. */
  close(): Promise<void>;
}

/** Options for tests and embedding. */
export interface ParleyServerOptions {
  /** Where logs go; stdout by default. */
  logDestination?: DestinationStream;
  /** A clock for the services (tests move time without waiting). */
  now?: () => Date;
  /** How often the deadline sweeps run; 1 s by default. */
  sweepIntervalMs?: number;
}

/**
 * Starts Parley: the store, the HTTP API and pages, both Socket.IO namespaces and the deadline
 * sweeps, on `config.host:config.port` (port 0 picks a free port, as tests do).
 *
 * @example
 * const server = await createParleyServer(loadConfig(process.env));
 * console.log(server.url);
 */
export async function createParleyServer(
  config: Config,
  options: ParleyServerOptions = {},
): Promise<ParleyServer> {
  const logger = createLogger(config, options.logDestination);
  const chainKey = Buffer.from(config.archiveKey, 'utf8');
  const store = openStore(config, chainKey, (error) =>
    logger.warn({ reason: error.message }, 'database connection lost; the pool reconnects'),
  );
  await store.migrate();

  // Socket.IO takes over the server's request listeners and hands them every request that is
  // not its own (/socket.io/); the app is created below, once the services exist.
  let app: ReturnType<typeof createApp> | undefined;
  const http = createServer((req, res) => app?.(req, res));
  const redis =
    config.redisUrl === null
      ? null
      : await connectRedis(config.redisUrl, config.redisPrefix, logger);
  const io = new Server(http, {
    ...(redis === null ? {} : { adapter: redis.adapter }),
    maxHttpBufferSize: FRAME_MAX_BYTES,
    transports: ['websocket', 'polling'],
    allowRequest: (req, callback) =>
      callback(null, originAllowed(config.allowedOrigins, req.headers.origin)),
    cors: { origin: [...config.allowedOrigins], credentials: false },
    serveClient: false,
  });
  // Engine.IO and Node answer some requests themselves, outside Express and its helmet: polling
  // bodies carry relayed message text, so those answers get the same headers.
  secureRawAnswers(io, http, config);
  const metrics = createMetrics();
  const ctx: ServiceContext = {
    store,
    now: options.now ?? (() => new Date()),
    settings: serviceSettings(config),
    fanout: createSocketFanout(io, { clustered: redis !== null }),
    presence:
      redis === null
        ? createMemoryPresence()
        : createRedisPresence(redis.client, config.redisPrefix),
    metrics,
    redactors: createRedactorCache(metrics),
    log: logger,
  };
  const auth = createAuthenticator(createTokenService(config), store);
  const limiter = (name: string, max: number) =>
    redis === null
      ? memoryRateLimiter(max, 60_000)
      : redisRateLimiter(redis.client, `${config.redisPrefix}:limit:${name}`, max, 60_000);
  const claimLimits = {
    perCustomer: limiter('claims-customer', config.rateLimits.claimsPerMinute),
    // Several customers can share an address (a mobile carrier's NAT), so it gets more room.
    perAddress: limiter('claims-address', config.rateLimits.claimsPerMinute * 3),
  };
  const socketDeps: SocketDeps = {
    ctx,
    auth,
    limits: {
      perSecond: config.rateLimits.socketEventsPerSecond,
      burst: config.rateLimits.socketEventsPerSecond * 2,
      disconnectAfter: config.rateLimits.socketEventsPerSecond * 5,
    },
    claimLimits,
    sessionGraceMs: config.session.graceSeconds * 1000,
    chainKey,
    trustProxy: config.trustProxy,
  };
  attachCustomerNamespace(io, socketDeps);
  attachAgentNamespace(io, socketDeps);
  app = createApp({
    ctx,
    auth,
    config,
    chainKey,
    demo: config.demo ? mintDemoTokens(config) : null,
    claimLimits,
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const metricsServer =
    config.metrics.port === null
      ? null
      : await serveMetrics(metrics, config.metrics.port, config.host);
  const sweeps = startSweeps(ctx, config, options.sweepIntervalMs ?? 1_000);
  let closing: Promise<void> | undefined;
  const port = (http.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  if (config.demo)
    logger.warn(
      'DEMO MODE IS ON: demo sign-in and demo agents are enabled. Never run demo mode in production.',
    );
  return {
    url: `http://${host}:${port}`,
    port,
    http,
    io,
    store,
    ctx,
    logger,
    close() {
      closing ??= (async () => {
        sweeps.stop();
        metricsServer?.close();
        await new Promise<void>((resolve) => {
          void io.close(() => resolve());
        });
        (ctx.presence as { stop?: () => void }).stop?.();
        await store.close();
        await redis?.close();
      })();
      return closing;
    },
  };
}
