import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Compiles lib/ first: tests that start `ramparts` as a process run the current sources.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores on CI: keep the pool small so that server and browser tests are not starved.
    maxWorkers: 2,
  },
});
