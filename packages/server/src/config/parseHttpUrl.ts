/** The outcome of a parse: the normalised value, or what is wrong with the input. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a URL points at this machine, where plain http cannot be intercepted on the network.
 *
 * @example
 * isLoopback(new URL('http://127.0.0.1:9000/jwks')); // true
 */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
}

/**
 * Parses an absolute http(s) URL without credentials, query or fragment, and returns it without
 * a trailing slash. With `httpsOnly`, plain http is accepted only for loopback hosts: keys and
 * webhook bodies must not cross a network in the clear.
 *
 * @example
 * parseHttpUrl('https://chat.bank.example/'); // { ok: true, value: 'https://chat.bank.example' }
 * parseHttpUrl('ftp://x', {}); // { ok: false, reason: 'must be an http(s) URL' }
 */
export function parseHttpUrl(raw: string, options: { httpsOnly?: boolean } = {}): Parsed<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'must be an http(s) URL' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'must not contain a user name or password' };
  }
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) {
    return { ok: false, reason: 'must not have a query or fragment' };
  }
  if (options.httpsOnly && url.protocol === 'http:' && !isLoopback(url)) {
    return { ok: false, reason: 'must use https (plain http is allowed only for localhost)' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, value: `${url.origin}${path}` };
}

/**
 * Parses an exact web origin (`scheme://host[:port]`), the form browsers send in `Origin`.
 *
 * @example
 * parseOrigin('https://Bank.example:443'); // { ok: true, value: 'https://bank.example' }
 * parseOrigin('https://bank.example/app'); // { ok: false, … }
 */
export function parseOrigin(raw: string): Parsed<string> {
  const parsed = parseHttpUrl(raw);
  if (!parsed.ok) return parsed;
  const origin = new URL(parsed.value).origin;
  if (parsed.value !== origin) {
    return { ok: false, reason: 'must be an origin such as https://bank.example, without a path' };
  }
  return { ok: true, value: origin };
}
