// The redaction engine's size as the widget imports it: `@parley/protocol/redact`, bundled and
// minified by esbuild for the browser, then gzipped (level 9). Budget: 5 KB (5120 bytes).
// Run: node bench/redact/size.mjs   (exit code 1 over budget; no build needed: it bundles the
// TypeScript source through the `@parley/source` export condition, as the widget's bundler does).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const BUDGET_BYTES = 5 * 1024;

/** Bundles `@parley/protocol/redact` and returns its minified and gzipped sizes in bytes. */
export async function redactBundleSize() {
  const result = await build({
    stdin: { contents: "export * from '@parley/protocol/redact';", resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@parley/source'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { minified, gzip } = await redactBundleSize();
  const verdict = gzip <= BUDGET_BYTES ? 'ok' : 'OVER BUDGET';
  process.stdout.write(
    `@parley/protocol/redact: ${minified} B minified, ${gzip} B gzip (budget ${BUDGET_BYTES} B) ${verdict}\n`,
  );
  if (gzip > BUDGET_BYTES) process.exitCode = 1;
}
