import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HandoffClaimed } from '@parley/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, ok } from '../../packages/server/test/harness.js';
import { chromiumMissingReason, launchChromium } from '../browser/launchChromium.js';
import { startWidgetStack, type WidgetStack } from '../browser/widget/widgetStack.js';
import { stopAndCheckSinks } from './support/leaks.js';

/** The built console the server serves at `/console/`: the test runs against it, never the source. */
const CONSOLE_DIST = fileURLToPath(
  new URL('../../packages/console/dist/index.html', import.meta.url),
);

/** The global a payload sets if it ever runs. */
const FLAG = '__parleyInjected';
/** The path every payload's image points at: a request to it means the markup was parsed. */
const PROBE = '/xss-probe';

/**
 * Hostile text for every field a person controls, each aimed at a different way of turning text
 * into markup: raw HTML with event handlers, script elements, `javascript:` links (as HTML, as
 * markdown and bare, for a linkifier), an iframe, a style sheet, HTML entities and markdown
 * emphasis. No digit runs: the redaction engine would rightly rewrite them.
 */
const HOSTILE = {
  agentName: `Olga <img src=${PROBE}/agent-name onerror="alert(document.domain)">`,
  customerName: `Anna <script>window.${FLAG}='customer-name'</script>`,
  author: `<b onmouseover="window.${FLAG}='author'">Anna K</b>`,
  handle: `@anna"><svg onload="window.${FLAG}='handle'">`,
  post: `[tap here](javascript:window.${FLAG}='markdown') **bold** <img src=${PROBE}/post onerror="window.${FLAG}='post'">`,
  postUrl: `https://x.com/anna?q="><script>window.${FLAG}='url'</script>`,
  handoffNote: `<iframe src="javascript:window.${FLAG}='handoff-note'"></iframe>`,
  agentMessage: `<a href="javascript:window.${FLAG}='anchor'">open</a> javascript:alert(document.cookie) &lt;b&gt;`,
  note: `<img src=${PROBE}/note onerror="window.${FLAG}='note'"> _internal_`,
  customerMessage: `<img src=${PROBE}/customer onerror="window.${FLAG}='customer'"><style>*{display:none}</style>`,
} as const;

/** What each side must show, verbatim. Notes never reach the customer. */
const SHOWN_IN_WIDGET = [
  HOSTILE.agentName,
  HOSTILE.author,
  HOSTILE.handle,
  HOSTILE.post,
  HOSTILE.agentMessage,
  HOSTILE.customerMessage,
];
const SHOWN_IN_CONSOLE = [
  HOSTILE.customerName,
  HOSTILE.author,
  HOSTILE.handle,
  HOSTILE.post,
  HOSTILE.agentMessage,
  HOSTILE.note,
  HOSTILE.customerMessage,
];

/** Everything a page did that only a parsed payload does. */
interface Evidence {
  dialogs: string[];
  probeRequests: string[];
}

/**
 * A page in a context that ignores Content-Security-Policy: the console's CSP would block an
 * injected script, and the test must prove the text is never markup at all, not merely that the
 * CSP caught it.
 */
