#!/usr/bin/env node
// The widget's bench: in Debian's Chromium with 4× CPU throttling (a mid-range phone), on
// loopback, against the built server (demo mode) and the built, minified widget:
// - navigation → a clickable launcher (the loader's `ready`, after it drew the button);
// - tap → a ready chat (UI chunk loaded, the customer signed in with the bank's token, the
//   socket connected: "Start a chat" enabled);
// - opening a handoff link → the "Continue privately" button enabled (preview, sign-in, socket).
// Each run is a fresh browser context (cold cache, empty sessionStorage). Medians of RUNS runs
// after one warm-up. Usage: npm run build && node bench/widget/index.mjs [runs]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ack, CHROMIUM, spawnDemoServer } from '../../test/browser/console/spawnDemoServer.mjs';

const RUNS = Number(process.argv[2] ?? 7);
const THROTTLE = 4;
const TARGETS = { launcher: 300, chat: 1_000, handoff: 1_000 };
const page = readFileSync(fileURLToPath(new URL('./bench.html', import.meta.url)), 'utf8');

let demo;
const site = createServer((req, res) => {
  if (req.url === '/token') {
    const token = demo.identityToken({
      sub: `bench-${Math.random()}`.slice(0, 30),
      name: 'Bench Customer',
    });
    return res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
  }
  if (!req.url?.startsWith('/bench.html')) return res.writeHead(404).end();
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(page.replaceAll('{{PARLEY}}', demo.url));
});
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
const siteUrl = `http://127.0.0.1:${site.address().port}`;
demo = await spawnDemoServer({
  PARLEY_ALLOWED_ORIGINS: siteUrl,
  PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '1000',
});
const browser = await chromium.launch(CHROMIUM);

/** A fresh, throttled page. */
async function throttledPage() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return { context, tab };
}

/** Waits (checking every frame) until `selector` in the widget is an enabled button; its time. */
function enabledAt(tab, name) {
  return tab
    .waitForFunction(
      (text) => {
        const root = document.querySelector('parley-widget')?.shadowRoot;
        const button = [...(root?.querySelectorAll('button') ?? [])].find(
          (b) => b.textContent === text,
        );
        if (button === undefined || button.disabled) return false;
        return performance.now();
      },
      name,
      { polling: 'raf', timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue());
}

async function launcherAndChat() {
  const { context, tab } = await throttledPage();
  await tab.goto(`${siteUrl}/bench.html`);
  await tab.waitForFunction(() => window.readyAt !== undefined, null, { polling: 'raf' });
  const launcher = await tab.evaluate(() => window.readyAt);
  const tapAt = await tab.evaluate(() => {
    const button = document.querySelector('parley-widget').shadowRoot.querySelector('button');
    const at = performance.now();
    button.click();
    return at;
  });
  const chat = (await enabledAt(tab, 'Start a chat')) - tapAt;
  await context.close();
  return { launcher, chat };
}

async function handoff(alice) {
  const created = await ack(
    alice.emitWithAck('handoff:create', {
      channel: 'x',
      customerHandle: '@bench',
      thread: [
        {
          author: 'Bench',
          handle: '@bench',
          text: 'Help, please',
          postedAt: new Date().toISOString(),
        },
      ],
    }),
  );
  const { context, tab } = await throttledPage();
  await tab.goto(`${siteUrl}/bench.html#parley=${created.code}`);
  const at = await enabledAt(tab, 'Continue privately');
  await context.close();
  return at;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const fmt = (ms) => `${Math.round(ms)} ms`;

try {
  const { token } = await demo.post('/v1/demo/agent-token', { agentId: 'alice' });
  const alice = await demo.connect('/agent', token);
  await launcherAndChat();
  await handoff(alice);
  const results = { launcher: [], chat: [], handoff: [] };
  for (let i = 0; i < RUNS; i += 1) {
    const first = await launcherAndChat();
    results.launcher.push(first.launcher);
    results.chat.push(first.chat);
    results.handoff.push(await handoff(alice));
  }
  const rows = [
    ['navigation → clickable launcher', 'launcher'],
    ['tap → ready chat', 'chat'],
    ['handoff link → "Continue privately"', 'handoff'],
  ].map(([label, key]) => {
    const values = results[key];
    const m = median(values);
    return `| ${label} | ${fmt(m)} | ${fmt(Math.min(...values))}–${fmt(Math.max(...values))} | ${fmt(TARGETS[key])} | ${m <= TARGETS[key] ? 'met' : 'missed'} |`;
  });
  process.stdout.write(
    `Chromium ${browser.version()}, ${THROTTLE}× CPU throttling, loopback, ${RUNS} runs after a warm-up, cold cache each run\n\n` +
      '| measure | median | range | target | |\n|---|---|---|---|---|\n' +
      `${rows.join('\n')}\n`,
  );
} finally {
  await browser.close();
  await demo.stop();
  site.close();
}
