import { randomBytes } from 'node:crypto';
import { FRAME_MAX_BYTES, ParleyError } from '@parley/protocol';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { allowOrigins } from './allowOrigins.js';
import { chatPage } from './chatPage.js';
import { mountDemoSite } from './demoSite.js';
import type { HttpDeps } from './HttpDeps.js';
import { interstitialPage } from './interstitialPage.js';
import { mountRestRoutes, requestIdOf } from './mountRestRoutes.js';
import { openApiDocument } from './openApiDocument.js';
import { helmetOptions } from './securityHeaders.js';
import { mountStaticAssets } from './staticAssets.js';

/** The pages `PARLEY_FRAME_ANCESTORS` applies to: the hosted chat page alone. */
const FRAMEABLE_PATHS: ReadonlySet<string> = new Set(['/chat']);

function errorBody(error: ParleyError, requestId: string) {
  return { error: { ...error.toWire(), requestId } };
}

/**
 * The Express app: security headers on every response, request ids, the `/v1` REST API from the
 * protocol's route table, health and readiness, metrics, the handoff link page, and one error
 * handler that answers `{ error: { code, message, requestId } }` and leaks nothing else.
 *
 * @example
 * const app = createApp(deps);
 * http.createServer(app);
 */
export function createApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxy === false ? false : deps.config.trustProxy);
  app.set('query parser', 'simple');

  app.use((req, res, next) => {
    res.locals.requestId = requestIdOf(req);
    res.locals.cspNonce = randomBytes(16).toString('base64');
    res.set('X-Request-Id', res.locals.requestId as string);
    const started = performance.now();
    res.on('finish', () => {
      // The route pattern, not the URL: a URL may carry a handoff code (`/h/<code>`).
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      deps.ctx.log.info(
        {
          requestId: res.locals.requestId,
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'http request',
      );
    });
    next();
  });
  app.use((req, res, next) =>
    helmet(
      helmetOptions(deps.config, {
        'default-src': ["'none'"],
        // The nonce lets a page the server renders carry one inline script it wrote itself
        // (the demo bank's snippet); any other inline script, injected or not, stays blocked.
        'script-src': ["'self'", `'nonce-${res.locals.cspNonce as string}'`],
        'style-src': ["'self'", `'nonce-${res.locals.cspNonce as string}'`],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        // Only the hosted chat page may be embedded, and only where the bank allows it; the
        // console, the handoff page and everything else must never sit in another site's frame.
        'frame-ancestors': FRAMEABLE_PATHS.has(req.path)
          ? [...deps.config.frameAncestors]
          : ["'none'"],
      }),
    )(req, res, next),
  );
  app.use('/v1', allowOrigins(deps.config.allowedOrigins));
  app.use(express.json({ limit: FRAME_MAX_BYTES }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res, next) => {
    deps.ctx.store
      .ping()
      .then(
        () => res.json({ status: 'ready' }),
        () => res.status(503).json({ status: 'unavailable' }),
      )
      .catch(next);
  });
  if (deps.config.metrics.token !== null) {
    const expected = `Bearer ${deps.config.metrics.token}`;
    app.get('/metrics', (req, res, next) => {
      if (req.headers.authorization !== expected) {
        res
          .status(401)
          .json(errorBody(new ParleyError('UNAUTHENTICATED'), res.locals.requestId as string));
        return;
      }
      deps.ctx.metrics.registry
        .metrics()
        .then((text) => res.type(deps.ctx.metrics.registry.contentType).send(text), next);
    });
  }
  app.get('/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument(deps.config.publicUrl));
  });
  app.get('/chat', (req, res) => chatPage(deps, req, res));
  app.get('/h/:code', (req, res, next) => {
    interstitialPage(deps, req, res).catch(next);
  });
  if (deps.config.demo) {
    mountDemoSite(app, deps);
  }
  mountRestRoutes(app, deps);
  mountStaticAssets(app);

  app.use((_req, res) => {
    res.status(404).json(errorBody(new ParleyError('NOT_FOUND'), res.locals.requestId as string));
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const requestId = res.locals.requestId as string;
    const status = (error as { status?: number; type?: string }).status;
    const type = (error as { type?: string }).type;
    let parley: ParleyError;
    if (error instanceof ParleyError) parley = error;
    else if (type === 'entity.too.large') parley = new ParleyError('PAYLOAD_TOO_LARGE');
    else if (status === 400 && type === 'entity.parse.failed') {
      parley = new ParleyError('VALIDATION_FAILED', 'The body is not valid JSON.');
    } else {
      deps.ctx.log.error({ err: error, requestId }, 'unexpected error in HTTP request');
      parley = new ParleyError('INTERNAL');
    }
    if (parley.code !== 'INTERNAL') deps.ctx.metrics.rejected.inc({ code: parley.code });
    res.status(parley.status).json(errorBody(parley, requestId));
  });
  return app;
}
