import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENT_NAMESPACE, type AgentConversation, PROTOCOL_MAJOR } from '@parley/protocol';
import { io } from 'socket.io-client';
import { type AgentClient, ok } from '../../../packages/server/test/harness.js';
import { freePort } from '../console/consoleServer.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** An example's `serve.mjs`, running as a newcomer runs it, and the addresses it printed. */
export interface RunningExample {
  /** The Parley demo server it started. */
  parley: string;
  /** The example's own page. */
  page: string;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** The line `serve.mjs` prints for a URL, e.g. `  Parley (demo)    http://127.0.0.1:8080`. */
function urlAfter(output: string, label: string): string | null {
  const line = output.split('\n').find((l) => l.trimStart().startsWith(label));
  return line?.trim().split(/\s+/).pop() ?? null;
}

/**
 * Runs `node examples/<name>/serve.mjs` on free ports (`PARLEY_PORT` for the demo server,
 * `EXAMPLE_PORT` for the example's page) and resolves once it has printed both addresses.
 *
 * @example
 * const example = await runExample('strict-csp');
 * await page.goto(example.page);
 */
export async function runExample(name: string, env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, [`examples/${name}/serve.mjs`], {
    cwd: ROOT,
    env: {
      ...process.env,
      PARLEY_PORT: String(await freePort()),
      EXAMPLE_PORT: String(await freePort()),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const parley = urlAfter(output, 'Parley (demo)');
    const page = urlAfter(output, 'Example page');
    if (parley !== null && page !== null) return { parley, page, output: () => output, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`examples/${name}/serve.mjs did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Runs `scripts/start.mjs` — what `npm start` runs after building — on a free port with a
 * throw-away data folder, and resolves with its URL once it is ready.
 *
 * @example
 * const demo = await runStartScript();
 * await page.goto(`${demo.url}/demo`);
 */
export async function runStartScript(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-start-'));
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PARLEY_PORT: String(port),
      PARLEY_DATA_DIR: dataDir,
      PARLEY_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let waited = 0; waited < 30_000; waited += 100) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, stop };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error('scripts/start.mjs did not start. Run npm run build first.');
}

/**
 * A demo agent (alice, bob or sam) connected to a demo server's `/agent` namespace with a token
 * from the demo endpoint, as the console gets it.
 *
 * @example
 * const alice = await demoAgent(example.parley, 'alice');
 */
export async function demoAgent(parleyUrl: string, agentId: string): Promise<AgentClient> {
  const response = await fetch(`${parleyUrl}/v1/demo/agent-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agentId }),
  });
  if (!response.ok) throw new Error(`demo agent token: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  const socket = io(`${parleyUrl}${AGENT_NAMESPACE}`, {
    auth: { token, v: PROTOCOL_MAJOR },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  }) as AgentClient;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/**
 * Takes the oldest conversation waiting in the agent's team queue, as an agent clicking it in
 * the console does, and returns its id.
 *
 * @example
 * const conversationId = await takeFromQueue(alice);
 */
export async function takeFromQueue(agent: AgentClient): Promise<string> {
  for (let tries = 0; tries < 100; tries += 1) {
    const queue: AgentConversation[] = await ok(
      agent.emitWithAck('conversation:list', { scope: 'queue' }),
    );
    const oldest = queue[0];
    if (oldest !== undefined) {
      await ok(agent.emitWithAck('conversation:join', { conversationId: oldest.id, afterSeq: 0 }));
      return oldest.id;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('No conversation reached the queue within 10 s.');
}

/**
 * Sends a message as the agent.
 *
 * @example
 * await agentSays(alice, conversationId, 'Hello!');
 */
export async function agentSays(agent: AgentClient, conversationId: string, text: string) {
  await ok(
    agent.emitWithAck('message:send', {
      conversationId,
      clientMsgId: randomUUID(),
      text,
    }),
  );
}
