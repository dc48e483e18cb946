#!/usr/bin/env node
// Screenshots of the customer widget for docs/images/widget-*.png: the launcher on a bank's page,
// and on a phone (390 × 844) the handoff, the chat with the public thread, the offline outbox, the
// call-back form, the survey and a used link; the hosted /chat page; a desktop panel in dark mode
// and in Russian. Plain Node: the built server in demo mode (the console's spawnDemoServer), a
// tiny bank site on another loopback port serving the fixture page, and the built widget.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ack, CHROMIUM, spawnDemoServer } from '../console/spawnDemoServer.mjs';

const images = fileURLToPath(new URL('../../../docs/images/', import.meta.url));
const pages = fileURLToPath(new URL('./pages/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let demo;
const site = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://site');
  if (url.pathname === '/token') {
    const token = demo.identityToken({
      sub: 'cust-anna',
      name: 'Anna Kuznetsova',
      phone_number: '+48601234567',
      locale: url.searchParams.get('locale') ?? 'en',
    });
    res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
    return;
  }
  if (url.pathname !== '/snippet.html') return res.writeHead(404).end();
  const html = readFileSync(join(pages, 'snippet.html'), 'utf8').replaceAll('{{PARLEY}}', demo.url);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
});
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
const siteUrl = `http://127.0.0.1:${site.address().port}`;
demo = await spawnDemoServer({
  PARLEY_ALLOWED_ORIGINS: `${siteUrl}`,
  PARLEY_RATE_LIMIT_CLAIMS_PER_MINUTE: '1000',
});
let browser;
try {
  browser = await chromium.launch(CHROMIUM);
  const { token: aliceToken } = await demo.post('/v1/demo/agent-token', { agentId: 'alice' });
  const alice = await demo.connect('/agent', aliceToken);
  const thread = [
    {
      author: 'Anna K',
      handle: '@anna_k',
      text: 'Charged twice for one purchase, card 4276 3800 1234 5679 — what is going on?',
      postedAt: new Date(Date.now() - 9 * 60_000).toISOString(),
    },
    {
      author: 'Bank of Example',
      handle: '@bankofexample',
      text: 'Anna, sorry about this — let us sort it out privately. Please never post card details here.',
      postedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      fromBank: true,
    },
  ];
  const handoff = () =>
    ack(alice.emitWithAck('handoff:create', { channel: 'x', thread, customerHandle: '@anna_k' }));
  const shot = (page, name) => page.screenshot({ path: join(images, `widget-${name}.png`) });
  const open = async (viewport, path, options = {}) => {
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
      ...options,
    });
    const page = await context.newPage();
    await page.goto(path);
    return { context, page, widget: page.locator('parley-widget') };
  };

  // The launcher on the bank's page.
  {
    const { context, page, widget } = await open(DESKTOP, `${siteUrl}/snippet.html`);
    await widget.getByRole('button', { name: 'Chat with us' }).waitFor();
    await shot(page, 'launcher');
    await context.close();
  }

  // The handoff on a phone, then the chat, offline, call back, survey.
  {
    const created = await handoff();
    const { context, page, widget } = await open(
      PHONE,
      `${siteUrl}/snippet.html#parley=${created.code}`,
    );
    await widget.getByRole('button', { name: 'Continue privately' }).waitFor();
    await shot(page, 'handoff');
    const claimed = new Promise((resolve) => alice.once('handoff:claimed', resolve));
    await widget.getByRole('button', { name: 'Continue privately' }).click();
    const conversationId = (await claimed).conversation.id;
    await ack(alice.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));
    await ack(
      alice.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'alice-0001',
        text: 'Good evening Anna, this is Alice. I can see the double charge — let me check it.',
      }),
    );
    const box = widget.getByRole('textbox', { name: 'Your message' });
    await box.fill('Thank you! My account is NL91ABNA0417164300 if you need it.');
    await box.press('Enter');
    await widget.getByText('we hid it before sending', { exact: false }).waitFor();
    await widget.locator('details.public summary').click();
    await page.waitForTimeout(300);
    await shot(page, 'chat');

    await context.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await box.fill('Going into a tunnel — this waits in the outbox.');
    await box.press('Enter');
    await widget.getByText('Waiting for connection').waitFor();
    await shot(page, 'offline');
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await widget.getByText('Waiting for connection').waitFor({ state: 'detached' });

    await widget.getByRole('button', { name: 'More options' }).click();
    await widget.getByRole('button', { name: 'Request a call back' }).click();
    await widget.getByRole('textbox', { name: 'Phone number' }).waitFor();
    await shot(page, 'callback');
    await widget.getByRole('button', { name: 'Back', exact: true }).click();

    await ack(alice.emitWithAck('conversation:close', { conversationId }));
    await widget.getByRole('radio', { name: '9' }).check();
    await page.waitForTimeout(200);
    await shot(page, 'survey');
    await context.close();
  }

  // A link that was already used.
  {
    const created = await handoff();
    const other = await demo.connect(
      '/customer',
      demo.identityToken({ sub: 'cust-other', name: 'Someone Else' }),
    );
    await ack(other.emitWithAck('handoff:claim', { code: created.code }));
    const { context, page, widget } = await open(
      PHONE,
      `${siteUrl}/snippet.html#parley=${created.code}`,
    );
    await widget.getByRole('heading', { name: 'This link has already been used.' }).waitFor();
    await shot(page, 'link-used');
    await context.close();
  }

  // The hosted /chat page in demo mode, with its clearly labelled demo sign-in.
  {
    const { context, page, widget } = await open(DESKTOP, `${demo.url}/chat`);
    await widget.getByRole('button', { name: 'Demo sign-in' }).waitFor();
    await shot(page, 'hosted-chat');
    await context.close();
  }

  // A desktop panel in dark mode, and in Russian.
  for (const [name, options, locale] of [
    ['dark', { colorScheme: 'dark' }, 'en'],
    ['ru', {}, 'ru'],
  ]) {
    const created = await handoff();
    const { context, page, widget } = await open(
      DESKTOP,
      `${siteUrl}/snippet.html?locale=${locale}#parley=${created.code}`,
      options,
    );
    const claimed = new Promise((resolve) => alice.once('handoff:claimed', resolve));
    await widget.locator('.btn').first().waitFor();
    await widget
      .getByRole('button', {
        name: locale === 'ru' ? 'Продолжить в личном чате' : 'Continue privately',
      })
      .click();
    const conversationId = (await claimed).conversation.id;
    await ack(alice.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));
    await ack(
      alice.emitWithAck('message:send', {
        conversationId,
        clientMsgId: `alice-${name}-1`,
        text:
          locale === 'ru'
            ? 'Анна, добрый вечер! Это Алиса, сейчас проверю.'
            : 'Hello Anna, Alice here.',
      }),
    );
    await widget.locator('.them').first().waitFor();
    await page.waitForTimeout(300);
    await shot(page, name);
    await context.close();
  }
  process.stdout.write('✓ widget screenshots written to docs/images/widget-*.png\n');
} finally {
  await browser?.close();
  await demo.stop();
  site.close();
}
