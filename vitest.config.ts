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
    ],
  },
});
