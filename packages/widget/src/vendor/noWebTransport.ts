/**
 * Stands in for engine.io-client's WebTransport transport (`transports/webtransport.js`), which
 * the widget never asks for (`transports: ['websocket', 'polling']`) but which engine.io-client's
 * transport table would otherwise pull into the bundle (~0.4 KB gzip). Aliased in
 * `vite.config.ts`; asking for `webtransport` would fail loudly rather than silently.
 */
export class WT {
  constructor() {
    throw new Error('WebTransport is not bundled in the Parley widget.');
  }
}
