// Lighthouse's mobile profile (simulated Moto G Power: 4x CPU slowdown, slow 4G) on the four
// screens a cheap tablet or phone shows: the kiosk, the staff tablet's queue, Scripts and the
// patron's follow page (issue 15). Each screen is loaded as its device would load it: a kiosk
// and a tablet enrolled through `/enroll?code=` in the browser (the tablet with a rover signed
// in through its sign-in screen), the follow page from the link a kiosk request carries. Then
// Lighthouse, connected to that same Chromium by its debugging port, measures a cold load:
// it clears the service worker and its caches (its default), but keeps cookies and IndexedDB,
// so the device is still enrolled and signed in, as a tablet that was restarted.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { freePort } from '../support/free-port.js';
import { must } from './http.js';
import { ask, Setup } from './scene.js';
import { startServer } from './server.js';
import { figure, type Figure } from './stats.js';

type ScreenId = 'kiosk' | 'tablet' | 'scripts' | 'follow';

interface ScreenPlan {
  id: ScreenId;
  /** How the screen is named in the table. */
  name: string;
  /** Which browser profile loads it. */
  device: 'kiosk' | 'tablet' | 'phone';
}

export const LIGHTHOUSE_SCREENS: readonly ScreenPlan[] = [
  { id: 'kiosk', name: 'kiosk (/kiosk)', device: 'kiosk' },
  { id: 'tablet', name: 'tablet queue (/staff)', device: 'tablet' },
  { id: 'scripts', name: 'Scripts (/scripts)', device: 'tablet' },
  { id: 'follow', name: 'follow page (/follow/:token)', device: 'phone' },
];

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

/** One Lighthouse run of one screen, the numbers the bench keeps. */
interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  tbtMs: number;
  cls: number;
  lcpMs: number;
  fcpMs: number;
  /** Audits of the three categories that did not score full marks, with their score. */
  missed: string[];
}

interface LighthouseBudgets {
  lighthousePerformance?: number;
  lighthouseAccessibility?: number;
  lighthouseBestPractices?: number;
  lighthouseTbtMs?: number;
  lighthouseCls?: number;
  lighthouseLcpMs?: number;
}

const BRANCH = 'bench-lighthouse';
/** Waiting requests on the tablet's queue while it is measured: a busy afternoon. */
const QUEUE = 8;

/**
 * Starts its own server (on PGlite), sets the branch up, and answers six figures per screen:
 * the three category scores, total blocking time, layout shift and largest contentful paint,
 * each the median of `runs` Lighthouse runs. The last run's full report of each screen goes to
 * tests/bench/results/lighthouse-<screen>.json.
 */
