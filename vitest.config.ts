import { defineConfig } from 'vitest/config';

// Unit tests (src/**) and integration tests (test/integration/**) on a real database.
// Browser tests have their own config (vitest.e2e.config.ts): they need the built app.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
