import { defineConfig } from 'vitest/config';

// Two projects: `unit` (Node: shared rules, client data layer with fake-indexeddb, and the real
// server over HTTP on PGlite and PostgreSQL) and `e2e` (Playwright driving Chromium against the
// real server). Browser component tests run under Web Test Runner instead.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/e2e/support/csp-guard.ts'],
        },
      },
    ],
  },
});
