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
 * `examples/iframe-embed`: the hosted chat page inside an iframe on another site (127.0.0.2
 * framing 127.0.0.1), where Chromium blocks third-party cookies and storage. The chat still
 * signs in and carries messages both ways.
 */
describe('examples/iframe-embed', () => {
  let browser: Browser;
  let example: RunningExample;
  beforeAll(async () => {
    [browser, example] = await Promise.all([launchChromium(), runExample('iframe-embed')]);
  });
  afterAll(async () => {
    await browser?.close();
    await example?.stop();
  });

  it('chats from a cross-site iframe with third-party cookies blocked', async () => {
    const partner = new URL(example.page).origin;
    expect(partner).toMatch(/^http:\/\/127\.0\.0\.2:/);
    const chatPolicy = (await fetch(`${example.parley}/chat`)).headers.get(
      'content-security-policy',
    );
    expect(chatPolicy).toContain(`frame-ancestors 'self' ${partner}`);

    const { page, problems } = await watchedPage(browser);
    await page.goto(example.page);
    const frame = page.frameLocator('iframe');
    const widget = frame.locator('parley-widget');
    await widget.getByRole('textbox', { name: 'Your name (demo)' }).waitFor();

    // Third-party cookies (and with them third-party storage) are blocked in this frame.
    const chatFrame = page.frames().find((f) => f.url().startsWith(example.parley));
    expect(
      await chatFrame?.evaluate(() => {
        // biome-ignore lint/suspicious/noDocumentCookie: the probe is what most pages still do.
        document.cookie = 'probe=1; SameSite=None; Secure';
        let storage = 'available';
        try {
          sessionStorage.getItem('probe');
        } catch {
          storage = 'blocked';
        }
        return { cookie: document.cookie, storage };
      }),
    ).toEqual({ cookie: '', storage: 'blocked' });

    await widget.getByRole('textbox', { name: 'Your name (demo)' }).fill('Anna Kuznetsova');
    await widget.getByRole('button', { name: 'Demo sign-in' }).click();
    await widget.getByRole('button', { name: 'Start a chat' }).click();
    const alice = await demoAgent(example.parley, 'alice');
    try {
      const conversationId = await takeFromQueue(alice);
      await agentSays(alice, conversationId, 'Hello from Bank of Example.');
      await widget.getByText('Hello from Bank of Example.', { exact: true }).waitFor();
      const fromAnna = nextEvent<Message>(
        alice,
        'message:new',
        (m) => m.sender.role === 'customer',
      );
      const box = widget.getByRole('textbox', { name: 'Your message' });
      await box.fill('The marketplace charged me twice');
      await box.press('Enter');
      expect((await fromAnna).text).toBe('The marketplace charged me twice');
    } finally {
      alice.close();
    }
    expect(problems).toEqual([]);
  });
});
