/**
 * engine.io-client's URI parser (`contrib/parseuri.js`, a 1 KB regular expression kept for
 * platforms without `URL`), aliased in the UI build (`vite.config.ts`) for one on the browser's
 * own `URL`, which every browser the widget supports has. It returns the fields socket.io-client
 * and engine.io-client read: `source`, `protocol` (no colon), `host` (IPv6 without brackets),
 * `port` ('' for the scheme's default, which both clients then fill in), `path`, `query` (no
 * `?`) and `queryKey`. A bare host (`chat.bank.example:8443`, as in the `host` option) is read
 * as `http://` + it, as the stock parser reads it.
 *
 * @example parse('https://chat.bank.example/socket.io').host // 'chat.bank.example'
 */
export function parse(uri: string) {
  const url = new URL(/^[a-z]+:\/\//i.test(uri) ? uri : `http://${uri}`);
  const query = url.search.slice(1);
  return {
    source: uri,
    protocol: url.protocol.slice(0, -1),
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port,
    path: url.pathname,
    query,
    queryKey: Object.fromEntries(new URLSearchParams(query)),
  };
}