export async function lighthouseFigures(options: {
  appRoot: string;
  resultsDir: string;
  runs: number;
  budgets: LighthouseBudgets;
  only?: readonly ScreenId[];
  /**
   * Also keep each screen's last trace, with the V8 sampling profiler on, as
   * `lighthouse-<screen>-trace.json` (for finding what a long task runs; the profiler itself
   * slows the page a little, so the scores of such a run are not for comparing).
   */
  trace?: boolean;
  log?: (line: string) => void;
}): Promise<{ figures: Figure[]; lighthouse: string }> {
  const log = options.log ?? (() => {});
  const dataDir = mkdtempSync(join(tmpdir(), 'rove-bench-lighthouse-'));
  const server = await startServer({ root: options.appRoot, dataDir });
  const figures: Figure[] = [];
  try {
    const setup = await Setup.connect(server.url);
    await setup.branches([BRANCH]);
    const [rover] = await setup.staff(1, [BRANCH]);
    const scene = await setup.scene(BRANCH, [], 1);
    // The follow link of one request, and a queue with requests waiting in it.
    const followed = await must(setup.base, 'POST', '/api/requests', scene.kiosks.first, {
      id: crypto.randomUUID(),
      topicId: scene.topicId,
      name: 'Bench patron',
    });
    const followPath = new URL(String(followed.followUrl)).pathname;
    for (let i = 1; i < QUEUE; i++) await ask(scene, `Bench patron ${i + 1}`);
    const displayName = 'Rover 1';

    mkdirSync(options.resultsDir, { recursive: true });
    const only = options.only ?? screensFromEnv();
    const wanted = LIGHTHOUSE_SCREENS.filter((s) => !only || only.includes(s.id));
    for (const device of ['kiosk', 'tablet', 'phone'] as const) {
      const screens = wanted.filter((s) => s.device === device);
      if (!screens.length) continue;
      await withBrowser(
        async (context) => {
          if (device === 'phone') return;
          await enroll(context, setup, device);
          if (device === 'tablet') await signIn(context, setup.base, displayName, rover!.pin);
        },
        async (port) => {
          for (const screen of screens) {
            const path = screen.id === 'follow' ? followPath : `/${screenPath(screen.id)}`;
            const runs: LighthouseRun[] = [];
            let last: Result | undefined;
            let trace: unknown;
            for (let r = 0; r < options.runs; r++) {
              ({ lhr: last, trace } = await audit(`${setup.base}${path}`, port, options.trace));
              const run = summarise(last);
              runs.push(run);
              log(
                `  lighthouse ${screen.id} run ${r + 1}: performance ${run.performance}, ` +
                  `accessibility ${run.accessibility}, best practices ${run.bestPractices}, ` +
                  `TBT ${run.tbtMs.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}, ` +
                  `LCP ${run.lcpMs.toFixed(0)} ms` +
                  (run.missed.length ? `; short of 1: ${run.missed.join(', ')}` : ''),
              );
              // What the console said, word for word: a best-practices point lost in one run
              // only (the tablet's first after sign-in) cannot be read from the last report.
              for (const error of consoleErrors(last)) log(`    console: ${error}`);
            }
            writeFileSync(
              join(options.resultsDir, `lighthouse-${screen.id}.json`),
              `${JSON.stringify(last, null, 1)}\n`,
            );
            if (trace) {
              writeFileSync(
                join(options.resultsDir, `lighthouse-${screen.id}-trace.json`),
                JSON.stringify(trace),
              );
            }
            figures.push(...screenFigures(screen, runs, options.budgets));
          }
        },
      );
    }
    return { figures, lighthouse: LIGHTHOUSE_VERSION };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const LIGHTHOUSE_VERSION = '12.2.3';

/**
 * `LIGHTHOUSE_SCREENS=scripts,tablet npm run bench -- --only lighthouse` measures only those
 * screens: one screen's three runs fit in the few minutes a shared machine is quiet.
 */
function screensFromEnv(): ScreenId[] | undefined {
  const named = process.env.LIGHTHOUSE_SCREENS?.split(',').filter(Boolean);
  if (!named?.length) return undefined;
  const unknown = named.find((id) => !LIGHTHOUSE_SCREENS.some((s) => s.id === id));
  if (unknown) throw new Error(`LIGHTHOUSE_SCREENS: no screen "${unknown}"`);
  return named as ScreenId[];
}

function screenPath(id: ScreenId): string {
  return id === 'tablet' ? 'staff' : id;
}

/**
 * The flags chrome-launcher 1.2 (what Lighthouse's own CLI starts Chrome with) adds by default:
 * above all, no throttling of a tab that is not in front (timers, rendering, IPC), as the tab
 * Lighthouse opens next to the first one might be; and no background work of the browser's own.
 */
const LAUNCHER_FLAGS = [
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,CalculateNativeWinOcclusion,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater,AutofillServerCommunication,PrivacySandboxSettings4,RenderDocument',
  '--disable-extensions',
  '--disable-component-extensions-with-background-pages',
  '--disable-client-side-phishing-detection',
  '--disable-sync',
  '--metrics-recording-only',
  '--disable-default-apps',
  '--mute-audio',
  '--no-default-browser-check',
  '--no-first-run',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-ipc-flooding-protection',
  '--password-store=basic',
  '--disable-hang-monitor',
  '--disable-prompt-on-repost',
  '--disable-domain-reliability',
];

/**
 * Chromium on a profile of its own, with a debugging port, started here rather than by
 * Playwright: Playwright, while connected, attaches to every new tab and runs its own scripts in
 * it, which Lighthouse would count as the page's work. So Playwright connects over the port for
 * `prepare` (enrolling, signing in: the cookies and IndexedDB stay in the profile), disconnects,
 * and only then does Lighthouse open its tab.
 */
async function withBrowser(
  prepare: (context: BrowserContext) => Promise<void>,
  measure: (port: number) => Promise<void>,
): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'rove-bench-lighthouse-profile-'));
  const port = await freePort();
  const launch = chromiumLaunchOptions();
  const child = spawn(
    launch.executablePath,
    [
      ...launch.args,
      '--headless=new',
      `--remote-debugging-port=${port}`,
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${profile}`,
      ...LAUNCHER_FLAGS,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Never left behind, whatever ends the bench.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  try {
    await new Promise<void>((resolve, reject) => {
      let said = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${said}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        if (said.includes('DevTools listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited (${code}):\n${said}`));
      });
    });
    child.stderr!.resume();
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    try {
      const context = browser.contexts()[0]!;
      context.setDefaultTimeout(30_000);
      await prepare(context);
    } finally {
      // Disconnects only: Playwright did not start this Chromium.
      await browser.close();
    }
    await measure(port);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    process.off('exit', orphan);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Enrolls this browser as a kiosk or tablet through `/enroll?code=`, as staff would. */
