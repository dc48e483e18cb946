import { isIP } from 'node:net';
import type { TrustProxy } from './Config.js';
import type { Parsed } from './parseHttpUrl.js';

/** proxy-addr's names for address ranges. */
const NAMED_RANGES: ReadonlySet<string> = new Set(['loopback', 'linklocal', 'uniquelocal']);
const HOPS_REGEX = /^\d{1,2}$/;
const PREFIX_REGEX = /^\d{1,3}$/;

/** Whether `entry` is an IP address or CIDR subnet such as `10.0.0.0/8` or `fd00::/8`. */
function isAddressOrSubnet(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return PREFIX_REGEX.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Parses Express's `trust proxy`. Trusting every hop (`true`) is refused: a client could then
 * forge `X-Forwarded-For` and dodge per-address rate limits.
 *
 * @example
 * parseTrustProxy('1'); // { ok: true, value: 1 }
 * parseTrustProxy('loopback, 10.0.0.0/8'); // { ok: true, value: ['loopback', '10.0.0.0/8'] }
 */
export function parseTrustProxy(raw: string): Parsed<TrustProxy> {
  const value = raw.trim().toLowerCase();
  if (value === 'false' || value === '0') return { ok: true, value: false };
  if (value === 'true') {
    return {
      ok: false,
      reason:
        'must not be true (any client could forge its address); give the hop count or the proxies’ subnets',
    };
  }
  if (HOPS_REGEX.test(value)) return { ok: true, value: Number(value) };
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !NAMED_RANGES.has(e) && !isAddressOrSubnet(e));
  if (bad !== undefined) {
    return {
      ok: false,
      reason: `has "${bad.slice(0, 60)}", which is not a hop count, an IP, a subnet (10.0.0.0/8) or loopback/linklocal/uniquelocal`,
    };
  }
  return { ok: true, value: entries };
}
