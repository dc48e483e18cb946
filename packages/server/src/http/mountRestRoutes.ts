import { randomUUID } from 'node:crypto';
import { type RouteName, type RouteSpec, restRoutes, validate } from '@parley/protocol';
import type { Express, NextFunction, Request, Response } from 'express';
import { clientAddress } from './clientAddress.js';
import type { HttpDeps } from './HttpDeps.js';
import { requestActor } from './requestActor.js';
import { restHandlers, TextAnswer } from './restHandlers.js';

/** A request id a client or proxy may pass along; anything else is replaced by our own. */
const REQUEST_ID_REGEX = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The request id of a request: the caller's `X-Request-Id` when it is well-formed, else a new
 * UUID. Every log line and error body carries it, so a customer can quote it.
 *
 * @example
 * const id = requestIdOf(req);
 */
export function requestIdOf(req: Request): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID_REGEX.test(header) ? header : randomUUID();
}

/**
 * Mounts every route of the protocol's REST table: authenticate for the route, validate body and
 * query with the route's schemas, run the handler, answer with the route's status. Errors go to
 * the app's error handler, which answers `{ error: { code, message, requestId } }`.
 *
 * @example
 * mountRestRoutes(app, deps);
 */
export function mountRestRoutes(app: Express, deps: HttpDeps): void {
  const handlers = restHandlers(deps);
  for (const [name, spec] of Object.entries(restRoutes) as [RouteName, RouteSpec][]) {
    const method = spec.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    app[method](spec.path, (req: Request, res: Response, next: NextFunction) => {
      void (async () => {
        const requestId = res.locals.requestId as string;
        const actor = await requestActor(deps.auth, req, spec.auth);
        let body: unknown;
        if (spec.body !== undefined) {
          const parsed = validate(spec.body, req.body ?? {});
          if (!parsed.ok) return res.status(400).json({ error: { ...parsed.error, requestId } });
          body = parsed.value;
        }
        let query: Record<string, string | undefined> = {};
        if (spec.query !== undefined) {
          const parsed = validate(spec.query, { ...req.query });
          if (!parsed.ok) return res.status(400).json({ error: { ...parsed.error, requestId } });
          query = parsed.value as Record<string, string | undefined>;
        }
        const result = await handlers[name]({
          actor,
          body,
          query,
          params: req.params as Record<string, string>,
          requestId,
          address: clientAddress(req, deps.config.trustProxy),
        });
        if (result instanceof TextAnswer)
          return res.status(200).type('text/plain; charset=utf-8').send(result.text);
        return res.status(spec.status ?? 200).json(result);
      })().catch(next);
    });
  }
}
