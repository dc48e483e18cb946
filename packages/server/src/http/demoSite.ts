import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { demoPage } from './demoPage.js';
import type { HttpDeps } from './HttpDeps.js';

/** The demo bank, `examples/bank-site/public` in the repository (the same depth from src and dist). */
const BANK_SITE = fileURLToPath(new URL('../../../../examples/bank-site/public', import.meta.url));
/** Where each page's inline snippet carries the response's CSP nonce. */
const NONCE_PLACEHOLDER = '{{NONCE}}';

/**
 * `/demo` in demo mode: the demo bank (`examples/bank-site`), its pages at `/demo`, `/demo/cards`,
 * `/demo/sign-in`, … and their files at `/demo/assets/`. The pages are read once; each response
 * gets the request's CSP nonce in place of `{{NONCE}}`, so the snippet's inline queue stub runs
 * under the server's strict policy and nothing else inline does. Where the repository's examples
 * are not around (an installed package), `/demo` is the plain page that says what demo mode holds.
 *
 * @example
 * if (deps.config.demo) mountDemoSite(app, deps);
 */
export function mountDemoSite(app: Express, deps: HttpDeps, root = BANK_SITE): void {
  if (!existsSync(root)) {
    app.get('/demo', (req, res) => demoPage(deps, req, res));
    return;
  }
  const pages = new Map<string, string>();
  for (const file of readdirSync(root))
    if (file.endsWith('.html'))
      pages.set(file.slice(0, -5), readFileSync(`${root}/${file}`, 'utf8'));
  const send = (name: string) => (_req: express.Request, res: express.Response) => {
    res.set('Cache-Control', 'no-store');
    res.type('html').send(pages.get(name)?.replaceAll(NONCE_PLACEHOLDER, res.locals.cspNonce));
  };
  app.get('/demo', send('index'));
  for (const name of pages.keys()) if (name !== 'index') app.get(`/demo/${name}`, send(name));
  app.use('/demo/assets', express.static(`${root}/assets`, { index: false, maxAge: '5m' }));
}
