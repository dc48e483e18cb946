import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../../packages/server/test/harness.js';

const CONSOLE_DIST = fileURLToPath(
  new URL('../../../packages/console/dist/index.html', import.meta.url),
);

/** A port nobody listens on now, so the server's public URL and allowed origin can name it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      );
    });
  });
}

/**
 * A real Parley server in demo mode (the console's agent picker works) on a known loopback port,
 * serving the built console at `/console/`. Fails with the command to run when the console has
 * not been built.
 *
 * @example
 * const t = await startConsoleServer();
 * await page.goto(`${t.url}/console/`);
 */
export async function startConsoleServer(env: Record<string, string> = {}): Promise<TestServer> {
  if (!existsSync(CONSOLE_DIST)) {
    throw new Error('The console has not been built. Run: npm run build -w @parley/console');
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  return startTestServer({
    PARLEY_DEMO: 'true',
    PARLEY_PORT: String(port),
    PARLEY_PUBLIC_URL: origin,
    PARLEY_ALLOWED_ORIGINS: origin,
    ...env,
  });
}

/** A browser context and page that record every console error and uncaught page error. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * Opens a page in a fresh context (its own storage, like another agent's browser) that records
 * page errors and console errors, so a test can fail on any.
 *
 * @example
 * const { page, errors } = await watchedPage(browser);
 * expect(errors).toEqual([]);
 */
export async function watchedPage(
  browser: Browser,
  viewport = { width: 1280, height: 720 },
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      errors.push(`console.${message.type()}: ${message.text()}`);
  });
  return { context, page, errors };
}

/**
 * Signs in to the console as a demo agent through the picker and waits for the live connection.
 *
 * @example
 * await signInAsDemoAgent(page, t.url, 'Alice');
 */
export async function signInAsDemoAgent(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}/console/`);
  await page.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
}
