import type { Message } from '@parley/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, ok } from '../../../packages/server/test/harness.js';
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
 * `examples/strict-csp`: a page whose policy has no 'unsafe-inline' and no 'unsafe-eval'. The
 * whole chat — sign-in, messages both ways with redaction, the close and the survey (lazy
 * chunks) — works, and Chromium reports no violation, to the test or to the page itself.
 */
describe('examples/strict-csp', () => {
  let browser: Browser;
  let example: RunningExample;
  beforeAll(async () => {
    [browser, example] = await Promise.all([launchChromium(), runExample('strict-csp')]);
  });
  afterAll(async () => {
    await browser?.close();
    await example?.stop();
  });

  it('runs the whole chat with no CSP violation', async () => {
    const csp = (await fetch(example.page)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' ");
    expect(csp).not.toMatch(/unsafe-(inline|eval|hashes)|'nonce-/);

    const { page, problems } = await watchedPage(browser);
    const widget = page.locator('parley-widget');
    await page.goto(example.page);
    await widget.getByRole('button', { name: 'Chat with us' }).click();
    await widget.getByRole('button', { name: 'Start a chat' }).click();
    const alice = await demoAgent(example.parley, 'alice');
    try {
      const conversationId = await takeFromQueue(alice);
      await agentSays(alice, conversationId, 'Hello Ewa, Alice here.');
      await widget.getByText('Hello Ewa, Alice here.', { exact: true }).waitFor();

      const fromEwa = nextEvent<Message>(alice, 'message:new', (m) => m.sender.role === 'customer');
      const box = widget.getByRole('textbox', { name: 'Your message' });
      await box.fill('my card is 4111 1111 1111 1111');
      await box.press('Enter');
      expect((await fromEwa).text).toBe('my card is [card ••••1111]');

      await ok(alice.emitWithAck('conversation:close', { conversationId }));
      await widget.getByRole('radio', { name: '10' }).check();
      await widget.getByRole('button', { name: 'Send' }).click();
      await widget.getByText('Thank you for your feedback!').waitFor();
    } finally {
      alice.close();
    }
    expect(await page.locator('#violations strong').textContent()).toBe('0');
    expect(problems).toEqual([]);

    // The watch works: an injected inline script is blocked and reported both ways.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await expect
      .poll(() => page.locator('#violations strong').textContent())
      .toMatch(/^1 \(last: script-src/);
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    expect(problems.some((p) => p.includes('CSP violation: script-src'))).toBe(true);
  });
});
