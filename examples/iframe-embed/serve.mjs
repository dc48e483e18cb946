#!/usr/bin/env node
// The iframe example: a partner's page on another origin embeds Parley's hosted chat page in an
// iframe. One command:
//   node examples/iframe-embed/serve.mjs
// starts a demo Parley server on 127.0.0.1:8080 (PARLEY_PORT) that lets the partner frame it,
// and the partner's page on 127.0.0.2:8081 (EXAMPLE_PORT) — another origin, and another site:
// the chat runs as a third party, as in a partner page or a social platform's web view.
import { fileURLToPath } from 'node:url';
import { announce, startDemoServer } from '../shared/demoServer.mjs';
import { startStaticSite } from '../shared/staticSite.mjs';

const ROOT = fileURLToPath(new URL('public', import.meta.url));
const parleyPort = Number(process.env.PARLEY_PORT ?? 8080);
const pagePort = Number(process.env.EXAMPLE_PORT ?? 8081);
// Every 127.x.y.z address is this machine on Linux; elsewhere, add 127.0.0.2 as a loopback alias.
const partnerOrigin = `http://127.0.0.2:${pagePort}`;

// Only the partner (and Parley itself) may frame the chat page: CSP frame-ancestors.
const parley = await startDemoServer(parleyPort, {
  env: { PARLEY_FRAME_ANCESTORS: `'self' ${partnerOrigin}` },
});
const site = await startStaticSite({
  root: ROOT,
  host: '127.0.0.2',
  port: pagePort,
  // The partner's own policy: it may frame Parley and nothing else, and runs no script at all.
  headers: () => ({
    'content-security-policy': `default-src 'none'; frame-src ${parley.url}; style-src 'self'; img-src 'self' data:; base-uri 'none'`,
  }),
  render: (html) => html.replaceAll('{{PARLEY}}', parley.url),
});
announce(site, parley);
