import type { Request, Response } from 'express';
import type { HttpDeps } from './HttpDeps.js';

/**
 * `/demo` in demo mode: a plain page that says what the demo holds and how to try a handoff.
 * Where the repository's demo bank (`examples/bank-site`) is around, `/demo` serves that instead.
 *
 * @example
 * app.get('/demo', (req, res) => demoPage(deps, req, res));
 */
export function demoPage(deps: HttpDeps, _req: Request, res: Response): void {
  const nonce = res.locals.cspNonce as string;
  const agents = deps.config.demoAgents
    .map((a) => `<li><code>${a.id}</code> — ${a.name} (${a.roles.join(', ')})</li>`)
    .join('');
  res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley demo</title>
<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}code{background:#eef1f4;padding:0 .3em;border-radius:4px}</style>
</head><body>
<h1>Parley demo</h1>
<p>Demo mode is on: demo sign-in and these demo staff accounts are enabled.</p>
<ul>${agents}</ul>
<p>Agent console: <a href="/console">/console</a>. REST API: <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
<p>Mint an agent token with <code>npx parley-server token agent alice</code> and create a handoff with
<code>POST /v1/handoffs</code>; the link it returns opens the customer's side.</p>
</body></html>`);
}
