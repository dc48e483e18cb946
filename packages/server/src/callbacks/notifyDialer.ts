import { createHmac } from 'node:crypto';
import type { Callback } from '@parley/protocol';
import type { ServiceContext } from '../services/ServiceContext.js';

/** The header that carries the body's signature, hex HMAC-SHA256 under the shared secret. */
export const SIGNATURE_HEADER = 'x-parley-signature';

/**
 * The signature of a webhook body: `sha256=<hex HMAC-SHA256 of the exact bytes sent>`.
 *
 * @example
 * signBody(secret, body) === request.headers['x-parley-signature'];
 */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Tells the bank's dialer about a call-back (new or changed) with a signed POST. Best effort, off
 * the request path: a dialer that is down must not fail the customer's request; it can always
 * catch up through `GET /v1/callbacks`.
 *
 * @example
 * notifyDialer(ctx, callback, 'callback.created');
 */
export function notifyDialer(
  ctx: ServiceContext,
  callback: Callback,
  event: 'callback.created' | 'callback.updated',
): void {
  const webhook = ctx.settings.callbackWebhook;
  if (webhook === null) return;
  const body = JSON.stringify({ event, callback });
  void fetch(webhook.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signBody(webhook.secret, body),
    },
    body,
    signal: AbortSignal.timeout(5_000),
  })
    .then((response) => {
      if (!response.ok)
        ctx.log.warn(
          { status: response.status, callbackId: callback.id },
          'dialer webhook refused',
        );
    })
    .catch((error: unknown) => {
      ctx.log.warn(
        { callbackId: callback.id, reason: error instanceof Error ? error.name : 'unknown' },
        'dialer webhook failed',
      );
    });
}
