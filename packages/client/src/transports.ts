/**
 * How both clients reach the server: WebSocket first, so a load balancer needs no sticky sessions
 * wherever WebSockets get through, and long-polling where a proxy or an in-app browser refuses the
 * upgrade. engine.io-client only moves on to the next transport with `tryAllTransports`; without
 * it, it retries WebSocket for ever.
 *
 * @example
 * io(`${server}/customer`, { ...TRANSPORTS, auth });
 */
export const TRANSPORTS = {
  transports: ['websocket', 'polling'],
  tryAllTransports: true,
} as const satisfies { transports: string[]; tryAllTransports: boolean };
