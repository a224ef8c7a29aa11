// `npm test`: make sure the machine has what the suites need (Chromium, PostgreSQL), build,
// run the three suites in order, and end with one line: `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const isRoot = process.getuid?.() === 0;
const scratch = mkdtempSync(join(tmpdir(), 'rove-test-'));
// One runner may take at most this long; a hang must not eat the whole CI budget.
const RUNNER_LIMIT_MS = 10 * 60_000;

// Tags the temp dirs of this run's PostgreSQL clusters (tests/support/postgres.ts reads it).
const runTag = String(process.pid);
process.env.ROVE_TEST_RUN = runTag;

const say = (line) => console.log(`\n[rove test] ${line}`);

// ---- the machine ---------------------------------------------------------------------------

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const hasPostgres = () =>
  existsSync('/usr/lib/postgresql/15/bin/initdb') ||
  (existsSync('/usr/lib/postgresql') &&
    readdirSync('/usr/lib/postgresql').some((v) =>
      existsSync(`/usr/lib/postgresql/${v}/bin/initdb`),
    ));

function installMissing() {
  const missing = [];
  if (!existsSync(chromePath)) missing.push('chromium');
  if (!hasPostgres()) missing.push('postgresql');
  if (missing.length === 0) return;
  if (!isRoot) {
    say(
      `Missing: ${missing.join(', ')}. Install them first, e.g. \`sudo apt-get install -y ${missing.join(' ')}\`.`,
    );
    return;
  }
  say(`Installing ${missing.join(', ')} with apt-get`);
  // Keep Debian's package scripts from starting a system PostgreSQL: the tests start their own.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
    if (!run(['update']) || !run(['install', '-y', ...missing])) {
      say('apt-get failed; the suites that need these will fail.');
    }
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
}

// ---- running things ------------------------------------------------------------------------

/** Runs a command with its output shown; resolves with its exit code (or -1 on a hang). */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, ...env },
      detached: true, // its own process group, so a hang can be stopped with everything it started
    });
    const timer = setTimeout(() => {
      say(`${command} ${args.join(' ')} ran past ${RUNNER_LIMIT_MS / 60_000} minutes: stopping it`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, RUNNER_LIMIT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? -1 : 0));
    });
  });
}

function testFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(suffix));
}

/**
 * A test cluster outlives its runner only if the runner was killed (say, by the time limit
 * above); stop any such cluster so no postgres process is left behind.
 */
function stopStrayClusters() {
  // Only this run's clusters (see ROVE_TEST_RUN below): others may be testing on this machine.
  for (const dir of readdirSync(tmpdir()).filter((d) => d.startsWith(`rove-pg-${runTag}-`))) {
    const data = join(tmpdir(), dir, 'data');
    if (!existsSync(join(data, 'postmaster.pid'))) continue;
    say(`Stopping a test PostgreSQL left running in ${data}`);
    const pgCtl = readdirSync('/usr/lib/postgresql')
      .map((v) => `/usr/lib/postgresql/${v}/bin/pg_ctl`)
      .find((file) => existsSync(file));
    if (!pgCtl) continue;
    const args = ['stop', '-D', data, '-m', 'immediate', '-w'];
    if (isRoot) spawnSync('runuser', ['-u', 'postgres', '--', pgCtl, ...args], { stdio: 'ignore' });
    else spawnSync(pgCtl, args, { stdio: 'ignore' });
    rmSync(join(tmpdir(), dir), { recursive: true, force: true });
  }
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = [];
/** Every failed test, printed again at the very end, where a CI log's tail still shows it. */
const failures = [];
const firstLines = (text, n = 4) =>
  String(text ?? '')
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, n)
    .map((line) => `      ${line.slice(0, 300)}`)
    .join('\n');

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function vitestProject(project, dir) {
  const files = testFiles(dir, '.test.ts');
  if (files.length === 0) {
    say(`${project}: no test files yet in ${dir}/, nothing to run`);
    results.push({ name: project, passed: 0, failed: 0, note: 'no test files yet' });
    return;
  }
  say(`${project}: vitest on ${files.length} files`);
  const out = join(scratch, `${project}.json`);
  const code = await run(bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  stopStrayClusters();
  const report = readJson(out);
  let passed = report?.numPassedTests ?? 0;
  let failed = report?.numFailedTests ?? 0;
  const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
  // A file that fails to load has no failed test in it; count it so it cannot pass unseen.
  const brokenFiles = (report?.testResults ?? []).filter(
    (file) => file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed'),
  );
  failed += brokenFiles.length;
  for (const file of brokenFiles) {
    say(`${project}: ${file.name} failed outside any test: ${file.message}`);
    failures.push({
      suite: project,
      file: file.name,
      name: '(outside any test)',
      message: file.message,
    });
  }
  for (const file of report?.testResults ?? [])
    for (const test of file.assertionResults)
      if (test.status === 'failed')
        failures.push({
          suite: project,
          file: file.name,
          name: test.fullName,
          message: (test.failureMessages ?? []).join('\n'),
        });
  if (code !== 0 && failed === 0) failed = 1;
  if (!report) passed = 0;
  results.push({ name: project, passed, failed, skipped });
}

async function browserSuite() {
  const files = testFiles('tests/browser', '.test.ts');
  if (files.length === 0) {
    say('browser: no test files yet in tests/browser/, nothing to run');
    results.push({ name: 'browser', passed: 0, failed: 0, note: 'no test files yet' });
    return;
  }
  say(`browser: web-test-runner on ${files.length} files in Chromium`);
  const out = join(scratch, 'browser.json');
  const code = await run(bin('web-test-runner'), [], { ROVE_WTR_RESULTS: out });
  const report = readJson(out);
  let failed = report?.failed ?? 0;
  if (code !== 0 && failed === 0) failed = 1;
  for (const failure of report?.failures ?? []) failures.push({ suite: 'browser', ...failure });
  results.push({
    name: 'browser',
    passed: report?.passed ?? 0,
    failed,
    skipped: report?.skipped ?? 0,
  });
}

// ---- the run -------------------------------------------------------------------------------

const started = Date.now();
try {
  installMissing();
  say('Building client and server (npm run build)');
  const built = await run('npm', ['run', 'build']);
  results.push({ name: 'build', passed: 0, failed: built === 0 ? 0 : 1 });
  if (built !== 0)
    say('The build failed: the suites below run anyway, but the e2e and crash tests need it.');

  await vitestProject('unit', 'tests/unit');
  await browserSuite();
  await vitestProject('e2e', 'tests/e2e');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log('');
if (failures.length > 0) {
  console.log('What failed:');
  for (const f of failures) {
    console.log(`  ${f.suite}: ${relative(root, f.file)}: ${f.name}`);
    console.log(firstLines(f.message));
  }
  console.log('');
}
for (const r of results) {
  const extra = r.note ? ` (${r.note})` : r.skipped ? `, ${r.skipped} skipped` : '';
  console.log(`  ${r.name.padEnd(8)} ${r.passed} passed, ${r.failed} failed${extra}`);
}
console.log(`  (${minutes} min)`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
