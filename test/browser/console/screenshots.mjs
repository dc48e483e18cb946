#!/usr/bin/env node
// Screenshots of the agent console for docs/images/console-*.png, at 1280 × 720 and 1920 × 1080.
// Plain Node (no TypeScript step): it starts the built server in demo mode on a loopback port
// with a throw-away data folder, drives customers with socket.io-client and agents through the
// built console in Debian's Chromium. Run with `npm run screenshots` (or directly after
// `npm run build`).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ack, CHROMIUM, spawnDemoServer } from './spawnDemoServer.mjs';

const images = fileURLToPath(new URL('../../../docs/images/', import.meta.url));
const demo = await spawnDemoServer();
const { url, post } = demo;
const connect = (namespace, token) => demo.connect(namespace, token);
const identityToken = (claims) => demo.identityToken(claims);
const minutesAgo = (m) => new Date(Date.now() - m * 60_000).toISOString();
let browser;

try {
  browser = await chromium.launch(CHROMIUM);

  // Alice at her console first: claims land with the agent who is online.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${url}/console/`);
  await page.screenshot({ path: join(images, 'console-sign-in.png') });
  await page.getByRole('button', { name: /^Alice\b/ }).click();
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();

  // Three customers whose first public posts were 2, 9 and 17 minutes ago (X: 15 minute target).
  const { token: aliceToken } = await post('/v1/demo/agent-token', { agentId: 'alice' });
  const alice = await connect('/agent', aliceToken);
  const people = [
    {
      name: 'Anna Kuznetsova',
      handle: '@anna_k',
      locale: 'ru',
      minutes: 9,
      text: 'списали деньги дважды за одну покупку, карта 4276 3800 1234 5679, что за безобразие?',
    },
    {
      name: 'Piotr Nowak',
      handle: '@piotr_n',
      locale: 'pl',
      minutes: 17,
      text: 'Od dwóch dni nie mogę zalogować się do aplikacji. Co się dzieje?',
    },
    {
      name: 'Daan de Vries',
      handle: '@daanvries',
      locale: 'nl',
      minutes: 2,
      text: 'Mijn pas is ingeslikt door de automaat op het Centraal Station.',
    },
  ];
  const customers = [];
  for (const person of people) {
    const created = await ack(
      alice.emitWithAck('handoff:create', {
        channel: 'x',
        customerHandle: person.handle,
        locale: person.locale,
        thread: [
          {
            author: person.name.split(' ')[0],
            handle: person.handle,
            text: person.text,
            postedAt: minutesAgo(person.minutes),
            url: `https://x.com/${person.handle.slice(1)}/status/18600000000000${person.minutes}`,
          },
          {
            author: 'Bank',
            handle: '@bank',
            text: `${person.name.split(' ')[0]}, sorry about this. Let's continue privately: ${url}/h/… `,
            postedAt: minutesAgo(person.minutes - 1),
            fromBank: true,
          },
        ],
      }),
    );
    const token = identityToken({
      sub: `cust-${person.handle.slice(1)}`,
      name: person.name,
      locale: person.locale,
      phone_number: '+48601234567',
    });
    const customer = await connect('/customer', token);
    const snapshot = await ack(customer.emitWithAck('handoff:claim', { code: created.code }));
    customers.push({ socket: customer, conversationId: snapshot.conversation.id, person });
  }
  // One pending handoff of Alice's, not claimed yet.
  await ack(
    alice.emitWithAck('handoff:create', {
      channel: 'facebook',
      customerHandle: 'Ivan Petrov',
      locale: 'bg',
      thread: [
        {
          author: 'Ivan Petrov',
          handle: 'Ivan Petrov',
          text: 'Защо таксата ми е двойна този месец?',
          postedAt: minutesAgo(6),
        },
      ],
    }),
  );

  // Anna's conversation, with a few messages both ways and an internal note.
  const anna = customers[0];
  await page
    .locator('[data-section="mine"]')
    .getByRole('button', { name: /Anna Kuznetsova/ })
    .click();
  const composer = page.getByLabel('Message to Anna Kuznetsova');
  await composer.fill(
    'Анна, добрый вечер! Это Алиса из службы поддержки. Ваш пост передо мной — давайте разберёмся.',
  );
  await composer.press('Enter');
  await ack(
    anna.socket.emitWithAck('message:send', {
      conversationId: anna.conversationId,
      clientMsgId: 'shot-anna-1',
      text: 'Спасибо. Списание 1 249 ₽ в «Пятёрочке» прошло два раза, вчера в 21:40.',
    }),
  );
  anna.socket.emit('message:read', { conversationId: anna.conversationId, seq: 3 });
  await page.getByRole('button', { name: 'Internal note' }).click();
  await page
    .getByLabel('Internal note, seen by agents only')
    .fill('Duplicate authorisation, 1 249 RUB. Card team to confirm the reversal.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('button', { name: /^Reply to/ }).click();
  anna.socket.emit('typing', { conversationId: anna.conversationId, typing: true });
  await composer.fill('Вижу двойное списание. Номер карты 4276 3800 1234 5679 — верно?');
  await page.getByText('It will be masked before sending').waitFor();
  await page.getByText('is typing…').waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(images, 'console-conversation-1280.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: join(images, 'console-conversation-1920.png') });
  await composer.fill('');

  // The handoff form, filled and answered.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'New handoff' }).click();
  await page.getByLabel('Customer’s handle').fill('@maria_ivanova');
  await page.getByLabel('Customer’s language').selectOption('bg');
  await page.getByLabel('Author’s display name').fill('Мария Иванова');
  await page
    .getByLabel('Text of the post')
    .fill('Приложението не ми показва последните преводи от вчера. Кога ще се оправи?');
  await page
    .getByLabel(/Link to the post/)
    .fill('https://x.com/maria_ivanova/status/1860000000000000001');
  await page.screenshot({ path: join(images, 'console-handoff-form.png') });
  await page.getByRole('button', { name: 'Create handoff link' }).click();
  await page.getByLabel(/Suggested public reply/).waitFor();
  await page.screenshot({ path: join(images, 'console-handoff-created.png') });

  // A handoff the bank's social tool sent the team over REST, opened to be picked.
  const key = await demo.serviceKey();
  const fromTool = await fetch(`${url}/v1/handoffs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'x',
      customerHandle: '@jan_devries',
      locale: 'nl',
      team: 'social-care',
      note: 'Asked twice already',
      thread: [
        {
          author: 'Jan de Vries',
          handle: '@jan_devries',
          text: 'Mijn overboeking van gisteren staat nog steeds niet op de rekening. Wat is er aan de hand?',
          postedAt: minutesAgo(4),
          url: 'https://x.com/jan_devries/status/1860000000000000002',
        },
      ],
    }),
  });
  if (fromTool.status !== 201) throw new Error(`POST /v1/handoffs: ${fromTool.status}`);
  await page.getByRole('button', { name: /^Pending handoffs/ }).click();
  await page
    .getByRole('main')
    .getByRole('button', { name: 'Open the handoff for @jan_devries' })
    .click();
  await page.getByRole('button', { name: 'Pick it and get the link' }).waitFor();
  await page.screenshot({ path: join(images, 'console-handoff-social-tool.png') });

  // Sam, the supervisor: the floor, the breach list and the NPS after two surveys.
  // Daan's conversation is answered and closed (he gives a 10); Piotr's stays open and breached.
  const daan = customers[2];
  await ack(
    alice.emitWithAck('conversation:join', { conversationId: daan.conversationId, afterSeq: 0 }),
  );
  await ack(
    alice.emitWithAck('message:send', {
      conversationId: daan.conversationId,
      clientMsgId: 'shot-daan-1',
      text: 'Je nieuwe pas is onderweg.',
    }),
  );
  await ack(alice.emitWithAck('conversation:close', { conversationId: daan.conversationId }));
  await ack(
    daan.socket.emitWithAck('survey:submit', { conversationId: daan.conversationId, score: 10 }),
  );
  const samContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const sam = await samContext.newPage();
  await sam.goto(`${url}/console/`);
  await sam.getByRole('button', { name: /^Sam\b/ }).click();
  await sam.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
  await sam.getByRole('button', { name: 'Supervisor' }).click();
  await sam.getByTestId('nps-overall').waitFor();
  await sam.screenshot({ path: join(images, 'console-supervisor.png'), fullPage: false });

  // Back to Alice's inbox with the conversation closed: the closing public reply.
  await page.getByRole('button', { name: 'Inbox' }).click();
  await page
    .locator('[data-section="mine"]')
    .getByRole('button', { name: /Anna Kuznetsova/ })
    .click();
  await page.keyboard.press('Alt+KeyC');
  await page.getByRole('button', { name: 'Close and send the survey' }).click();
  await page.getByLabel(/Closing reply for the public thread/).waitFor();
  await page.screenshot({ path: join(images, 'console-closed.png') });

  process.stdout.write(`Console screenshots saved to ${images}\n`);
} finally {
  await browser?.close();
  await demo.stop();
}
