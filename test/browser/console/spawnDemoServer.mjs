// Starts the built Parley server (packages/server/dist) in demo mode on a free loopback port with
// a throw-away data folder and keys of its own, for the console's screenshots and bench. Plain
// Node, no TypeScript step. The keys let the caller sign customers' identity tokens with a
// language and phone, as the bank's identity provider would.
import { execFile, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const secret = () => randomBytes(32).toString('base64url');
const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A port nobody listens on now. */
function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @example
 * const demo = await spawnDemoServer({ PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '1000' });
 * const anna = await demo.connect('/customer', demo.identityToken({ sub: 'c1', name: 'Anna', locale: 'ru' }));
 * await demo.stop();
 */
export async function spawnDemoServer(env = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-console-'));
  const customerIdp = {
    secret: secret(),
    issuer: 'https://login.bank.example',
    audience: 'parley-customers',
  };
  const cli = join(root, 'packages/server/dist/cli.js');
  const serverEnv = {
    ...process.env,
    PARLEY_DEMO: '1',
    PARLEY_HOST: '127.0.0.1',
    PARLEY_PORT: String(port),
    PARLEY_PUBLIC_URL: url,
    PARLEY_DATA_DIR: dataDir,
    PARLEY_LOG_LEVEL: 'warn',
    PARLEY_SESSION_SECRET: secret(),
    PARLEY_ARCHIVE_KEY: secret(),
    PARLEY_AGENT_JWT_SECRET: secret(),
    PARLEY_AGENT_JWT_ISSUER: 'https://idp.bank.example',
    PARLEY_AGENT_JWT_AUDIENCE: 'parley-agents',
    PARLEY_CUSTOMER_JWT_SECRET: customerIdp.secret,
    PARLEY_CUSTOMER_JWT_ISSUER: customerIdp.issuer,
    PARLEY_CUSTOMER_JWT_AUDIENCE: customerIdp.audience,
    ...env,
  };
  const server = spawn(process.execPath, [cli, 'start'], {
    env: serverEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  for (let i = 0; ; i += 1) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (i > 150) {
      server.kill('SIGTERM');
      throw new Error('The server did not start within 15 s. Run npm run build first.');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const sockets = [];
  return {
    url,
    /** POSTs JSON to the server and returns the answer, throwing on an error status. */
    async post(path, body) {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    /** A service key for the bank's social tool, made as an operator would, with the CLI. */
    serviceKey(name = 'social tool') {
      return new Promise((resolve, reject) => {
        execFile(
          process.execPath,
          [cli, 'service-key', 'create', name],
          { env: serverEnv },
          (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
        );
      });
    },
    /** A customer identity token signed as the bank's identity provider would. */
    identityToken(claims) {
      const now = Math.floor(Date.now() / 1000);
      const body = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ ...claims, iss: customerIdp.issuer, aud: customerIdp.audience, iat: now, exp: now + 600 })}`;
      return `${body}.${createHmac('sha256', customerIdp.secret).update(body).digest('base64url')}`;
    },
    /** A socket.io-client connection to a namespace. */
    connect(namespace, token) {
      return new Promise((resolve, reject) => {
        const socket = io(`${url}${namespace}`, {
          auth: { token, v: 1 },
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        sockets.push(socket);
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    },
    async stop() {
      for (const socket of sockets) socket.close();
      server.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An ack's data, or a thrown error with the server's code and message. */
export async function ack(promise) {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Debian's Chromium with the flags this machine needs (as test/browser/launchChromium.ts). */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
};
