// A small static web server for an example's own pages, standing in for the bank's web server:
// files from one folder, the headers the example needs (a Content-Security-Policy), and a few
// routes of the bank's backend. Plain Node.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * Serves `root` on `host`:`port`. `headers(path)` adds response headers to every file,
 * `render(html)` rewrites each HTML page (e.g. to fill in Parley's URL), and `routes` maps a path
 * to a handler `(req, res) => void` (the bank's backend).
 *
 * @example
 * const site = await startStaticSite({ root, host: '127.0.0.1', port: 8081, headers: () => ({}) });
 * console.log(site.url); // http://127.0.0.1:8081
 */
export async function startStaticSite({
  root,
  host,
  port,
  headers = () => ({}),
  render = (html) => html,
  routes = {},
}) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    const route = routes[path];
    if (route !== undefined) return route(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405).end();
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    // Nothing outside the example's folder, whatever the path says.
    if (!file.startsWith(root + sep)) return res.writeHead(404).end();
    try {
      const raw = await readFile(file);
      const body = extname(file) === '.html' ? render(raw.toString('utf8')) : raw;
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...headers(path),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host}:${server.address().port}`;
  return {
    url,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The bank's backend route that signs the customer in and returns a Parley identity token. Here it
 * asks the demo server's demo identity endpoint; a real bank mints the token itself for the
 * customer its own session knows (see docs/embedding.md).
 *
 * @example
 * routes: { '/identity-token': identityTokenRoute(parley.url, 'Piotr Nowak') }
 */
export function identityTokenRoute(parleyUrl, name) {
  return async (req, res) => {
    if (req.method !== 'POST') return res.writeHead(405).end();
    const answer = await fetch(`${parleyUrl}/v1/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    const body = await answer.json();
    res.writeHead(answer.ok ? 200 : 502, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(answer.ok ? { identityToken: body.identityToken } : body));
  };
}
