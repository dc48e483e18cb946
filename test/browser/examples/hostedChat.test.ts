import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HandoffClaimed } from '@parley/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  nextEvent,
  ok,
  startTestServer,
  type TestServer,
} from '../../../packages/server/test/harness.js';
import { freePort } from '../console/consoleServer.js';
import { launchChromium } from '../launchChromium.js';
import { THREAD, watchedPage } from '../widget/widgetStack.js';

/**
 * The hosted chat page outside demo mode: a handoff link's page leads to `/chat` with the code in
 * the fragment, whose "Sign in" goes to the bank's login page (`PARLEY_CUSTOMER_SIGN_IN_URL`) and
 * comes back with the identity token, and the customer continues privately with the same agent.
 */
describe('the hosted chat page with the bank’s login', () => {
  let browser: Browser;
  let parley: TestServer | null = null;
  let bank: Server;
  beforeAll(async () => {
    // The bank's login page: it knows the customer and returns to `parley_return` with a token.
    bank = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://bank');
      const back = url.searchParams.get('parley_return') ?? '';
      if (url.pathname !== '/login' || parley === null || !back.startsWith(parley.url))
        return res.writeHead(404).end();
      const { token } = parley.mint.customerIdentityToken({ sub: 'cust-anna', name: 'Anna K' });
      res.writeHead(302, { location: `${back}#parley-token=${token}` }).end();
    });
    await new Promise<void>((resolve) => bank.listen(0, '127.0.0.1', resolve));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    [browser, parley] = await Promise.all([
      launchChromium(),
      startTestServer({
        PARLEY_PORT: String(port),
        PARLEY_PUBLIC_URL: url,
        PARLEY_CUSTOMER_SIGN_IN_URL: `http://127.0.0.1:${(bank.address() as AddressInfo).port}/login`,
      }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await parley?.stop();
    await new Promise((resolve) => bank?.close(resolve));
  });

  it('takes the customer from the link through the bank’s login to the same agent', async () => {
    if (parley === null) throw new Error('The server did not start.');
    const olga = await parley.agent('olga', { name: 'Olga' });
    const created = await ok(
      olga.emitWithAck('handoff:create', {
        channel: 'x',
        thread: THREAD,
        customerHandle: '@anna_k',
      }),
    );
    const { page, problems } = await watchedPage(browser);
    const widget = page.locator('parley-widget');
    await page.goto(created.url);
    await page.getByRole('link', { name: 'Continue privately' }).click();
    await page.waitForURL(`${parley.url}/chat`);
    await widget.getByRole('button', { name: 'Sign in with your bank' }).click();
    await page.waitForURL(`${parley.url}/chat`);

    const claimed = nextEvent<HandoffClaimed>(olga, 'handoff:claimed');
    await widget.getByRole('button', { name: 'Continue privately' }).click();
    expect((await claimed).conversation.customer.name).toBe('Anna K');
    await widget.locator('details.public').waitFor();
    expect(problems).toEqual([]);
  });
});
