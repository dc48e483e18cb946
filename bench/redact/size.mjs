// The redaction engine's size as its users import it from `@parley/protocol/redact`, bundled and
// minified by esbuild for the browser, then gzipped (level 9). Budget: 5 KB (5120 bytes) for
// `{ redact, createConversationRedactor, containsSensitiveNumber }` (the widget imports the first
// and the last; the server all three).
// Run: node bench/redact/size.mjs   (exit code 1 over budget; no build needed: it bundles the
// TypeScript source through the `@parley/source` export condition, as the widget's bundler does).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const BUDGET_BYTES = 5 * 1024;

/** The import the budget is for, and the widget's own. */
export const IMPORTS = {
  all: 'redact, createConversationRedactor, containsSensitiveNumber',
  widget: 'redact, containsSensitiveNumber',
};

/** Bundles `export { names } from '@parley/protocol/redact'`; its minified and gzipped bytes. */
export async function redactBundleSize(names = IMPORTS.all) {
  const result = await build({
    stdin: {
      contents: `export { ${names} } from '@parley/protocol/redact';`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@parley/source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // The engine's kinds come from schemas/message.ts as a type only: no valibot in the bundle.
  const dependencies = Object.keys(result.metafile.inputs).filter((path) =>
    path.includes('node_modules'),
  );
  if (dependencies.length > 0) throw new Error(`redact bundles dependencies: ${dependencies}`);
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  for (const names of [IMPORTS.all, IMPORTS.widget]) {
    const { minified, gzip } = await redactBundleSize(names);
    over ||= gzip > BUDGET_BYTES;
    const verdict = gzip <= BUDGET_BYTES ? 'ok' : 'OVER BUDGET';
    process.stdout.write(
      `{ ${names} }: ${minified} B minified, ${gzip} B gzip (budget ${BUDGET_BYTES} B) ${verdict}\n`,
    );
  }
  if (over) process.exitCode = 1;
}
