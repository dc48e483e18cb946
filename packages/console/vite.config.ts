import preact from '@preact/preset-vite';
import { defaultClientConditions, defineConfig } from 'vite';

/**
 * The console is served by the Parley server under `/console/` (see
 * packages/server/src/http/staticAssets.ts), behind a CSP of `script-src 'self'` and
 * `style-src 'self' 'nonce-…'`: so no inline script, and CSS only as external files. Workspace
 * packages resolve to their TypeScript source (`@parley/source`), so no build of them comes first.
 */
export default defineConfig({
  base: '/console/',
  plugins: [preact({ devtoolsInProd: false, prefreshEnabled: false })],
  resolve: { conditions: ['@parley/source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Vite's modulepreload polyfill would be fine (it is bundled, not inline), but every
    // supported browser has native modulepreload.
    modulePreload: { polyfill: false },
    // Inlined assets become data: URLs in CSS, which the CSP allows only for images; keep files.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
