import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * One vitest project per package. Workspace packages resolve to their TypeScript source through
 * the `@parley/source` export condition, so tests never need a build first.
 */
const SOURCE_CONDITION = '@parley/source';

export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
  test: {
    setupFiles: ['./test/setup/failOnConsole.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'protocol',
          include: ['packages/protocol/src/**/*.test.ts'],
          environment: 'node',
          typecheck: {
            enabled: true,
            include: ['packages/protocol/src/**/*.test-d.ts'],
            tsconfig: './packages/protocol/tsconfig.json',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          include: ['packages/client/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
          environment: 'node',
          // Each file starts its own server on port 0 with its own SQLite file; files run in
          // parallel, tests inside a file one after another.
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        // The agent console's components: Preact's automatic JSX runtime, a simulated DOM.
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'console',
          include: ['packages/console/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Bundled with the components, so both use the one Preact (two copies break hooks).
          server: { deps: { inline: ['@testing-library/preact'] } },
        },
      },
      {
        extends: true,
        // Preact's automatic JSX runtime for the widget's .tsx files.
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'widget',
          include: ['packages/widget/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Bundled with the components, so both use the one Preact (two copies break hooks).
          server: { deps: { inline: ['@testing-library/preact'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Each file drives Debian's Chromium against a real server and the built bundles; one
          // file at a time keeps two cores from thrashing.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'docs',
          include: ['test/docs/**/*.test.ts'],
          environment: 'node',
          // The runnable blocks share one demo server (the built CLI) and each may start `npx`:
          // one file, generous timeouts on a busy machine.
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          // Each file starts its own servers on port 0; floods, handshake bursts and memory
          // samples of the in-process server need the machine to themselves: one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          environment: 'node',
          // Several server processes, PostgreSQL and Redis on two cores: one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
