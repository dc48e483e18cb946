#!/usr/bin/env node
// The npm + Vite example: builds the app (`vite build`, with @parley/widget from its built ES
// module), then serves the build and starts a demo Parley server. One command:
//   node examples/npm-vite/serve.mjs
// Parley on 127.0.0.1:8080 (PARLEY_PORT), the app on 127.0.0.1:8081 (EXAMPLE_PORT).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { announce, startDemoServer } from '../shared/demoServer.mjs';
import { identityTokenRoute, startStaticSite } from '../shared/staticSite.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const WIDGET_ESM = fileURLToPath(
  new URL('../../packages/widget/dist/esm/index.js', import.meta.url),
);
const parleyPort = Number(process.env.PARLEY_PORT ?? 8080);
const pagePort = Number(process.env.EXAMPLE_PORT ?? 8081);
const appOrigin = `http://127.0.0.1:${pagePort}`;

if (!existsSync(WIDGET_ESM)) {
  console.error('The widget is not built yet. Run: npm run build (once), then this command again.');
  process.exit(1);
}
await build({ configFile: `${HERE}vite.config.ts` });
const parley = await startDemoServer(parleyPort, { origins: [appOrigin] });
const site = await startStaticSite({
  root: `${HERE}dist`,
  host: '127.0.0.1',
  port: pagePort,
  routes: {
    // Run-time configuration: the same build works against any Parley server.
    '/config.json': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ parleyServer: parley.url }));
    },
    // The bank's backend: signs the visitor in as a demo customer.
    '/identity-token': identityTokenRoute(parley.url, 'Piotr Nowak'),
  },
});
announce(site, parley);
