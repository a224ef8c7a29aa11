import { availableParallelism } from 'node:os';
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
          // Vitest's default (one fewer than the cores) is one worker on a 2-core machine, and
          // most of a protocol file's time is spent waiting on its server and PostgreSQL: two
          // files at once there took the unit run from about 8.7 to under 8 minutes while two
          // other engineers' builds ran, and every test still passed.
          maxWorkers: Math.max(2, availableParallelism() - 1),
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
