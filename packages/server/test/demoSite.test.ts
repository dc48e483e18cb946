import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/** The CSP nonce a response allows scripts with. */
const SCRIPT_NONCE_REGEX = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/;

/** `/demo` in demo mode: the demo bank of `examples/bank-site`, under the server's strict CSP. */
describe('the demo bank at /demo', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PARLEY_DEMO: 'true' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('gives each page the nonce of its own response, and only its snippet runs inline', async () => {
    const nonces = new Set<string>();
    for (const path of ['/demo', '/demo/current', '/demo/cards', '/demo/help']) {
      const response = await fetch(`${t.url}${path}`);
      expect(response.status, path).toBe(200);
      const nonce = SCRIPT_NONCE_REGEX.exec(response.headers.get('content-security-policy') ?? '');
      expect(nonce, path).not.toBeNull();
      const html = await response.text();
      expect(html).toContain('<title>');
      expect(html).not.toContain('{{NONCE}}');
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map((m) => m[1]);
      expect(inline, path).toEqual([` nonce="${nonce?.[1]}"`]);
      nonces.add(nonce?.[1] ?? '');
    }
    expect(nonces.size).toBe(4);
  });

  it('serves the sign-in page without the widget, the bank’s files, and nothing else', async () => {
    const signIn = await (await fetch(`${t.url}/demo/sign-in`)).text();
    expect(signIn).toContain('id="sign-in-form"');
    expect(signIn).not.toContain('/widget.js');
    const script = await fetch(`${t.url}/demo/assets/bank.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain("loginUrl: '/demo/sign-in'");
    expect((await fetch(`${t.url}/demo/nope`)).status).toBe(404);
    expect((await fetch(`${t.url}/demo/assets/..%2f..%2fpackage.json`)).status).toBe(404);
  });
});
