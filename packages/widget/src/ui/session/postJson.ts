import type { Ack } from '@parley/protocol';

/**
 * A REST call to the Parley server, answered as an `Ack` like the socket's requests, so callers
 * handle one shape. Bearer tokens only, never cookies (`credentials: 'omit'`); a network failure
 * becomes `UNAVAILABLE`.
 *
 * @example
 * const ack = await postJson<HandoffPreview>(server, '/v1/handoffs/preview', { code });
 */
export async function postJson<T>(
  server: string,
  path: string,
  body: object,
  token?: string,
): Promise<Ack<T>> {
  try {
    const response = await fetch(server + path, {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      headers: {
        'Content-Type': 'application/json',
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as T | { error: Ack<never> & { ok: false } };
    if (response.ok) return { ok: true, data: json as T };
    const error = (json as { error?: { code?: string; message?: string } }).error;
    return {
      ok: false,
      error: {
        code: (error?.code ?? 'INTERNAL') as 'INTERNAL',
        message: error?.message ?? response.statusText,
      },
    };
  } catch (error) {
    return { ok: false, error: { code: 'UNAVAILABLE', message: String(error) } };
  }
}
