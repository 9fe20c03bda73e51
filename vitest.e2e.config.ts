import { defineConfig } from 'vitest/config';

// Browser journeys against the built app (dist/): one file at a time, each with its own
// server and Chromium, with room for a slow first start of the embedded database.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
