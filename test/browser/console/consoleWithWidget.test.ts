import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../packages/server/test/harness.js';
import { axeViolations } from '../axe.js';
import { chromiumMissingReason, launchChromium } from '../launchChromium.js';
import { signInAsDemoAgent, startConsoleServer, watchedPage } from './consoleServer.js';

const WIDGET = fileURLToPath(new URL('../../../packages/widget/dist/widget.js', import.meta.url));
const missing = chromiumMissingReason();

/** The hosted chat page asks for /favicon.ico, which the server does not have (widget's page). */
const CHAT_PAGE_FAVICON = /Failed to load resource: the server responded with a status of 404/;

/**
 * Both sides in real browsers: Alice in the built console, Anna in the built widget on the hosted
 * chat page (`/chat#parley=<code>`, demo sign-in), then Bob after a transfer and Sam for the NPS.
 */
describe.skipIf(missing !== null)('the console and the widget, two browsers', () => {
  let t: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(WIDGET))
      throw new Error('The widget has not been built. Run: npm run build -w @parley/widget');
    t = await startConsoleServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('hands off, chats, transfers, closes, and the survey reaches the NPS', async () => {
    const alice = await watchedPage(browser);
    await signInAsDemoAgent(alice.page, t.url, 'Alice');
    const console = alice.page;
    await console.getByRole('button', { name: 'New handoff' }).click();
    await console.getByLabel('Customer’s handle').fill('@anna_k');
    await console.getByLabel('Author’s display name').fill('Anna K');
    await console.getByLabel('Text of the post').fill('Charged twice, card 4276 3800 1234 5679!');
    await console.getByRole('button', { name: 'Create handoff link' }).click();
    const link = await console.getByLabel('Handoff link (shown only now)').inputValue();
    const code = link.split('/h/')[1] ?? '';

    // Anna opens the link in her own browser, signs in (demo) and continues privately.
    const anna = await watchedPage(browser, { width: 420, height: 800 });
    const widget = anna.page.locator('parley-widget');
    await anna.page.goto(`${t.url}/chat#parley=${code}`);
    await widget
      .getByText('You will continue with Alice (Social care), who answered you on X.')
      .waitFor();
    await widget.getByRole('textbox', { name: 'Your name (demo)' }).fill('Anna Kuznetsova');
    await widget.getByRole('button', { name: 'Demo sign-in' }).click();
    await widget.getByRole('button', { name: 'Continue privately' }).click();

    // The claim lands in Alice's inbox with the public thread; she answers.
    const mine = console.locator('[data-section="mine"]');
    await mine.getByRole('button', { name: /Anna Kuznetsova/ }).click();
    await console
      .getByRole('region', { name: /Public Conversation on X/ })
      .getByText('[card ••••5679]', { exact: false })
      .waitFor();
    const composer = console.getByLabel('Message to Anna Kuznetsova');
    await composer.fill('Good evening Anna, Alice here. Let me look.');
    await composer.press('Enter');
    await widget
      .getByText('Good evening Anna, Alice here. Let me look.', { exact: true })
      .waitFor();

    const box = widget.getByRole('textbox', { name: 'Your message' });
    await box.fill('my card is 4276380012345679, please check');
    await box.press('Enter');
    await console.locator('.message.customer', { hasText: '[card ••••5679]' }).waitFor();
    expect(await console.locator('.messages').textContent()).not.toContain('4276380012345679');
    await console.locator('.message.agent .receipt', { hasText: 'Read' }).first().waitFor();
    expect(await axeViolations(console)).toEqual([]);

    // Alice transfers to Bob, who continues.
    const bob = await watchedPage(browser);
    await signInAsDemoAgent(bob.page, t.url, 'Bob');
    await console.getByRole('button', { name: 'Transfer' }).click();
    await console.getByLabel('Colleague', { exact: true }).selectOption('bob');
    await console.getByLabel('Note for the colleague (internal)').fill('Card dispute');
    await console.getByRole('button', { name: 'Transfer', exact: true }).last().click();
    await bob.page
      .locator('[data-section="mine"]')
      .getByRole('button', { name: /Anna Kuznetsova/ })
      .click();
    await bob.page.getByLabel('Message to Anna Kuznetsova').fill('Bob from the card team here.');
    await bob.page.getByLabel('Message to Anna Kuznetsova').press('Enter');
    await widget.getByText('Bob from the card team here.', { exact: true }).waitFor();
    expect(await widget.getByText('Card dispute').count()).toBe(0);

    // Bob closes; Anna answers the survey in the widget; Sam sees the NPS.
    await bob.page.keyboard.press('Alt+KeyC');
    await bob.page.getByRole('button', { name: 'Close and send the survey' }).click();
    await bob.page.getByLabel(/Closing reply for the public thread on X/).waitFor();
    const nine = widget.getByRole('radio', { name: '9' });
    await nine.check();
    await widget.getByRole('button', { name: 'Send' }).click();
    await widget.getByText('Thank you for your feedback!').waitFor();
    expect(await axeViolations(bob.page)).toEqual([]);

    const sam = await watchedPage(browser);
    await signInAsDemoAgent(sam.page, t.url, 'Sam');
    await sam.page.getByRole('button', { name: 'Supervisor' }).click();
    await expect.poll(() => sam.page.getByTestId('nps-overall').textContent()).toBe('+100');
    await sam.page.getByRole('table', { name: 'By agent' }).getByText('Bob').waitFor();

    for (const page of [alice, bob, sam]) expect(page.errors).toEqual([]);
    expect(anna.errors.filter((error) => !CHAT_PAGE_FAVICON.test(error))).toEqual([]);
  });
});
