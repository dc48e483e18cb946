import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInput } from './fixtures.js';
import { ok, startTestServer, type TestServer } from './harness.js';

const SIGN_IN = 'https://login.bank.example/sign-in/parley';

/** The `/h/<code>` button and the hosted `/chat` page of a server outside demo mode. */
describe('the hosted chat page', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      PARLEY_PUBLIC_URL: 'https://chat.bank.example',
      PARLEY_CUSTOMER_SIGN_IN_URL: SIGN_IN,
    });
  });
  afterAll(async () => {
    await t.stop();
  });

  it("leads the link page's button to /chat with the code in the fragment", async () => {
    const olga = await t.agent('olga', { name: 'Olga' });
    const { code } = await ok(olga.emitWithAck('handoff:create', handoffInput()));
    const html = await (await fetch(`${t.url}/h/${code}`)).text();
    // PARLEY_CHAT_URL is unset: the default is the server's own hosted page.
    expect(html).toContain(`href="https://chat.bank.example/chat#parley=${code}"`);
  });

  it("points the widget at the bank's login page, with no demo sign-in", async () => {
    const response = await fetch(`${t.url}/chat`, { headers: { 'accept-language': 'pl' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain(`data-parley-login-url="${SIGN_IN}"`);
    expect(html).not.toContain('data-parley-demo-sign-in');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
  });

  it('leaves the login URL out when none is configured', async () => {
    const plain = await startTestServer();
    try {
      const html = await (await fetch(`${plain.url}/chat`)).text();
      expect(html).toContain('data-parley-mode="inline"');
      expect(html).not.toContain('data-parley-login-url');
    } finally {
      await plain.stop();
    }
  });
});
