import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, type TestServer } from '../../../packages/server/test/harness.js';
import { axeViolations } from '../axe.js';
import { chromiumMissingReason, launchChromium } from '../launchChromium.js';
import { signInAsDemoAgent, startConsoleServer, watchedPage } from './consoleServer.js';

const missing = chromiumMissingReason();

/** What Chromium logs by itself while the server is down; anything else is a bug. */
const EXPECTED_WHILE_OFFLINE =
  /WebSocket connection to|Failed to load resource|ERR_CONNECTION_REFUSED/;

describe.skipIf(missing !== null)('the console through a network drop', () => {
  let t: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    t = await startConsoleServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows the drop, keeps what the agent writes, and sends it exactly once after', async () => {
    const { page, errors } = await watchedPage(browser, { width: 1920, height: 1080 });
    await signInAsDemoAgent(page, t.url, 'Alice');
    const alice = await t.agent('alice', { name: 'Alice' });
    const created = await ok(
      alice.emitWithAck('handoff:create', {
        channel: 'facebook',
        customerHandle: 'Piotr Nowak',
        locale: 'pl',
        thread: [
          {
            author: 'Piotr Nowak',
            handle: 'Piotr Nowak',
            text: 'Nie działa mi aplikacja.',
            postedAt: new Date().toISOString(),
          },
        ],
      }),
    );
    const piotr = await t.customer('cust-piotr', 'Piotr Nowak', { locale: 'pl' });
    const { conversation } = await ok(piotr.emitWithAck('handoff:claim', { code: created.code }));
    await page
      .locator('[data-section="mine"]')
      .getByRole('button', { name: /Piotr Nowak/ })
      .click();
    await page.getByLabel('Message to Piotr Nowak').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The server goes away: the console says so and keeps the message in its outbox.
    await t.server.close();
    await page.getByRole('status').filter({ hasText: 'Offline — reconnecting' }).waitFor();
    await expect.poll(() => page.title()).toMatch(/^⚠ Offline · /);
    const composer = page.getByLabel('Message to Piotr Nowak');
    await composer.fill('Dzień dobry, sprawdzam to.');
    await composer.press('Enter');
    await page.getByText('Waiting for the connection — it will be sent once').waitFor();

    // It comes back: the console reconnects by itself and the message goes out once.
    await t.restart();
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 15_000 });
    await page
      .locator('.message.agent:not(.pending)', { hasText: 'Dzień dobry, sprawdzam to.' })
      .waitFor();
    const again = await t.customer('cust-piotr', 'Piotr Nowak', { locale: 'pl' });
    const resumed = await ok(
      again.emitWithAck('conversation:resume', { conversationId: conversation.id, afterSeq: 0 }),
    );
    expect(resumed.messages.filter((m) => m.text === 'Dzień dobry, sprawdzam to.')).toHaveLength(1);
    expect(await page.locator('.message', { hasText: 'Dzień dobry, sprawdzam to.' }).count()).toBe(
      1,
    );

    // A message written while the console was offline shows the same in the customer's chat.
    await ok(
      again.emitWithAck('message:send', {
        conversationId: conversation.id,
        clientMsgId: 'piotr-0001',
        text: 'Dziękuję!',
      }),
    );
    await page.getByText('Dziękuję!').waitFor();
    expect(errors.filter((error) => !EXPECTED_WHILE_OFFLINE.test(error))).toEqual([]);
  });
});
