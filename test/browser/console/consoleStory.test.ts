import type { CustomerMessage, HandoffCreated, SurveyRequest } from '@parley/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addServiceKey, handoffInput } from '../../../packages/server/test/fixtures.js';
import { nextEvent, ok, type TestServer } from '../../../packages/server/test/harness.js';
import { axeViolations } from '../axe.js';
import { chromiumMissingReason, launchChromium } from '../launchChromium.js';
import {
  signInAsDemoAgent,
  startConsoleServer,
  type WatchedPage,
  watchedPage,
} from './consoleServer.js';

const missing = chromiumMissingReason();

describe.skipIf(missing !== null)('the agent console against the real server', () => {
  let t: TestServer;
  let browser: Browser;
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    t = await startConsoleServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('takes a public post to a private chat, a transfer, a survey and the NPS', async () => {
    const alice = await watchedPage(browser);
    pages.push(alice);
    await signInAsDemoAgent(alice.page, t.url, 'Alice');
    const page = alice.page;

    // The agent creates a handoff for Anna's public post, in Russian.
    await page.getByRole('button', { name: 'New handoff' }).click();
    await page.getByLabel('Customer’s handle').fill('@anna_k');
    await page.getByLabel('Customer’s language').selectOption('ru');
    await page.getByLabel('Author’s display name').fill('Anna K');
    await page
      .getByLabel('Text of the post')
      .fill('списали деньги дважды за одну покупку, карта 4276 3800 1234 5679, что за безобразие?');
    await page
      .getByLabel(/Link to the post/)
      .fill('https://x.com/anna_k/status/1859999999999999999');
    await page.getByRole('button', { name: 'Create handoff link' }).click();
    const link = await page.getByLabel('Handoff link (shown only now)').inputValue();
    expect(link).toMatch(/\/h\/[A-Za-z0-9_-]{22}$/);
    const reply = await page.getByLabel(/Suggested public reply/).inputValue();
    expect(reply).toContain(link);
    await expect
      .poll(() => page.locator('.x-count').first().textContent())
      .toMatch(/^\d+ \/ 280 on X$/);
    expect(await axeViolations(page)).toEqual([]);

    // Anna signs in with the bank and claims the link; the conversation appears in Alice's inbox.
    const anna = await t.customer('cust-anna', 'Anna Kuznetsova', {
      locale: 'ru',
      phone: '+79161234567',
    });
    const code = link.split('/h/')[1] ?? '';
    const snapshot = await ok(anna.emitWithAck('handoff:claim', { code }));
    const conversationId = snapshot.conversation.id;
    const mine = page.locator('[data-section="mine"]');
    await mine.getByText('Anna Kuznetsova').waitFor();
    await expect.poll(() => page.title()).toMatch(/^\(1\) Parley — Alice$/);

    // Opening it shows the public thread, pinned and labelled public, the card number masked.
    await mine.getByRole('button', { name: /Anna Kuznetsova/ }).click();
    const thread = page.getByRole('region', { name: /Public Conversation on X/ });
    await thread.getByText('[card ••••5679]', { exact: false }).waitFor();
    expect(await thread.textContent()).not.toContain('4276 3800');
    const panel = page.getByRole('complementary', { name: 'Customer' });
    expect(await panel.textContent()).toContain('Anna Kuznetsova');
    expect(await panel.textContent()).toContain('@anna_k');

    // Both write; the agent's number is masked before it leaves the browser.
    const toAnna = nextEvent<CustomerMessage>(
      anna,
      'message:new',
      (m) => m.sender.role === 'agent',
    );
    const composer = page.getByLabel('Message to Anna Kuznetsova');
    await composer.fill('Анна, добрый вечер! Это Алиса.');
    await composer.press('Enter');
    expect((await toAnna).text).toBe('Анна, добрый вечер! Это Алиса.');

    await composer.fill('Карта 4111 1111 1111 1111?');
    await page.getByText('It will be masked before sending').waitFor();
    const masked = nextEvent<CustomerMessage>(
      anna,
      'message:new',
      (m) => m.sender.role === 'agent',
    );
    await composer.press('Enter');
    expect((await masked).text).not.toContain('4111 1111 1111 1111');

    anna.emit('typing', { conversationId, typing: true });
    await page.getByText('Anna Kuznetsova is typing…').waitFor();
    await ok(
      anna.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'anna-0001',
        text: 'Спасибо! <b>не жирный</b>',
      }),
    );
    // Message text is rendered as text: the markup shows, nothing is parsed.
    await page.getByText('Спасибо! <b>не жирный</b>').waitFor();
    expect(await page.locator('.messages b').count()).toBe(0);
    anna.emit('message:read', { conversationId, seq: 3 });
    await page.locator('.message.agent .receipt', { hasText: 'Read' }).first().waitFor();

    // An internal note is shown to agents, distinct, and never reaches the customer.
    let annaSawNote = false;
    anna.on('message:new', (m) => {
      if (m.text.includes('card team')) annaSawNote = true;
    });
    await page.getByRole('button', { name: 'Internal note' }).click();
    await page
      .getByLabel('Internal note, seen by agents only')
      .fill('Double charge — card team please');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.message.note', { hasText: 'card team' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Bob signs in in another browser; Alice transfers to him with a note.
    const bob = await watchedPage(browser);
    pages.push(bob);
    await signInAsDemoAgent(bob.page, t.url, 'Bob');
    await page.getByRole('button', { name: 'Transfer' }).click();
    await page.getByLabel('Colleague', { exact: true }).selectOption('bob');
    await page
      .getByLabel('Note for the colleague (internal)')
      .fill('Card dispute, customer verified');
    await page.getByRole('button', { name: 'Transfer', exact: true }).last().click();
    await page.getByText('Transferred Anna Kuznetsova.').waitFor();

    const bobMine = bob.page.locator('[data-section="mine"]');
    await bobMine.getByRole('button', { name: /Anna Kuznetsova/ }).click();
    await bob.page
      .locator('.message.note', { hasText: 'Card dispute, customer verified' })
      .waitFor();
    const toAnnaFromBob = nextEvent<CustomerMessage>(
      anna,
      'message:new',
      (m) => m.sender.name === 'Bob',
    );
    await bob.page.getByLabel('Message to Anna Kuznetsova').fill('Это Боб, специалист по картам.');
    await bob.page.getByLabel('Message to Anna Kuznetsova').press('Enter');
    await toAnnaFromBob;
    expect(annaSawNote).toBe(false);

    // Bob closes; the console offers the closing public reply in Russian; Anna answers the survey.
    const survey = nextEvent<SurveyRequest>(anna, 'survey:request');
    await bob.page.keyboard.press('Alt+KeyC');
    await bob.page.getByRole('button', { name: 'Close and send the survey' }).click();
    const closing = await bob.page
      .getByLabel(/Closing reply for the public thread on X — Russian/)
      .inputValue();
    expect(closing).toBe('Рады, что смогли решить вопрос в личном чате, — спасибо за терпение!');
    await survey;
    await ok(anna.emitWithAck('survey:submit', { conversationId, score: 10 }));
    expect(await axeViolations(bob.page)).toEqual([]);

    // Sam, the supervisor, sees the NPS Bob earned.
    const sam = await watchedPage(browser);
    pages.push(sam);
    await signInAsDemoAgent(sam.page, t.url, 'Sam');
    await sam.page.getByRole('button', { name: 'Supervisor' }).click();
    await expect.poll(() => sam.page.getByTestId('nps-overall').textContent()).toBe('+100');
    await sam.page.getByRole('table', { name: 'By agent' }).getByText('Bob').waitFor();
    expect(await axeViolations(sam.page)).toEqual([]);

    for (const watched of pages) expect(watched.errors).toEqual([]);
  });

  it('shows a handoff the social tool sent the team, which one agent picks and posts', async () => {
    const alice = await watchedPage(browser);
    const bob = await watchedPage(browser);
    await signInAsDemoAgent(alice.page, t.url, 'Alice');
    await signInAsDemoAgent(bob.page, t.url, 'Bob');
    const page = alice.page;
    await page.getByRole('button', { name: 'New handoff' }).click();
    await page.getByRole('button', { name: /^Pending handoffs/ }).click();

    // The bank's social tool sends Piotr's public post for the team, with its service key.
    const key = await addServiceKey(t.server.store);
    const response = await fetch(`${t.url}/v1/handoffs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...handoffInput({ customerHandle: '@piotr_n', locale: 'pl', note: 'Blocked card' }),
        thread: [
          {
            author: 'Piotr N',
            handle: '@piotr_n',
            text: 'Karta 4276 3800 1234 5679 zablokowana, pomocy!',
            postedAt: new Date(Date.now() - 120_000).toISOString(),
          },
        ],
        team: 'social-care',
      }),
    });
    expect(response.status).toBe(201);
    const fromTool = (await response.json()) as HandoffCreated;

    // It appears at once, in both agents' consoles, without a reload.
    // In the pending list of the handoff view (the inbox beside it has the same row).
    const open = page
      .getByRole('main')
      .getByRole('button', { name: 'Open the handoff for @piotr_n' });
    await open.waitFor();
    await bob.page
      .locator('[data-section="handoffs"]')
      .getByText('From the social tool, for the team', { exact: false })
      .waitFor();
    await open.click();
    const thread = page.getByRole('region', { name: /Public Conversation on X/ });
    await thread.getByText('[card ••••5679]', { exact: false }).waitFor();
    expect(await thread.textContent()).not.toContain('4276 3800');
    await page.getByText('Blocked card').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Alice picks it: a new link and the Polish reply naming her, to copy, with X's count.
    await page.getByRole('button', { name: 'Pick it and get the link' }).click();
    const link = await page.getByLabel('Handoff link (shown only now)').inputValue();
    expect(link).not.toBe(fromTool.url);
    const reply = await page.getByLabel(/Suggested public reply — Polish/).inputValue();
    expect(reply).toContain(link);
    expect(reply).toContain('Alice');
    await expect
      .poll(() => page.locator('.x-count').first().textContent())
      .toMatch(/^\d+ \/ 280 on X$/);
    expect(await axeViolations(page)).toEqual([]);
    // Bob's console drops it: it is Alice's now.
    await bob.page
      .locator('[data-section="handoffs"]')
      .getByText('From the social tool', { exact: false })
      .waitFor({ state: 'detached' });

    // Piotr claims the link Alice posted; the conversation lands in her inbox.
    const piotr = await t.customer('cust-piotr', 'Piotr Nowak', { locale: 'pl' });
    await ok(piotr.emitWithAck('handoff:claim', { code: link.split('/h/')[1] ?? '' }));
    await page.getByRole('button', { name: 'Inbox' }).click();
    await page.locator('[data-section="mine"]').getByText('Piotr Nowak').waitFor();

    for (const watched of [alice, bob]) expect(watched.errors).toEqual([]);
  });
});
