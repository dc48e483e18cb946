import type { NextFunction, Request, Response } from 'express';

/**
 * CORS for the REST API, for the configured origins only: the widget on the bank's pages calls
 * `/v1/customer/sessions` and `/v1/handoffs/preview` from another origin. Credentials (cookies)
 * are never allowed: Parley authenticates with bearer tokens only.
 *
 * @example
 * app.use('/v1', allowOrigins(config.allowedOrigins));
 */
export function allowOrigins(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (origin !== undefined && allowed.has(origin)) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Request-Id',
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
        'Access-Control-Max-Age': '600',
      });
    }
    res.vary('Origin');
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

/**
 * Whether a browser page at `origin` may open a socket. Requests without an Origin header come
 * from servers and native apps, which no page can forge on a victim's behalf.
 *
 * @example
 * new Server(http, { allowRequest: (req, cb) => cb(null, originAllowed(origins, req.headers.origin)) });
 */
export function originAllowed(origins: readonly string[], origin: string | undefined): boolean {
  return origin === undefined || origins.includes(origin);
}
