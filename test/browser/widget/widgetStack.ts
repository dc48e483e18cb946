import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../../packages/server/test/harness.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PAGES = join(HERE, 'pages');
/** The built loader the suites run against: never the source. */
export const LOADER_PATH = join(HERE, '../../../packages/widget/dist/widget.js');

/** A Parley server and a bank site on another origin that embeds the built widget. */
export interface WidgetStack {
  parley: TestServer;
  /** The bank site's origin, e.g. `http://127.0.0.1:40123`. */
  site: string;
  stop(): Promise<void>;
}

/**
 * Starts the bank site (a tiny static server on 127.0.0.1:0 serving `pages/`, plus `/token`,
 * which mints a customer identity token as the bank's backend would, and `/login`, the bank's
 * login page that returns to `parley_return` with `#parley-token=`), then a real Parley server
 * that allows the site's origin. `{{PARLEY}}` in a page becomes Parley's URL. `csp-*.html` pages
 * are served with a strict Content-Security-Policy.
 *
 * @example
 * const stack = await startWidgetStack();
 * await page.goto(`${stack.site}/snippet.html`);
 */
export async function startWidgetStack(env: Record<string, string> = {}): Promise<WidgetStack> {
  if (!existsSync(LOADER_PATH))
    throw new Error('Build the widget first: npm run build -w @parley/widget');
  let parley: TestServer | null = null;
  const site: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    if (parley === null) return res.writeHead(503).end();
    if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
    if (url.pathname === '/token') {
      const { token } = parley.mint.customerIdentityToken({
        sub: url.searchParams.get('sub') ?? 'cust-anna',
        name: url.searchParams.get('name') ?? 'Anna Kuznetsova',
        phone: url.searchParams.get('phone') ?? '+48601234567',
        locale: url.searchParams.get('locale') ?? 'en',
      });
      return res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
    }
    if (url.pathname === '/login') {
      const back = url.searchParams.get('parley_return') ?? '/';
      const { token } = parley.mint.customerIdentityToken({
        sub: 'cust-anna',
        name: 'Anna Kuznetsova',
        phone: '+48601234567',
      });
      return res.writeHead(302, { location: `${back}#parley-token=${token}` }).end();
    }
    const file = join(PAGES, url.pathname === '/' ? 'snippet.html' : url.pathname.slice(1));
    if (!file.startsWith(PAGES) || !existsSync(file)) return res.writeHead(404).end();
    const parleyUrl = parley.url;
    const host = new URL(parleyUrl).host;
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    if (url.pathname.startsWith('/csp-')) {
      headers['content-security-policy'] = [
        "default-src 'none'",
        `script-src 'self' ${parleyUrl}`,
        `connect-src ${parleyUrl} ws://${host}`,
        "style-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'self'",
      ].join('; ');
    }
    const html = readFileSync(file, 'utf8').replaceAll('{{PARLEY}}', parleyUrl);
    res.writeHead(200, headers).end(html);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  // A known port, so handoff links (`PARLEY_PUBLIC_URL/h/<code>`) and the hosted `/chat` page
  // (same origin as Parley) work too.
  const port = await freePort();
  const self = `http://127.0.0.1:${port}`;
  parley = await startTestServer({
    PARLEY_PORT: String(port),
    PARLEY_PUBLIC_URL: self,
    PARLEY_ALLOWED_ORIGINS: `${origin},${self}`,
    ...env,
  });
  const started = parley;
  return {
    parley: started,
    site: origin,
    async stop() {
      await started.stop();
      await new Promise<void>((resolve) => site.close(() => resolve()));
    },
  };
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  const probe = createServer();
  return new Promise((resolve) =>
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    }),
  );
}

/** A page whose console errors, page errors and CSP violations are collected. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Unexpected output; a test asserts it stays empty. */
  problems: string[];
}

/**
 * Opens a page in a fresh context (its own sessionStorage), collecting console errors and
 * warnings, uncaught errors and `securitypolicyviolation` events.
 *
 * @example
 * const { page, problems } = await watchedPage(browser, { width: 320, height: 640 });
 */
export async function watchedPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
  options: { reducedMotion?: 'reduce'; userAgent?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport,
    reducedMotion: options.reducedMotion ?? 'reduce',
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, context, problems };
}

/** A public thread as an agent pastes it into the handoff form. */
export const THREAD = [
  {
    author: 'Anna K',
    handle: '@anna_k',
    text: 'Charged twice for one purchase, card 4276 3800 1234 5679, what is going on?',
    postedAt: new Date(Date.now() - 4 * 60_000).toISOString(),
    url: 'https://x.com/anna_k/status/1859999999999999999',
  },
  {
    author: 'Bank',
    handle: '@bank',
    text: 'Anna, sorry about this — let us sort it out privately.',
    postedAt: new Date(Date.now() - 60_000).toISOString(),
    fromBank: true,
  },
];
