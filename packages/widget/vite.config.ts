import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Three builds, one per `--mode`, run in this order by `npm run build`:
 * - `ui`: the UI chunk (`dist/ui-[hash].js`, ESM) and one chunk per non-default locale. The
 *   server serves `dist/*` at `/widget/*`.
 * - `loader`: `dist/widget.js`, a classic IIFE script with no imports that `import()`s the UI
 *   chunk named in the `ui` build's manifest from `<its own folder>/widget/`.
 * - `esm`: `dist/esm/index.js` for bundlers; dependencies stay external.
 */
const SOURCE_CONDITION = '@parley/source';
const UI_ENTRY = 'src/ui/mountUi.tsx';
/** See `src/vendor/noWebTransport.ts`. */
const NO_WEB_TRANSPORT = fileURLToPath(new URL('src/vendor/noWebTransport.ts', import.meta.url));
/** See `src/vendor/textOnlyParser.ts`. */
const TEXT_ONLY_PARSER = fileURLToPath(new URL('src/vendor/textOnlyParser.ts', import.meta.url));
/** See `src/vendor/parseUri.ts`. */
const PARSE_URI = fileURLToPath(new URL('src/vendor/parseUri.ts', import.meta.url));
/** See `src/vendor/textOnlyEngineParser.ts`. */
const TEXT_ONLY_ENGINE_PARSER = fileURLToPath(
  new URL('src/vendor/textOnlyEngineParser.ts', import.meta.url),
);
/**
 * engine.io-client's long-polling fallback on `fetch` (its own `Fetch` transport, for browsers)
 * instead of XMLHttpRequest: the XHR transport carries old-browser paths (XDomainRequest, the
 * XHR2 probe, request objects with their own emitter) the widget's browsers never take, ~0.9 KB
 * gzip. The transport table is the one place that names it. The build fails if that import ever
 * changes, rather than shipping the XHR transport unnoticed.
 */
const XHR_IMPORT = 'import { XHR } from "./polling-xhr.node.js";';
const fetchPolling: Plugin = {
  name: 'parley:fetch-polling',
  transform(code, id) {
    // Its one top-level statement probes XHR2 for itself; unused, the module can go.
    if (id.endsWith('/engine.io-client/build/esm/transports/polling-xhr.js'))
      return { code, moduleSideEffects: false };
    if (!id.endsWith('/engine.io-client/build/esm/transports/index.js')) return null;
    if (!code.includes(XHR_IMPORT)) throw new Error(`engine.io-client changed: ${id}`);
    return code.replace(XHR_IMPORT, 'import { Fetch as XHR } from "./polling-fetch.js";');
  },
};
/** Modules loaded on demand: the non-default catalogs, the call-back screen, the survey. */
const LAZY_MODULE_REGEX =
  /\/src\/(?:i18n\/(?:ru|pl|bg|nl)|ui\/(?:phoneDefaults|components\/(?:Callback\w+|SurveyForm|LinkGone|SessionEnded|OpenInBrowser|DemoSignIn|EndChatConfirm)))\.tsx?$/;

const shared: UserConfig = {
  resolve: {
    conditions: [SOURCE_CONDITION, 'browser', 'module', 'import', 'default'],
    alias: [
      { find: /^\.\/webtransport\.js$/, replacement: NO_WEB_TRANSPORT },
      { find: /^socket\.io-parser$/, replacement: TEXT_ONLY_PARSER },
      { find: /^\.\/contrib\/parseuri\.js$/, replacement: PARSE_URI },
      { find: /^engine\.io-parser$/, replacement: TEXT_ONLY_ENGINE_PARSER },
    ],
  },
  plugins: [fetchPolling],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Never pull in Node's `process` shims or dev-only branches.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    minify: true,
    sourcemap: false,
    modulePreload: false,
    reportCompressedSize: false,
  },
};

function uiChunkName(): string {
  const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<
    string,
    { file: string }
  >;
  const entry = manifest[UI_ENTRY];
  if (entry === undefined) throw new Error('Build the UI first: vite build --mode ui');
  return entry.file;
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'ui') {
    return {
      ...shared,
      build: {
        ...shared.build,
        outDir: 'dist',
        emptyOutDir: true,
        manifest: true,
        // Library mode: no module-preload helper (3 KB) around the locale chunks' imports.
        lib: { entry: { ui: UI_ENTRY }, formats: ['es'] },
        rolldownOptions: {
          // Lets the entry module live in the one `ui` chunk instead of a facade that imports it.
          preserveEntrySignatures: 'allow-extension',
          output: {
            // Library mode skips whitespace minification of ES output by default, and keeps the
            // pure annotations a library's consumers would want; this chunk is final.
            minify: true,
            comments: false,
            entryFileNames: 'ui-[hash].js',
            chunkFileNames: '[name]-[hash].js',
            // One file for everything opening the chat needs (one round trip, not a waterfall);
            // only the lazy screens and the other locales stay apart.
            manualChunks: (id) => (LAZY_MODULE_REGEX.test(id) ? undefined : 'ui'),
          },
        },
      },
    };
  }
  if (mode === 'loader') {
    return {
      ...shared,
      define: { ...shared.define, __PARLEY_UI__: JSON.stringify(uiChunkName()) },
      build: {
        ...shared.build,
        outDir: 'dist',
        emptyOutDir: false,
        lib: {
          entry: 'src/loader/loader.ts',
          formats: ['iife'],
          name: 'ParleyLoader',
          fileName: () => 'widget.js',
        },
      },
    };
  }
  if (mode === 'esm') {
    return {
      ...shared,
      define: {},
      build: {
        ...shared.build,
        outDir: 'dist/esm',
        emptyOutDir: true,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
        rolldownOptions: {
          external: [/^preact/, /^socket\.io-client/, /^@parley\//],
          output: { chunkFileNames: '[name]-[hash].js' },
        },
      },
    };
  }
  throw new Error(`Unknown mode "${mode}": use --mode ui, loader or esm.`);
});