async function enroll(context: BrowserContext, setup: Setup, kind: 'kiosk' | 'tablet') {
  const page = await context.newPage();
  try {
    const code = await setup.enrollmentCode(BRANCH, kind, `Lighthouse ${kind}`);
    await page.goto(`${setup.base}/enroll?code=${encodeURIComponent(code)}`);
    await until(page, async () =>
      (await context.cookies()).some((cookie) => cookie.name === 'rove_device'),
    );
    if (kind === 'kiosk') {
      await page.goto(`${setup.base}/kiosk`);
      await page.getByRole('button', { name: /ask me/i }).waitFor({ state: 'visible' });
    }
  } finally {
    await page.close();
  }
}

/** Signs a rover in on the tablet's sign-in screen: their name, the PIN, Sign in. */
async function signIn(context: BrowserContext, base: string, displayName: string, pin: string) {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/staff`);
    await page.getByRole('button', { name: displayName }).click();
    await page.getByLabel('PIN').fill(pin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: /sign out/i }).waitFor({ state: 'visible' });
  } finally {
    await page.close();
  }
}

async function until(page: Page, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out on ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * One Lighthouse navigation (its default mobile config) in a new tab of that Chromium; with
 * `trace`, its trace too, recorded with the V8 sampling profiler's samples in it.
 */
async function audit(
  url: string,
  port: number,
  trace = false,
): Promise<{ lhr: Result; trace?: unknown }> {
  const flags: Flags = {
    port,
    hostname: '127.0.0.1',
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  };
  const profiled = {
    extends: 'lighthouse:default' as const,
    settings: { additionalTraceCategories: 'disabled-by-default-v8.cpu_profiler' },
  };
  const result = await lighthouse(url, flags, trace ? profiled : undefined);
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) {
    throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  return { lhr, ...(trace ? { trace: result.artifacts.Trace } : {}) };
}

/** The `errors-in-console` audit's items: where each came from and what it said. */
function consoleErrors(lhr: Result): string[] {
  const details = lhr.audits['errors-in-console']?.details;
  if (details?.type !== 'table') return [];
  return details.items.map((item) =>
    [item.source, item.description, item.sourceLocation && JSON.stringify(item.sourceLocation)]
      .filter(Boolean)
      .map(String)
      .join(' '),
  );
}

function summarise(lhr: Result): LighthouseRun {
  const score = (id: (typeof CATEGORIES)[number]) =>
    Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const missed = new Set<string>();
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      if (ref.weight === 0) continue;
      const result = lhr.audits[ref.id];
      if (result && result.score !== null && result.score < 1)
        missed.add(`${ref.id} ${result.score.toFixed(2)}`);
    }
  }
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    lcpMs: numeric('largest-contentful-paint'),
    fcpMs: numeric('first-contentful-paint'),
    missed: [...missed],
  };
}

function screenFigures(
  screen: ScreenPlan,
  runs: LighthouseRun[],
  budgets: LighthouseBudgets,
): Figure[] {
  const detail = { runs, lighthouse: LIGHTHOUSE_VERSION, profile: 'mobile (default config)' };
  const make = (
    key: string,
    what: string,
    unit: string,
    op: '>=' | '<' | '<=',
    budget: number | undefined,
    pick: (run: LighthouseRun) => number,
  ) =>
    figure({
      id: `lighthouse-${screen.id}-${key}`,
      label: `Lighthouse mobile, ${screen.name}: ${what}`,
      unit,
      budget: { op, value: budget ?? NaN },
      runs: runs.map(pick),
      detail,
    });
  return [
    make(
      'performance',
      'performance',
      '',
      '>=',
      budgets.lighthousePerformance,
      (r) => r.performance,
    ),
    make(
      'accessibility',
      'accessibility',
      '',
      '>=',
      budgets.lighthouseAccessibility,
      (r) => r.accessibility,
    ),
    make(
      'best-practices',
      'best practices',
      '',
      '>=',
      budgets.lighthouseBestPractices,
      (r) => r.bestPractices,
    ),
    make('tbt', 'total blocking time', 'ms', '<', budgets.lighthouseTbtMs, (r) => r.tbtMs),
    make('cls', 'cumulative layout shift', '', '<=', budgets.lighthouseCls, (r) => r.cls),
    make('lcp', 'largest contentful paint', 'ms', '<', budgets.lighthouseLcpMs, (r) => r.lcpMs),
  ];
}
