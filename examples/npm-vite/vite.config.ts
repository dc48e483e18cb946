import { defineConfig } from 'vite';

/**
 * A plain Vite app: `@parley/widget` resolves to its built ES module (`dist/esm`) through the
 * package's `default` export condition, as it would from the npm registry.
 */
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
