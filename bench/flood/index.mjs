// Bystanders' latency while one socket floods: `node bench/flood/index.mjs [seconds]`.
// Twenty customers each ask `callback:list` every 50 ms (400 requests/s in all) and time the ack.
// Phase 1 measures them alone; phase 2 again while an attacker sends 10,000 events a second from
// one socket — when the server disconnects that socket, the attacker reconnects with a fresh
// identity and carries on, so the flood never stops. Not asserted anywhere: the security suite
// asserts the behaviour, this prints the cost. Needs `npm run build` (it loads packages/*/dist).
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { BENCH_ENV } from '../relay/benchEnv.mjs';
import { checkBuild } from '../relay/parleyBuild.mjs';

const SECONDS = Number(process.argv[2] ?? 10);
const BYSTANDERS = 20;
const INTERVAL_MS = 50;
const FLOOD_PER_SECOND = 10_000;

const warning = checkBuild();
if (warning) process.stderr.write(`${warning}\n`);

/** A customer identity token signed like the bank's identity provider would (HS256 bench key). */
function identityToken(sub) {
  const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub,
    name: sub,
    iss: BENCH_ENV.PARLEY_CUSTOMER_JWT_ISSUER,
    aud: BENCH_ENV.PARLEY_CUSTOMER_JWT_AUDIENCE,
    iat: now,
    exp: now + 600,
  };
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  const mac = createHmac('sha256', BENCH_ENV.PARLEY_CUSTOMER_JWT_SECRET).update(input);
  return `${input}.${mac.digest('base64url')}`;
}

function startServer() {
  const child = fork(fileURLToPath(new URL('server.mjs', import.meta.url)), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.on('message', (m) => {
      if (m.type === 'ready') resolve({ url: `http://127.0.0.1:${m.port}`, child });
    });
  });
}

function connect(url, sub) {
  const socket = io(`${url}/customer`, {
    auth: { token: identityToken(sub), v: 1 },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Runs the bystanders for `ms`; returns their latencies and failures. */
async function measure(customers, ms) {
  const latencies = [];
  let failures = 0;
  const until = Date.now() + ms;
  await Promise.all(
    customers.map(async (customer) => {
      while (Date.now() < until) {
        const started = performance.now();
        const answer = await customer
          .timeout(10_000)
          .emitWithAck('callback:list', {})
          .catch(() => ({ ok: false }));
        latencies.push(performance.now() - started);
        if (!answer.ok) failures += 1;
        await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
      }
    }),
  );
  return { latencies, failures };
}

/** One attacker: a raw WebSocket sending FLOOD_PER_SECOND events a second, reconnecting when cut. */
function flood(url) {
  let running = true;
  const stats = { sent: 0, refused: 0, disconnects: 0 };
  let generation = 0;
  const open = () => {
    if (!running) return;
    generation += 1;
    const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    let timer;
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0'))
        ws.send(
          `40/customer,${JSON.stringify({ token: identityToken(`flood-${generation}`), v: 1 })}`,
        );
      else if (text === '2') ws.send('3');
      else if (text.includes('RATE_LIMITED')) stats.refused += 1;
      else if (text.startsWith('40/customer')) {
        let id = 0;
        // 10 batches of FLOOD_PER_SECOND/10 events every 100 ms.
        timer = setInterval(() => {
          for (let i = 0; i < FLOOD_PER_SECOND / 10 && ws.readyState === WebSocket.OPEN; i += 1) {
            id += 1;
            ws.send(
              `42/customer,${id}["conversation:resume",{"conversationId":"cv_AAAAAAAAAAAAAAAAAAAAAA","afterSeq":0}]`,
            );
            stats.sent += 1;
          }
        }, 100);
      }
    });
    ws.on('error', () => {});
    ws.on('close', () => {
      clearInterval(timer);
      stats.disconnects += 1;
      setTimeout(open, 50);
    });
  };
  open();
  return {
    stats,
    stop() {
      running = false;
    },
  };
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const row = (name, { latencies, failures }) =>
  `| ${name} | ${latencies.length} | ${pct(latencies, 50).toFixed(2)} ms | ${pct(latencies, 99).toFixed(2)} ms | ${Math.max(...latencies).toFixed(2)} ms | ${failures} |`;

const server = await startServer();
try {
  const customers = await Promise.all(
    Array.from({ length: BYSTANDERS }, (_, i) => connect(server.url, `bystander-${i}`)),
  );
  await measure(customers, 1_000); // warm-up
  const alone = await measure(customers, SECONDS * 1000);
  const attacker = flood(server.url);
  const flooded = await measure(customers, SECONDS * 1000);
  attacker.stop();
  const connected = customers.filter((c) => c.connected).length;
  for (const c of customers) c.close();
  process.stdout.write(
    [
      `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; ${BYSTANDERS} bystanders every ${INTERVAL_MS} ms, ${SECONDS} s per phase; socket limit 20 events/s.`,
      '',
      '| phase | requests | p50 | p99 | max | failed |',
      '|---|---|---|---|---|---|',
      row('bystanders alone', alone),
      row(`bystanders under a ${FLOOD_PER_SECOND.toLocaleString('en')}/s flood`, flooded),
      '',
      `Flood: ${attacker.stats.sent.toLocaleString('en')} events sent, ${attacker.stats.refused} answered RATE_LIMITED, ${attacker.stats.disconnects} disconnects by the server (the attacker reconnected each time); bystanders still connected: ${connected}/${BYSTANDERS}.`,
      '',
    ].join('\n'),
  );
} finally {
  server.child.send({ type: 'stop' });
}