async function exposedPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page } & Evidence> {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const evidence: Evidence = { dialogs: [], probeRequests: [] };
  page.on('dialog', (dialog) => {
    evidence.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  context.on('request', (request) => {
    if (request.url().includes(PROBE)) evidence.probeRequests.push(request.url());
  });
  return { context, page, ...evidence };
}

/**
 * Runs in the page: the text of `selector`'s shadow root (or the document), whether the flag is
 * set, and every element a payload could have produced — event-handler attributes, scripts
 * naming the flag, `javascript:` links, frames, images pointing at the probe, injected styles.
 */
function inspect(page: Page, host: string | null) {
  return page.evaluate(
    ({ host, flag, probe }) => {
      const root: Document | ShadowRoot | null =
        host === null ? document : (document.querySelector(host)?.shadowRoot ?? null);
      if (root === null) throw new Error(`no shadow root on ${host}`);
      const found: string[] = [];
      for (const element of Array.from(root.querySelectorAll('*'))) {
        const tag = element.tagName.toLowerCase();
        for (const attribute of Array.from(element.attributes)) {
          if (attribute.name.startsWith('on')) found.push(`<${tag} ${attribute.name}>`);
        }
        if (tag === 'script' && (element.textContent ?? '').includes(flag))
          found.push('<script> of a payload');
        if (['iframe', 'object', 'embed', 'frame'].includes(tag)) found.push(`<${tag}>`);
        if (tag === 'a' && /^\s*javascript:/i.test(element.getAttribute('href') ?? ''))
          found.push('<a href=javascript:>');
        if (tag === 'img' && (element.getAttribute('src') ?? '').includes(probe))
          found.push('<img> of the probe');
        if (tag === 'style' && (element.textContent ?? '').includes('display:none'))
          found.push('<style> of a payload');
      }
      const body = host === null ? document.body : root;
      return {
        text: body.textContent ?? '',
        found,
        flag: (window as unknown as Record<string, unknown>)[flag] ?? null,
      };
    },
    { host, flag: FLAG, probe: PROBE },
  );
}

const missing = chromiumMissingReason();

/**
 * Hostile names, public posts, notes and messages travel the whole way — handoff, claim, both
 * directions of the chat — into the built widget on a bank's page and the built console, and
 * show there as the very characters that were typed.
 */
describe.skipIf(missing !== null)('rendering hostile text', () => {
  let browser: Browser;
  let stack: WidgetStack;
  beforeAll(async () => {
    if (!existsSync(CONSOLE_DIST))
      throw new Error('The console has not been built. Run: npm run build -w @parley/console');
    browser = await launchChromium();
    stack = await startWidgetStack();
  });
  afterAll(async () => {
    await browser?.close();
    if (stack !== undefined) await stopAndCheckSinks(stack.parley);
    await stack?.stop();
  });

  it('the check itself finds a payload that was parsed as markup', async () => {
    const control = await exposedPage(browser);
    await control.page.goto(`${stack.parley.url}/healthz`);
    await control.page.evaluate((html) => {
      document.body.innerHTML = html;
    }, Object.values(HOSTILE).join('\n'));
    await expect.poll(() => control.probeRequests.length).toBeGreaterThan(0);
    await expect.poll(() => control.dialogs.length).toBeGreaterThan(0);
    await expect.poll(async () => (await inspect(control.page, null)).flag).not.toBeNull();
    const seen = await inspect(control.page, null);
    expect(seen.found).toEqual(
      expect.arrayContaining([
        '<img onerror>',
        '<script> of a payload',
        '<iframe>',
        '<a href=javascript:>',
      ]),
    );
    expect(seen.text).not.toContain(HOSTILE.agentName);
    await control.context.close();
  });

  it('refuses a public post whose address is not http(s), so no javascript: link is ever stored', async () => {
    const olga = await stack.parley.agent('olga-links');
    for (const url of [
      `javascript:window.${FLAG}='url'`,
      'JaVaScRiPt:alert(document.domain)',
      'data:text/html,<script>alert(document.domain)</script>',
      ' javascript:alert(document.domain)',
    ]) {
      const answer = await olga.emitWithAck('handoff:create', {
        channel: 'x',
        thread: [
          { author: 'A', handle: '@a', text: 'hi', postedAt: new Date().toISOString(), url },
        ],
        customerHandle: '@a',
      });
      expect(answer, url).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', path: 'thread.0.url' },
      });
    }
  });

  it('shows names, posts, notes and messages carrying HTML, scripts and javascript: links as inert text', async () => {
    const olga = await stack.parley.agent('olga', { name: HOSTILE.agentName });
    const created = await ok(
      olga.emitWithAck('handoff:create', {
        channel: 'x',
        thread: [
          {
            author: HOSTILE.author,
            handle: HOSTILE.handle,
            text: HOSTILE.post,
            postedAt: new Date(Date.now() - 60_000).toISOString(),
            url: HOSTILE.postUrl,
          },
        ],
        customerHandle: HOSTILE.handle,
        note: HOSTILE.handoffNote,
      }),
    );

    // The customer on the bank's page, signed in with a hostile display name.
    const anna = await exposedPage(browser);
    await anna.page.goto(
      `${stack.site}/snippet.html?name=${encodeURIComponent(HOSTILE.customerName)}#parley=${created.code}`,
    );
    const widget = anna.page.locator('parley-widget');
    const claimed = nextEvent<HandoffClaimed>(olga, 'handoff:claimed');
    await widget.getByRole('button', { name: 'Continue privately' }).click();
    const conversationId = (await claimed).conversation.id;
    await ok(olga.emitWithAck('conversation:join', { conversationId, afterSeq: 0 }));

    // The agent in the console, signed in with a hostile display name of her own.
    const console = await exposedPage(browser);
    const token = stack.parley.mint.agentToken('olga', {
      name: HOSTILE.agentName,
      roles: ['agent'],
      teams: ['social-care'],
    }).token;
    await console.page.goto(`${stack.parley.url}/console/#token=${token}`);
    await console.page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();

    await ok(
      olga.emitWithAck('message:send', {
        conversationId,
        clientMsgId: 'hostile-agent-01',
        text: HOSTILE.agentMessage,
      }),
    );
    await ok(
      olga.emitWithAck('note:add', {
        conversationId,
        clientMsgId: 'hostile-note-001',
        text: HOSTILE.note,
      }),
    );
    const box = widget.getByRole('textbox', { name: 'Your message' });
    await box.fill(HOSTILE.customerMessage);
    await box.press('Enter');
    await console.page.locator('[data-section="mine"]').getByRole('button').first().click();

    for (const [side, page, host, shown] of [
      ['widget', anna, 'parley-widget', SHOWN_IN_WIDGET],
      ['console', console, null, SHOWN_IN_CONSOLE],
    ] as const) {
      for (const text of shown) {
        await expect
          .poll(async () => (await inspect(page.page, host)).text, {
            message: `${side} shows ${text}`,
            timeout: 15_000,
          })
          .toContain(text);
      }
      const seen = await inspect(page.page, host);
      expect(seen.found, side).toEqual([]);
      expect(seen.flag, side).toBeNull();
      expect(page.dialogs, side).toEqual([]);
      expect(page.probeRequests, side).toEqual([]);
    }
    // The bank's own page around the widget holds none of it either.
    const around = await inspect(anna.page, null);
    expect(around.found).toEqual([]);
    expect((await inspect(anna.page, 'parley-widget')).text).not.toContain(HOSTILE.note);
    await anna.context.close();
    await console.context.close();
  });
});
