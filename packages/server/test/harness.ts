import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  AGENT_NAMESPACE,
  type AgentClientEvents,
  type AgentServerEvents,
  CUSTOMER_NAMESPACE,
  type CustomerClientEvents,
  type CustomerMessage,
  type CustomerServerEvents,
  type Message,
  PROTOCOL_MAJOR,
} from '@parley/protocol';
import { io, type Socket } from 'socket.io-client';
import { type DemoTokenMinter, mintDemoTokens } from '../src/auth/mintDemoTokens.js';
import { loadConfig } from '../src/config/index.js';
import {
  createParleyServer,
  type ParleyServer,
  type ParleyServerOptions,
} from '../src/createParleyServer.js';

export type CustomerClient = Socket<CustomerServerEvents, CustomerClientEvents>;
export type AgentClient = Socket<AgentServerEvents, AgentClientEvents>;

/** Secrets for tests: HS256 everywhere, so the harness can mint every kind of token. */
export const TEST_ENV = {
  PARLEY_HOST: '127.0.0.1',
  PARLEY_PORT: '0',
  PARLEY_AGENT_JWT_ISSUER: 'https://idp.bank.test',
  PARLEY_AGENT_JWT_AUDIENCE: 'parley-agents',
  PARLEY_AGENT_JWT_SECRET: 'agent-secret-0123456789abcdef0123456789abcdef',
  PARLEY_CUSTOMER_JWT_ISSUER: 'https://login.bank.test',
  PARLEY_CUSTOMER_JWT_AUDIENCE: 'parley-customers',
  PARLEY_CUSTOMER_JWT_SECRET: 'customer-secret-0123456789abcdef0123456789abcd',
  PARLEY_SESSION_SECRET: 'session-secret-0123456789abcdef0123456789abcdef',
  PARLEY_ARCHIVE_KEY: 'archive-key-0123456789abcdef0123456789abcdef01',
  PARLEY_METRICS_TOKEN: 'metrics-token-for-tests-0123456789abcdef',
  PARLEY_TEAMS: JSON.stringify([
    { id: 'social-care', name: 'Social care', openingHours: null },
    { id: 'cards', name: 'Card specialists', openingHours: null },
  ]),
} as const;

/** A running test server and what tests need around it. */
export interface TestServer {
  server: ParleyServer;
  url: string;
  dataDir: string;
  mint: DemoTokenMinter;
  /** Every log line the server wrote, raw JSON. */
  logs: string[];
  customer(
    sub: string,
    name?: string,
    extra?: { phone?: string; locale?: string },
  ): Promise<CustomerClient>;
  agent(
    id: string,
    profile?: {
      name?: string;
      roles?: ('agent' | 'supervisor' | 'compliance')[];
      teams?: string[];
    },
  ): Promise<AgentClient>;
  /** Stops the server (sockets drop) and starts a new one on the same data folder and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function connect<T extends Socket>(url: string, namespace: string, token: string): Promise<T> {
  const socket = io(`${url}${namespace}`, {
    auth: { token, v: PROTOCOL_MAJOR },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  }) as T;
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/**
 * Starts a real Parley server on port 0 with its own SQLite file in a temporary folder, logs
 * captured in memory, and helpers to mint tokens and connect real socket.io clients.
 *
 * @example
 * const t = await startTestServer();
 * const olga = await t.agent('olga');
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: ParleyServerOptions = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-test-'));
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.length > 0),
      );
      callback();
    },
  });
  let config = loadConfig({ ...TEST_ENV, PARLEY_DATA_DIR: dataDir, ...env });
  const mint = mintDemoTokens(config);
  const sockets: Socket[] = [];
  const start = () =>
    createParleyServer(config, { logDestination, sweepIntervalMs: 100, ...options });
  const harness: TestServer = {
    server: await start(),
    url: '',
    dataDir,
    mint,
    logs,
    async customer(sub, name = 'Anna Kuznetsova', extra = {}) {
      const { token } = mint.customerIdentityToken({ sub, name, ...extra });
      const socket = await connect<CustomerClient>(harness.url, CUSTOMER_NAMESPACE, token);
      sockets.push(socket);
      return socket;
    },
    async agent(id, profile = {}) {
      const { token } = mint.agentToken(id, {
        name: profile.name ?? id[0]?.toUpperCase() + id.slice(1),
        roles: profile.roles ?? ['agent'],
        teams: profile.teams ?? ['social-care'],
      });
      const socket = await connect<AgentClient>(harness.url, AGENT_NAMESPACE, token);
      sockets.push(socket);
      return socket;
    },
    async restart() {
      const port = harness.server.port;
      await harness.server.close();
      config = loadConfig({
        ...TEST_ENV,
        PARLEY_DATA_DIR: dataDir,
        ...env,
        PARLEY_PORT: String(port),
      });
      harness.server = await start();
      harness.url = harness.server.url;
    },
    async stop() {
      for (const socket of sockets) socket.close();
      await harness.server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  harness.url = harness.server.url;
  return harness;
}

/**
 * Resolves with the next `event` a socket receives that matches `predicate`.
 *
 * @example
 * const claimed = await nextEvent<HandoffClaimed>(olga, 'handoff:claimed');
 */
export function nextEvent<T>(
  socket: Socket,
  event: string,
  predicate: (payload: T) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event, listener);
  });
}

/**
 * Emits a request and returns the ack's data, failing the test on an error ack.
 *
 * @example
 * const created = await ok(olga.emitWithAck('handoff:create', input));
 */
export async function ok<T>(
  ack: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const result = await ack;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/**
 * The customer writes and the agent hears it, then the agent answers and the customer hears it:
 * resolves with the two texts as heard.
 *
 * @example
 * expect(await talk(anna, olga, conversation.id, 'Hello', 'Hi, Anna')).toEqual(['Hello', 'Hi, Anna']);
 */
export async function talk(
  customer: CustomerClient,
  agent: AgentClient,
  conversationId: string,
  customerText: string,
  agentText: string,
): Promise<[string, string]> {
  const toAgent = nextEvent<Message>(agent, 'message:new', (m) => m.sender.role === 'customer');
  await ok(
    customer.emitWithAck('message:send', {
      conversationId,
      clientMsgId: `customer-${randomBytes(6).toString('hex')}`,
      text: customerText,
    }),
  );
  const heardByAgent = (await toAgent).text;
  const toCustomer = nextEvent<CustomerMessage>(
    customer,
    'message:new',
    (m) => m.sender.role === 'agent',
  );
  await ok(
    agent.emitWithAck('message:send', {
      conversationId,
      clientMsgId: `agent-${randomBytes(6).toString('hex')}`,
      text: agentText,
    }),
  );
  return [heardByAgent, (await toCustomer).text];
}
