import type { Message } from '@parley/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent } from '../../../packages/server/test/harness.js';
import { launchChromium } from '../launchChromium.js';
import { watchedPage } from '../widget/widgetStack.js';
import {
  agentSays,
  demoAgent,
  type RunningExample,
  runExample,
  takeFromQueue,
} from './exampleProcess.js';

/**
 * `examples/npm-vite`: the app Vite built with `createParley` from `@parley/widget`. Its own
 * "Messages" button drives the widget through the API, and its badge follows `on('unread')`.
 */
describe('examples/npm-vite', () => {
  let browser: Browser;
  let example: RunningExample;
  beforeAll(async () => {
    [browser, example] = await Promise.all([launchChromium(), runExample('npm-vite')]);
  });
  afterAll(async () => {
    await browser?.close();
    await example?.stop();
  });

  it('chats through the bundled widget and counts unread replies in the app', async () => {
    const { page, problems } = await watchedPage(browser);
    const widget = page.locator('parley-widget');
    // The page Vite built: its own bundle, with the widget's UI split into a lazy chunk.
    const scripts = await (await fetch(example.page)).text();
    expect(scripts).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
    await page.goto(example.page);
    const help = page.getByRole('button', { name: /^Messages/ });
    await help.click();
    await widget.getByRole('button', { name: 'Start a chat' }).click();
    const alice = await demoAgent(example.parley, 'alice');
    try {
      const conversationId = await takeFromQueue(alice);
      await agentSays(alice, conversationId, 'Dzień dobry Piotr, Alice here.');
      await widget.getByText('Dzień dobry Piotr, Alice here.', { exact: true }).waitFor();
      const fromPiotr = nextEvent<Message>(
        alice,
        'message:new',
        (m) => m.sender.role === 'customer',
      );
      const box = widget.getByRole('textbox', { name: 'Your message' });
      await box.fill('Hello from the app');
      await box.press('Enter');
      expect((await fromPiotr).text).toBe('Hello from the app');

      // Closed through the API, the app's badge counts what arrives.
      await help.click();
      await agentSays(alice, conversationId, 'One more thing…');
      await expect.poll(() => page.locator('#unread:not([hidden])').textContent()).toBe('1');
      await help.click();
      await widget.getByText('One more thing…', { exact: true }).waitFor();
      await expect.poll(() => page.locator('#unread').isHidden()).toBe(true);
    } finally {
      alice.close();
    }
    expect(problems).toEqual([]);
  });
});
