import { ERROR_CODES, isErrorCode, validate, type WireError } from '@parley/protocol';
import type { GenericSchema, InferOutput } from 'valibot';

/** The outcome of a REST call: the validated body, or an error the agent can act on. */
export type RestResult<T> = { ok: true; data: T } | { ok: false; error: WireError };

/** How long a REST call may take before the agent is told to retry. */
const REST_TIMEOUT_MS = 15_000;

function failure(code: WireError['code'], message?: string): RestResult<never> {
  return { ok: false, error: { code, message: message ?? ERROR_CODES[code].message } };
}

/** The server's `{ error: { code, message } }`, or null when the body is something else. */
function errorOf(body: unknown): WireError | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (!isErrorCode(code) || typeof message !== 'string') return null;
  return { code, message };
}

/**
 * Calls the Parley REST API on the console's own origin with the agent's bearer token (never a
 * cookie), validates the answer with the protocol's schema and never throws: network failures,
 * timeouts and unexpected bodies all come back as an error with a message that says what to do.
 *
 * @example
 * const result = await restRequest(NpsReport, '/v1/reports/nps', { token });
 * if (result.ok) render(result.data);
 */
export async function restRequest<TSchema extends GenericSchema>(
  schema: TSchema,
  path: string,
  options: { token?: string | null; method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<RestResult<InferOutput<TSchema>>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'omit',
      signal: AbortSignal.timeout(REST_TIMEOUT_MS),
    });
  } catch {
    return failure(
      'UNAVAILABLE',
      'The Parley server could not be reached. Check your network and try again.',
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure(
      'INTERNAL',
      `The server answered ${response.status} without JSON. Try again; if it persists, tell your administrator.`,
    );
  }
  if (!response.ok) return { ok: false, error: errorOf(body) ?? fallbackError(response.status) };
  const parsed = validate(schema, body);
  if (!parsed.ok) {
    return failure(
      'INTERNAL',
      'The server sent an answer this console does not understand. Reload the page to get the latest console.',
    );
  }
  return { ok: true, data: parsed.value };
}

function fallbackError(status: number): WireError {
  const code =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
        ? 'FORBIDDEN'
        : status === 404
          ? 'NOT_FOUND'
          : 'INTERNAL';
  return { code, message: ERROR_CODES[code].message };
}
