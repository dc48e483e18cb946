import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Express, type Response } from 'express';

const require = createRequire(import.meta.url);

/** The built `dist` folder of a workspace package, or null if it has not been built. */
function distOf(pkg: '@parley/widget' | '@parley/console'): string | null {
  try {
    const dist = join(dirname(require.resolve(`${pkg}/package.json`)), 'dist');
    return existsSync(dist) ? dist : null;
  } catch {
    return null;
  }
}

function notBuilt(res: Response, what: string): void {
  res.status(404).type('text/plain').send(`The ${what} has not been built. Run: npm run build`);
}

/**
 * Serves the built widget and console:
 * - `/widget.js`, the loader banks put in a script tag, and `/widget/*`, the chunks it loads.
 *   Any site may load them (CORS `*`, no credentials): module chunks loaded across origins need
 *   CORS. The loader's URL never changes, so it is cached briefly; chunks carry content hashes.
 * - `/console/*`, the agent console, a single-page app.
 *
 * @example
 * mountStaticAssets(app);
 */
export function mountStaticAssets(app: Express): void {
  const widget = distOf('@parley/widget');
  const consoleDist = distOf('@parley/console');
  const crossOrigin = (res: Response) => {
    res.set({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
  };
  app.get('/widget.js', (_req, res) => {
    if (widget === null) return notBuilt(res, 'widget');
    crossOrigin(res);
    res.set('Cache-Control', 'public, max-age=300');
    res.sendFile(join(widget, 'widget.js'));
  });
  app.use('/widget', (req, res, next) => {
    if (widget === null) return notBuilt(res, 'widget');
    crossOrigin(res);
    express.static(widget, { immutable: true, maxAge: '365d', index: false })(req, res, next);
  });
  app.use('/console', (req, res) => {
    if (consoleDist === null) return notBuilt(res, 'console');
    express.static(consoleDist, { index: 'index.html', maxAge: '5m' })(req, res, () => {
      // A single-page app: unknown paths under /console get the app, which routes itself.
      res.sendFile(join(consoleDist, 'index.html'));
    });
  });
}
