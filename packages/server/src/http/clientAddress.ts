import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../config/index.js';

const compiled = new WeakMap<object, (addr: string, i: number) => boolean>();

function trustFunction(trust: TrustProxy): (addr: string, i: number) => boolean {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_addr, i) => i < trust;
  const key = trust as object;
  let fn = compiled.get(key);
  if (fn === undefined) {
    fn = proxyaddr.compile([...trust]);
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * The client's address, honouring `PARLEY_TRUST_PROXY` the way Express does, so per-address
 * limits count customers and not the load balancer. Works for HTTP requests and Socket.IO
 * handshakes alike (both are `IncomingMessage`s).
 *
 * @example
 * clientAddress(socket.request, config.trustProxy);
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  return proxyaddr(req, trustFunction(trust));
}
