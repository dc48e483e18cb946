#!/usr/bin/env node
// The strict-CSP example: a bank page whose Content-Security-Policy allows no inline script, no
// eval and no inline style, with the whole chat working. One command:
//   node examples/strict-csp/serve.mjs
// starts a demo Parley server on 127.0.0.1:8080 (PARLEY_PORT) and the page on 127.0.0.1:8081
// (EXAMPLE_PORT).
import { fileURLToPath } from 'node:url';
import { announce, startDemoServer } from '../shared/demoServer.mjs';
import { identityTokenRoute, startStaticSite } from '../shared/staticSite.mjs';

const ROOT = fileURLToPath(new URL('public', import.meta.url));
const parleyPort = Number(process.env.PARLEY_PORT ?? 8080);
const pagePort = Number(process.env.EXAMPLE_PORT ?? 8081);
const pageOrigin = `http://127.0.0.1:${pagePort}`;

/**
 * The page's policy: scripts only from itself and the Parley server, connections only to the
 * Parley server (HTTP and its WebSocket), styles only from files — the widget's own styles are
 * constructed style sheets, which `style-src` does not govern — and no 'unsafe-*' anywhere.
 */
function policy(parleyUrl) {
  const { host } = new URL(parleyUrl);
  return [
    "default-src 'none'",
    `script-src 'self' ${parleyUrl}`,
    `connect-src 'self' ${parleyUrl} ws://${host}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const parley = await startDemoServer(parleyPort, { origins: [pageOrigin] });
const csp = policy(parley.url);
const site = await startStaticSite({
  root: ROOT,
  host: '127.0.0.1',
  port: pagePort,
  headers: () => ({ 'content-security-policy': csp }),
  render: (html) => html.replaceAll('{{PARLEY}}', parley.url).replaceAll('{{CSP}}', csp),
  // The bank's backend: signs the visitor in as a demo customer and hands out identity tokens.
  routes: { '/identity-token': identityTokenRoute(parley.url, 'Ewa Kowalska') },
});
announce(site, parley);
