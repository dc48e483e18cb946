import { createServer, type Server } from 'node:http';
import type { Metrics } from './createMetrics.js';

/**
 * Serves `/metrics` alone on an internal port (`PARLEY_METRICS_PORT`), for scrapers inside the
 * bank's network; the public port then needs no metrics token. Anything else answers 404.
 *
 * @example
 * const server = await serveMetrics(metrics, 9464, '127.0.0.1');
 */
export async function serveMetrics(metrics: Metrics, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
