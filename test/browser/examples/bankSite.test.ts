import type { Message } from '@parley/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../../../packages/server/test/harness.js';
import { axeViolations } from '../axe.js';
import { launchChromium } from '../launchChromium.js';
import { watchedPage } from '../widget/widgetStack.js';
import { agentSays, demoAgent, runStartScript, takeFromQueue } from './exampleProcess.js';

/**
 * `examples/bank-site` as `npm start` serves it at `/demo`, under the server's strict CSP: a
 * customer opens the chat signed out, signs in through the bank's page (the demo identity
 * endpoint), chats with Alice, moves to another page of the bank, and the conversation is there.
 */
describe('examples/bank-site at /demo', () => {
  let browser: Browser;
  let demo: Awaited<ReturnType<typeof runStartScript>>;
  beforeAll(async () => {
    [browser, demo] = await Promise.all([launchChromium(), runStartScript()]);
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('signs in through the bank, chats, and keeps the chat across pages', async () => {
    const { page, problems } = await watchedPage(browser);
    const widget = page.locator('parley-widget');
    await page.goto(`${demo.url}/demo/cards`);
    await page.getByRole('heading', { name: 'Sign in to see your cards' }).waitFor();

    // Signed out, the widget's sign-in leads to the bank's page, which comes back with a token.
    await widget.getByRole('button', { name: 'Chat with us' }).click();
    await widget.getByRole('button', { name: 'Sign in with your bank' }).click();
    await page.waitForURL(/\/demo\/sign-in\?parley_return=/);
    await page.getByLabel('Your name').fill('Anna Kuznetsova');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${demo.url}/demo/cards`);
    await page.getByText('Hello, Anna Kuznetsova').waitFor();
    await page.getByRole('heading', { name: 'Credit card' }).waitFor();

    // A chat with the team's queue; Alice takes it from the queue.
    await widget.getByRole('button', { name: 'Start a chat' }).click();
    const alice = await demoAgent(demo.url, 'alice');
    try {
      const conversationId = await takeFromQueue(alice);
      await agentSays(alice, conversationId, 'Hello Anna, Alice here. How can I help?');
      await widget.getByText('Hello Anna, Alice here. How can I help?', { exact: true }).waitFor();
      const fromAnna = nextEvent<Message>(
        alice,
        'message:new',
        (m) => m.sender.role === 'customer',
      );
      const box = widget.getByRole('textbox', { name: 'Your message' });
      await box.fill('I was charged twice at Coffee Corner');
      await box.press('Enter');
      expect((await fromAnna).text).toBe('I was charged twice at Coffee Corner');

      // Another page of the bank: the panel opens again on the same conversation.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Payments' })
        .click();
      await page.waitForURL(`${demo.url}/demo/current`);
      await page.getByRole('heading', { name: 'Recent transactions' }).waitFor();
      await widget.getByText('I was charged twice at Coffee Corner', { exact: true }).waitFor();
      expect(
        await widget.getByText('Hello Anna, Alice here. How can I help?', { exact: true }).count(),
      ).toBe(1);
      await agentSays(alice, conversationId, 'I see the double charge. Refunding it now.');
      await widget
        .getByText('I see the double charge. Refunding it now.', { exact: true })
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      alice.close();
    }
    expect(problems).toEqual([]);
  });
});
