#!/usr/bin/env node
// How long from a customer's claim to the row appearing in the agent's inbox, measured end to
// end on loopback: the built server in demo mode, Alice signed in to the built console in
// Debian's Chromium, and N customers (default 100) claiming her handoffs one after another.
//
// t0 is taken in Node just before `handoff:claim` is emitted; t1 in the page, by a
// MutationObserver, when a row with the customer's name is in "My conversations". Both are
// `performance.timeOrigin + performance.now()` on the same machine clock. Each claim waits for
// its row before the next, and the rows stay, so the inbox grows to N rows (with N SLA clocks
// ticking): the later claims render into a busier inbox than an agent ever has.
//
// Usage: npm run build && node bench/console/claimToRow.mjs [claims]
import os from 'node:os';
import { chromium } from 'playwright-core';
import { ack, CHROMIUM, spawnDemoServer } from '../../test/browser/console/spawnDemoServer.mjs';

const CLAIMS = Number(process.argv[2] ?? 100);
const TARGET_P99_MS = 200;

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const now = () => performance.timeOrigin + performance.now();

// Every claim comes from 127.0.0.1: lift the per-address claim limit (10 a minute by default).
const demo = await spawnDemoServer({ PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '1000' });
const browser = await chromium.launch(CHROMIUM);
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${demo.url}/console/`);
  await page.getByRole('button', { name: /^Alice\b/ }).click();
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
  await page.evaluate(() => {
    const seen = new Map();
    window.__seen = seen;
    const record = () => {
      for (const row of document.querySelectorAll('[data-section="mine"] .row-name')) {
        const name = row.textContent ?? '';
        if (!seen.has(name)) seen.set(name, performance.timeOrigin + performance.now());
      }
    };
    new MutationObserver(record).observe(document.body, { childList: true, subtree: true });
  });

  const { token } = await demo.post('/v1/demo/agent-token', { agentId: 'alice' });
  const alice = await demo.connect('/agent', token);
  const samples = [];
  for (let i = 0; i < CLAIMS; i += 1) {
    const name = `Bench Customer ${String(i).padStart(3, '0')}`;
    const created = await ack(
      alice.emitWithAck('handoff:create', {
        channel: 'x',
        customerHandle: `@bench_${i}`,
        thread: [
          {
            author: name,
            handle: `@bench_${i}`,
            text: `Post ${i}`,
            postedAt: new Date().toISOString(),
          },
        ],
      }),
    );
    const customer = await demo.connect(
      '/customer',
      demo.identityToken({ sub: `bench-${i}`, name, locale: 'en' }),
    );
    const t0 = now();
    await ack(customer.emitWithAck('handoff:claim', { code: created.code }));
    await page.waitForFunction((n) => window.__seen.has(n), name, {
      polling: 'raf',
      timeout: 10_000,
    });
    const t1 = await page.evaluate((n) => window.__seen.get(n), name);
    samples.push(t1 - t0);
    customer.close();
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  const p99 = percentile(sorted, 99);
  const result = {
    claims: CLAIMS,
    p50_ms: Number(percentile(sorted, 50).toFixed(1)),
    p90_ms: Number(percentile(sorted, 90).toFixed(1)),
    p99_ms: Number(p99.toFixed(1)),
    max_ms: Number(sorted[sorted.length - 1].toFixed(1)),
    mean_ms: Number(mean.toFixed(1)),
    first10_p50_ms: Number(
      percentile(
        [...samples.slice(0, 10)].sort((a, b) => a - b),
        50,
      ).toFixed(1),
    ),
    last10_p50_ms: Number(
      percentile(
        [...samples.slice(-10)].sort((a, b) => a - b),
        50,
      ).toFixed(1),
    ),
    target_p99_ms: TARGET_P99_MS,
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (p99 > TARGET_P99_MS) process.exitCode = 1;
} finally {
  await browser.close();
  await demo.stop();
}
