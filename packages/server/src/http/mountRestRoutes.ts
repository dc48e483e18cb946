import { randomUUID } from 'node:crypto';
import {
  Id,
  ParleyError,
  PrincipalId,
  type RouteName,
  type RouteSpec,
  restRoutes,
  validate,
} from '@parley/protocol';
import type { Express, NextFunction, Request, Response } from 'express';
import { clientAddress } from './clientAddress.js';
import type { HttpDeps } from './HttpDeps.js';
import { requestActor } from './requestActor.js';
import { restHandlers, TextAnswer } from './restHandlers.js';

/** A valibot schema, as the route table holds them (the server does not depend on valibot). */
type Schema = NonNullable<RouteSpec['body']>;

/**
 * The schema of each path parameter of `restRoutes`. Handlers write these values into the audit
 * log and the store (`customer.erase` names the customer), so they are validated like every other
 * input: without this, any text — a card number, control characters — reached the audit log.
 */
const PATH_PARAMS: Readonly<Record<string, Schema>> = {
  conversationId: Id,
  holdId: Id,
  customerId: PrincipalId,
  agentId: PrincipalId,
};

/** A `:name` segment of an Express path. */
const PATH_PARAM_REGEX = /:(\w+)/g;

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
 * Mounts every route of the protocol's REST table: authenticate for the route, validate path
 * parameters, body and query with their schemas, run the handler, answer with the route's status.
 * Errors go to the app's error handler, which answers `{ error: { code, message, requestId } }`.
 *
 * @example
 * mountRestRoutes(app, deps);
 */
export function mountRestRoutes(app: Express, deps: HttpDeps): void {
  const handlers = restHandlers(deps);
  for (const [name, spec] of Object.entries(restRoutes) as [RouteName, RouteSpec][]) {
    const method = spec.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    const paramNames = [...spec.path.matchAll(PATH_PARAM_REGEX)].map((m) => m[1] ?? '');
    const unknown = paramNames.find((param) => PATH_PARAMS[param] === undefined);
    if (unknown !== undefined)
      throw new Error(
        `No schema for the path parameter :${unknown} of ${name}; add it to PATH_PARAMS.`,
      );
    app[method](spec.path, (req: Request, res: Response, next: NextFunction) => {
      void (async () => {
        const requestId = res.locals.requestId as string;
        const actor = await requestActor(deps.auth, req, spec.auth);
        for (const param of paramNames) {
          if (!validate(PATH_PARAMS[param] as Schema, req.params[param]).ok) {
            throw new ParleyError('VALIDATION_FAILED', `The ${param} in the path is malformed.`, {
              path: param,
            });
          }
        }
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
