import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => ({
  test: {
    reporters: ['default', './tests/support/plainSummaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // `npm run test:stress` (vitest --mode stress): the crash test kills its child 300 times instead of 20.
          env: mode === 'stress' ? { BANTHAO_CRASH_ITERATIONS: '300' } : {},
        },
      },
      {
        test: {
          name: 'editor',
          include: ['tests/editor/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/support/dialogPolyfill.ts'],
        },
      },
      {
        test: {
          name: 'packaging',
          include: ['tests/packaging/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
