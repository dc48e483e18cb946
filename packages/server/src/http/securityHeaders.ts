import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import helmet, { type HelmetOptions } from 'helmet';
import type { Server } from 'socket.io';
import type { Config } from '../config/index.js';

type CspDirectives = NonNullable<
  Exclude<HelmetOptions['contentSecurityPolicy'], boolean | undefined>['directives']
>;

/**
 * helmet's options for every response Parley sends: the given CSP (and nothing of helmet's
 * default one), `Referrer-Policy: no-referrer` (a handoff page's URL holds its code), and HSTS
 * only where the public URL is https (on a plain-http demo it would lock browsers out).
 *
 * @example
 * app.use(helmet(helmetOptions(config, { 'default-src': ["'none'"] })));
 */
export function helmetOptions(config: Config, directives: CspDirectives): HelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: config.publicUrl.startsWith('https:') ? { maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: 'no-referrer' },
  };
}

/**
 * The headers helmet sets for `options`, read once: Engine.IO's answers carry no pages, so one
 * fixed set serves all of them, and the raw answers below need it as plain header lines.
 */
function fixedHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers[name] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name];
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  if (headers['Content-Security-Policy'] === undefined)
    throw new Error(
      'helmet set no Content-Security-Policy synchronously; check the helmet version',
    );
  return headers;
}

/** `HTTP/1.1 400 Bad Request\r\n…` with `headers` added right after the status line. */
function withHeaderLines(rawResponse: string, headers: Record<string, string>): string {
  const end = rawResponse.indexOf('\r\n');
  if (end < 0) return rawResponse;
  const lines = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return `${rawResponse.slice(0, end + 2)}${lines}${rawResponse.slice(end + 2)}`;
}

/** Node's own statuses for requests it cannot parse (`http` module, `onParserExecuteCommon`). */
function clientErrorStatus(code: string | undefined): string {
  if (code === 'HPE_HEADER_OVERFLOW') return '431 Request Header Fields Too Large';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return '408 Request Timeout';
  return '400 Bad Request';
}

/**
 * Puts the security headers on the answers that never pass through Express and its helmet:
 *
 * - Engine.IO's polling responses and its refusals (an unknown `sid`, an origin outside the
 *   allowlist, a bad transport). Every polling request and WebSocket upgrade runs the engine's
 *   middlewares before it is verified, so headers set there end up on whatever it answers,
 *   and on a successful upgrade's `101` too.
 * - A refused WebSocket upgrade, which Engine.IO writes straight to the TCP socket as raw text:
 *   the first write on an upgrading socket gets the header lines inserted.
 * - Requests Node itself cannot parse, which it would answer with a bare status line.
 *
 * None of these answers holds a page, so they get the strictest CSP: nothing may load, nothing
 * may frame them.
 *
 * @example
 * secureRawAnswers(io, http, config);
 */
export function secureRawAnswers(io: Server, http: HttpServer, config: Config): void {
  const headers = fixedHeaders(
    helmetOptions(config, { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] }),
  );
  io.engine.use((_req: IncomingMessage, res: ServerResponse, next: () => void) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  });
  // Prepended, so it runs before Engine.IO's own upgrade listener (added when `io` was created).
  http.prependListener('upgrade', (_req: IncomingMessage, socket: Duplex) => {
    const write = socket.write;
    socket.write = function firstWrite(this: Duplex, chunk: unknown, ...rest: unknown[]) {
      socket.write = write;
      const text =
        typeof chunk === 'string' && /^HTTP\/1\.1 [45]/.test(chunk)
          ? withHeaderLines(chunk, headers)
          : chunk;
      return (write as (...args: unknown[]) => boolean).call(this, text, ...rest);
    } as Duplex['write'];
  });
  http.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(
      withHeaderLines(
        `HTTP/1.1 ${clientErrorStatus(error.code)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        headers,
      ),
    );
  });
}
