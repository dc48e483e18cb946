/**
 * A new client message id: the key that makes `message:send` idempotent, so an outbox may resend
 * after a dropped connection without the message appearing twice. A UUID where the browser has
 * `crypto.randomUUID` (secure contexts), else 128 random bits in hex.
 *
 * @example
 * newClientMsgId(); // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function newClientMsgId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
