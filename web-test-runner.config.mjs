// Web Test Runner: component tests in the real Chromium the machine has (Debian's
// /usr/bin/chromium), never a browser Playwright would download.
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './tests/support/chromium.mjs';

/** Counts every test of every file and, when ROVE_WTR_RESULTS names a file, writes them there. */
function countingReporter() {
  const count = (suite, totals, file, path = []) => {
    if (!suite) return;
    for (const test of suite.tests) {
      if (test.skipped) totals.skipped++;
      else if (test.passed) totals.passed++;
      else {
        totals.failed++;
        totals.failures.push({
          file,
          name: [...path, test.name].join(' > '),
          message: test.error?.message ?? '',
        });
      }
    }
    for (const child of suite.suites) count(child, totals, file, [...path, child.name]);
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = {
        passed: 0,
        failed: 0,
        skipped: 0,
        files: sessions.length,
        brokenFiles: [],
        failures: [],
      };
      for (const session of sessions) {
        count(session.testResults, totals, session.testFile);
        // A file that failed to load or threw outside a test has no test to count: count it once.
        if (!session.passed && (session.errors.length > 0 || !session.testResults)) {
          totals.failed++;
          totals.brokenFiles.push(session.testFile);
          totals.failures.push({
            file: session.testFile,
            name: '(outside any test)',
            message: session.errors.map((e) => e.message).join('; '),
          });
        }
      }
      if (process.env.ROVE_WTR_RESULTS)
        writeFileSync(process.env.ROVE_WTR_RESULTS, JSON.stringify(totals));
    },
  };
}

export default {
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  // Two shared cores: give a slow first bundle and a slow axe run room before calling it a hang.
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    // Dexie's `import` entry wraps its UMD build, which a browser cannot import as ESM. The
    // tests take the build the app ships (vite.config.ts aliases `dexie` to it): its modern ES
    // module.
    {
      name: 'dexie-esm',
      resolveImport: ({ source }) =>
        source === 'dexie' ? '/node_modules/dexie/dist/modern/dexie.mjs' : undefined,
    },
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions(),
    }),
  ],
  reporters: [defaultReporter(), countingReporter()],
};
