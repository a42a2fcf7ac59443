import { defineConfig } from 'vitest/config';

// Unit and integration tests in Node; the same core tests also run in Chromium (e2e/core-in-browser).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-fast-check.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
