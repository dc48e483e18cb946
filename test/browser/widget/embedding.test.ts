import type { HandoffClaimed } from '@parley/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, ok } from '../../../packages/server/test/harness.js';
import { axeViolations } from '../axe.js';
import { launchChromium } from '../launchChromium.js';
import { startWidgetStack, THREAD, type WidgetStack, watchedPage } from './widgetStack.js';

/** The element focused inside the widget (or the page): its role-ish description. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (element === null) return 'nothing';
    const label = element.getAttribute('aria-label') ?? (element as HTMLElement).innerText ?? '';
    return `${element.tagName.toLowerCase()}:${label.trim() || (element as HTMLInputElement).value || element.id}`;
  });
}

/** Presses Tab until `match` is focused (at most 40 times), so a test moves as a keyboard user. */
async function tabTo(page: Page, match: RegExp): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    if (match.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached ${match} by Tab; last focus: ${await focused(page)}`);
}

describe('embedding the widget', () => {
  let browser: Browser;
  let stack: WidgetStack;
  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startWidgetStack();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function handoff(): Promise<string> {
    const agent = await stack.parley.agent(`olga-${Date.now()}`, { name: 'Olga' });
    const created = await ok(
      agent.emitWithAck('handoff:create', {
        channel: 'x',
        thread: THREAD,
        customerHandle: '@anna_k',
      }),
    );
    return created.code;
  }

  it('works under a strict CSP, configured from its script tag, signing in through the bank’s login page', async () => {
    const { page, context, problems } = await watchedPage(browser);
    await page.goto(`${stack.site}/csp-login.html`);
    const widget = page.locator('parley-widget');
    const launcher = widget.getByRole('button', { name: 'Napisz do nas' });
    await launcher.click();
    await widget.getByRole('heading', { name: 'W czym możemy pomóc?' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await widget.getByRole('button', { name: 'Zaloguj się w banku' }).click();
    // The bank's login page returns with the token in the fragment; the widget takes it out.
    await widget.getByRole('button', { name: 'Rozpocznij czat' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(page.url()).not.toContain('parley');
    await widget.getByRole('button', { name: 'Rozpocznij czat' }).click();
    const box = widget.getByRole('textbox', { name: 'Twoja wiadomość' });
    await box.fill('Dzień dobry');
    await box.press('Enter');
    await widget.getByText('Dzień dobry', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // A pale brand colour gets dark text on it (axe checked the contrast above).
    expect(
      await page.evaluate(() =>
        getComputedStyle(document.querySelector('parley-widget') as Element).getPropertyValue(
          '--parley-on-brand',
        ),
      ),
    ).toBe('#1b1f24');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('falls back to long-polling where WebSocket is blocked, as some proxies and in-app browsers do', async () => {
    const code = await handoff();
    const { page, context, problems } = await watchedPage(browser);
    // What a browser reports when a proxy refuses the upgrade: an error, then close code 1006.
    await page.addInitScript(() => {
      class RefusedWebSocket extends EventTarget {
        readyState = 3;
        onerror: ((event: Event) => void) | null = null;
        onclose: ((event: CloseEvent) => void) | null = null;
        constructor() {
          super();
          setTimeout(() => {
            this.onerror?.(new Event('error'));
            this.onclose?.(new CloseEvent('close', { code: 1006 }));
          }, 0);
        }
        send(): void {}
        close(): void {}
      }
      window.WebSocket = RefusedWebSocket as unknown as typeof WebSocket;
    });
    const polled: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('transport=polling')) polled.push(request.method());
    });
    await page.goto(`${stack.site}/snippet.html#parley=${code}`);
    const widget = page.locator('parley-widget');
    await widget.getByRole('button', { name: 'Continue privately' }).click();
    const box = widget.getByRole('textbox', { name: 'Your message' });
    await box.fill('Sent over long-polling');
    await box.press('Enter');
    await widget.getByText('Sent over long-polling', { exact: true }).waitFor();
    // The message's own bubble shows once the server acknowledged it, over POSTed polling.
    expect(polled).toContain('POST');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is usable at 320 × 640: a full-screen panel, nothing wider than the screen, 16 px inputs', async () => {
    const code = await handoff();
    const { page, context, problems } = await watchedPage(browser, { width: 320, height: 640 });
    await page.goto(`${stack.site}/snippet.html#parley=${code}`);
    const widget = page.locator('parley-widget');
    await widget.getByRole('button', { name: 'Continue privately' }).click();
    const box = widget.getByRole('textbox', { name: 'Your message' });
    await box.waitFor();
    const panel = await widget.locator('.p').boundingBox();
    expect(panel).toMatchObject({ x: 0, y: 0, width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    expect(await box.evaluate((e) => getComputedStyle(e).fontSize)).toBe('16px');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is usable at 200% zoom (1280 × 800 seen as 640 × 400): the panel fills the screen', async () => {
    const { page, context, problems } = await watchedPage(browser, { width: 640, height: 400 });
    await page.goto(`${stack.site}/snippet.html`);
    const widget = page.locator('parley-widget');
    await widget.getByRole('button', { name: 'Chat with us' }).click();
    await widget.getByRole('heading', { name: 'How can we help?' }).waitFor();
    expect(await widget.locator('.p').boundingBox()).toMatchObject({
      x: 0,
      y: 0,
      width: 640,
      height: 400,
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      640,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('can be completed with the keyboard alone, focus moving in on open and back on close', async () => {
    const olga = await stack.parley.agent('olga-keys', { name: 'Olga' });
    const created = await ok(
      olga.emitWithAck('handoff:create', {
        channel: 'x',
        thread: THREAD,
        customerHandle: '@anna_k',
      }),
    );
    const { page, context, problems } = await watchedPage(browser);
    await page.goto(`${stack.site}/snippet.html#parley=${created.code}`);
    const widget = page.locator('parley-widget');
    await widget.getByRole('button', { name: 'Continue privately' }).waitFor();
    const claimed = nextEvent<HandoffClaimed>(olga, 'handoff:claimed');
    await tabTo(page, /^button:Continue privately/);
    await page.keyboard.press('Enter');
    const conversationId = (await claimed).conversation.id;
    // Focus lands in the message box once the chat is there.
    await expect.poll(() => focused(page)).toMatch(/^textarea:/);
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Enter');
    await widget.getByText('Typed without a mouse', { exact: true }).waitFor();
    // Escape closes and focus returns to the launcher; Enter opens again and focus goes in.
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('button:Chat with us');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^textarea:/);
    // The survey by keyboard: arrows move within the radio group.
    await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));
    await ok(olga.emitWithAck('conversation:close', { conversationId }));
    await widget.getByRole('radio', { name: '0', exact: true }).waitFor();
    await tabTo(page, /^input:0$/);
    await page.keyboard.press('Space');
    for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowRight');
    await tabTo(page, /^button:Send$/);
    await page.keyboard.press('Enter');
    await widget.getByText('Thank you for your feedback!').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when closed takes no clicks but the launcher’s, and neither leaks styles nor takes the page’s', async () => {
    const { page, context, problems } = await watchedPage(browser);
    await page.goto(`${stack.site}/snippet.html`);
    const launcher = page.locator('parley-widget').getByRole('button', { name: 'Chat with us' });
    await launcher.waitFor();
    expect(await launcher.evaluate((e) => getComputedStyle(e).fontFamily)).not.toContain('Georgia');
    expect(await launcher.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      'rgb(11, 92, 173)',
    );
    expect(
      await page.locator('#page-button').evaluate((e) => getComputedStyle(e).backgroundColor),
    ).toBe('rgb(255, 105, 180)');
    // The page's own button still takes its clicks; nothing covers the page.
    await page.locator('#page-button').click({ timeout: 2_000 });
    const box = await page.locator('parley-widget').boundingBox();
    expect((box?.width ?? 0) * (box?.height ?? 0)).toBe(0);
    await launcher.click();
    await page.locator('parley-widget').getByRole('button', { name: 'Minimise chat' }).click();
    expect(await page.evaluate(() => document.body.getAttribute('style'))).toBeNull();
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a used link says so and offers a way forward', async () => {
    const code = await handoff();
    const first = await stack.parley.customer('cust-first', 'First Customer');
    await ok(first.emitWithAck('handoff:claim', { code }));
    const { page, context, problems } = await watchedPage(browser);
    await page.goto(`${stack.site}/snippet.html#parley=${code}`);
    const widget = page.locator('parley-widget');
    // The preview is refused at once (used links preview as gone); or the claim says so.
    const heading = widget.getByRole('heading', { name: 'This link has already been used.' });
    const button = widget.getByRole('button', { name: 'Continue privately' });
    await Promise.race([heading.waitFor(), button.waitFor()]);
    if (await button.isVisible()) await button.click();
    await heading.waitFor();
    await widget.getByRole('button', { name: 'Start a new chat' }).waitFor();
    await widget.getByRole('button', { name: 'Request a call back' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Chromium logs every 4xx answer; the refused preview is this test's point.
    expect(problems.filter((p) => !p.includes('409 (Conflict)'))).toEqual([]);
    await context.close();
  });

  it('inside the Facebook in-app browser offers "Open in your browser"', async () => {
    const code = await handoff();
    const { page, context, problems } = await watchedPage(
      browser,
      { width: 390, height: 800 },
      {
        userAgent:
          'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0]',
      },
    );
    await page.goto(`${stack.site}/csp-login.html#parley=${code}`);
    const widget = page.locator('parley-widget');
    await widget.getByRole('heading', { name: 'Otwórz w przeglądarce' }).waitFor();
    expect(await widget.locator('.mono').textContent()).toBe(`${stack.parley.url}/h/${code}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the hosted /chat page: from the /h/ link to a private chat under the server’s own CSP', async () => {
    const code = await handoff();
    const { page, context, problems } = await watchedPage(browser);
    await page.goto(`${stack.parley.url}/h/${code}`);
    await page.getByRole('link', { name: 'Continue privately' }).click();
    const widget = page.locator('parley-widget');
    // No sign-in is configured on this server's /chat (not demo mode): the page says what to do.
    await widget.getByText('You will continue with', { exact: false }).waitFor();
    expect(page.url()).toBe(`${stack.parley.url}/chat`);
    await widget
      .getByText('Sign in on the bank’s website first, then open the chat again.')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The /h/ interstitial (the server's page, not the widget's) has no icon, so Chromium asks for
    // /favicon.ico; /chat declares an empty one.
    expect(problems.filter((p) => !p.includes('/favicon.ico'))).toEqual([]);
    await context.close();
  });
});
