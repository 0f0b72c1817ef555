import { defineConfig } from 'vitest/config';
import { HANG_MS } from './test/timeouts.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Compiles lib/ first: tests that start `ramparts` as a process run the current sources.
    globalSetup: ['test/global-setup.ts'],
    // A hang guard, not a measure: tests wait on conditions and may be slow on a busy machine.
    testTimeout: HANG_MS,
    hookTimeout: HANG_MS,
    // Two cores on CI: keep the pool small so that server and browser tests are not starved.
    maxWorkers: 2,
  },
});
