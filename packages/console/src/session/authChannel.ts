/** The channel a sign-in window uses to hand a fresh token to the console that opened it. */
const CHANNEL = 'parley-console-auth';

/** The query parameter that marks a console page opened only to relay a fresh token. */
export const RELAY_PARAM = 'relay';

/**
 * Hands a token from the sign-in window back to the console. A BroadcastChannel, not
 * `window.opener.postMessage`: the server's `Cross-Origin-Opener-Policy: same-origin` severs the
 * opener once the window has been to the identity provider's origin. Same-origin by definition,
 * so nothing else can listen in or post.
 *
 * @example
 * relayToken(token); window.close();
 */
export function relayToken(token: string): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'token', token });
  channel.close();
}

/**
 * Listens for tokens relayed by a sign-in window; returns the function that stops listening.
 *
 * @example
 * const stop = onRelayedToken((token) => refresh(token));
 */
export function onRelayedToken(listener: (token: string) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown; token?: unknown } | null;
    if (data?.type === 'token' && typeof data.token === 'string') listener(data.token);
  };
  return () => channel.close();
}
