import type { HandoffClaimed, Message } from '@parley/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, ok } from '../../../packages/server/test/harness.js';
import { axeViolations } from '../axe.js';
import { launchChromium } from '../launchChromium.js';
import { startWidgetStack, THREAD, type WidgetStack, watchedPage } from './widgetStack.js';

/**
 * Anna's evening, in the built, minified widget against a real server: the snippet's queued
 * calls, the handoff link, sign-in, "Continue privately", messages both ways with the redaction
 * explained, a tunnel (offline, two messages, back online: each delivered once), a reload in the
 * middle of the chat, a call back, the agent closing and the survey — with axe-core clean in
 * every state and nothing unexpected in the console.
 */
describe('the handoff, as Anna lives it', () => {
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

  it('claims the link, chats, survives a tunnel and a reload, calls back and asks for a score', async () => {
    const olga = await stack.parley.agent('olga', { name: 'Olga' });
    const created = await ok(
      olga.emitWithAck('handoff:create', {
        channel: 'x',
        thread: THREAD,
        customerHandle: '@anna_k',
      }),
    );
    const { page, context, problems } = await watchedPage(browser);
    const widget = page.locator('parley-widget');

    // The snippet's calls made before the loader arrived are replayed; the code leaves the URL.
    await page.goto(`${stack.site}/snippet.html#parley=${created.code}`);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    const continueButton = widget.getByRole('button', { name: 'Continue privately' });
    await continueButton.waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { parleyEvents: string[] }).parleyEvents),
    ).toEqual(expect.arrayContaining(['ready', 'open']));
    await expect
      .poll(() =>
        widget
          .getByText('You will continue with Olga (Social care), who answered you on X.')
          .count(),
      )
      .toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Continue privately: the same agent gets it; the public thread is there, collapsed, masked.
    const claimed = nextEvent<HandoffClaimed>(olga, 'handoff:claimed');
    await continueButton.click();
    const conversationId = (await claimed).conversation.id;
    await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));
    const publicThread = widget.locator('details.public');
    await publicThread.waitFor();
    expect(await publicThread.getAttribute('open')).toBeNull();
    await publicThread.locator('summary').click();
    await expect.poll(() => publicThread.textContent()).toContain('[card ••••5679]');
    expect(await publicThread.textContent()).not.toContain('4276 3800');
    expect(await axeViolations(page)).toEqual([]);

    // Olga writes; Anna reads it (and a read receipt goes back).
    await ok(
      olga.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'olga-0001',
        text: 'Anna, good evening! Olga here.',
      }),
    );
    await widget.getByText('Anna, good evening! Olga here.', { exact: true }).waitFor();

    // Anna types her account number out of habit: masked before it leaves, explained inline.
    const toOlga = nextEvent<Message>(olga, 'message:new', (m) => m.sender.role === 'customer');
    const box = widget.getByRole('textbox', { name: 'Your message' });
    await box.fill('my card is 4276380012345679, please check');
    await box.press('Enter');
    const received = await toOlga;
    expect(received.text).not.toContain('4276380012345679');
    expect(received.text).toContain('[card ••••5679]');
    await widget
      .getByText('Never share full card or account numbers — we hid it before sending.')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A tunnel: two messages wait in the outbox and arrive once each, in order.
    await context.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await widget.getByText('You are offline.', { exact: false }).waitFor();
    for (const text of ['first from the tunnel', 'second from the tunnel']) {
      await box.fill(text);
      await box.press('Enter');
    }
    await widget.getByText('Waiting for connection').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const arrived: string[] = [];
    olga.on('message:new', (m) => {
      if (m.sender.role === 'customer') arrived.push(m.text);
    });
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect
      .poll(() => arrived, { timeout: 10_000 })
      .toEqual(['first from the tunnel', 'second from the tunnel']);
    await expect.poll(() => widget.getByText('Waiting for connection').count()).toBe(0);

    // A reload in the middle of the chat: the same conversation, nothing lost, nothing twice.
    await page.reload();
    await widget.getByText('second from the tunnel', { exact: true }).waitFor();
    expect(await widget.getByText('first from the tunnel', { exact: true }).count()).toBe(1);
    await ok(
      olga.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'olga-0002',
        text: 'Still here?',
      }),
    );
    await widget.getByText('Still here?', { exact: true }).waitFor();

    // A call back from inside the conversation: prefilled phone, a window, confirmation, cancel.
    await widget.getByRole('button', { name: 'More options' }).click();
    await widget.getByRole('button', { name: 'Request a call back' }).click();
    const phone = widget.getByRole('textbox', { name: 'Phone number' });
    await phone.waitFor();
    expect(await phone.inputValue()).toBe('+48601234567');
    await phone.fill('12');
    await widget.getByRole('button', { name: 'Request call back' }).click();
    await widget
      .getByText('Enter your phone number with its country code', { exact: false })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await phone.fill('+48 601 234 567');
    await widget.getByRole('combobox', { name: 'Day' }).selectOption({ index: 1 });
    await widget.getByRole('button', { name: 'Request call back' }).click();
    await widget.getByText('We will call you on +48601234567', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await widget.getByRole('button', { name: 'Cancel the call back' }).click();
    await widget.getByText('Cancelled.').waitFor();
    await widget.getByRole('button', { name: 'Back', exact: true }).click();

    // Olga closes: the survey, then thanks.
    await ok(olga.emitWithAck('conversation:close', { conversationId }));
    const nine = widget.getByRole('radio', { name: '9' });
    await nine.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await nine.check();
    await widget
      .getByRole('textbox', { name: 'Anything you would like to add? (optional)' })
      .fill('Quick and kind');
    await widget.getByRole('button', { name: 'Send' }).click();
    await widget.getByText('Thank you for your feedback!').waitFor();
    await widget.getByText('This chat has ended.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Closing leaves nothing on the page's body.
    await widget.getByRole('button', { name: 'Minimise chat' }).click();
    expect(await page.evaluate(() => document.body.getAttribute('style'))).toBeNull();
    expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).toBe('visible');
    expect(problems).toEqual([]);
    await context.close();
  });
});
