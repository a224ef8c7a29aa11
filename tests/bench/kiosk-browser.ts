// The kiosk in a real Chromium: enrolled through `/enroll?code=`, its service worker warm, then
// offline, navigating to `/` until the "Ask me" button is visible. Also lists the JS files the
// page really loaded for `/`, to cross-check the bundle figure.
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import type { Setup } from './scene.js';

interface KioskBrowserResult {
  runs: number[];
  /** JS files the page loaded for `/` (from the Resource Timing API). */
  scripts: string[];
  chromium: string;
}

const ASK_ME = { name: /ask me/i };

export async function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/**
 * Waits until a service worker is active and controls the page (its precache is complete).
 * Polled from Node: `page.waitForFunction` does not await an async predicate, so a pending
 * promise would count as "true". Rove's worker does not claim open pages, so once it is
 * active the page is reloaded to come under its control, as a kiosk's next load would.
 */
async function waitForWorker(page: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker?.getRegistration();
      return {
        active: registration?.active?.state === 'activated',
        controlled: !!navigator.serviceWorker?.controller,
      };
    });
    if (state.active && state.controlled) return;
    if (Date.now() > deadline)
      throw new Error(`No controlling service worker: ${JSON.stringify(state)}`);
    if (state.active) await page.reload();
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Enrolls a kiosk in `branchId`, warms its worker, goes offline and times `runs` navigations.
 * `tracePath`, when given, records a Chromium performance trace of the offline navigations.
 */
export async function kioskOffline(
  setup: Setup,
  branchId: string,
  runs: number,
  tracePath?: string,
): Promise<KioskBrowserResult> {
  const browser = await launch();
  try {
    const context = await browser.newContext({
      baseURL: setup.base,
      viewport: { width: 800, height: 1200 },
      hasTouch: true,
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const code = await setup.enrollmentCode(branchId, 'kiosk', 'Bench browser kiosk');
    await page.goto(`/enroll?code=${encodeURIComponent(code)}`);
    const askMe = page.getByRole('button', ASK_ME);
    // Enrolling ends on the kiosk's home; if it stays on a confirmation, go home ourselves.
    await askMe.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      await page.goto('/');
      await askMe.waitFor({ state: 'visible' });
    });
    await waitForWorker(page);
    // One more online load under the worker's control, as a kiosk that has run a while.
    await page.goto('/');
    await askMe.waitFor({ state: 'visible' });
    const scripts = await page.evaluate(() =>
      window.performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => new URL(name).pathname.endsWith('.js')),
    );
    await context.setOffline(true);
    if (tracePath) await browser.startTracing(page, { path: tracePath, screenshots: false });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await page.goto('/', { waitUntil: 'commit' });
      await askMe.waitFor({ state: 'visible' });
      times.push(performance.now() - started);
    }
    if (tracePath) await browser.stopTracing();
    await context.close();
    return { runs: times, scripts, chromium: browser.version() };
  } finally {
    await browser.close();
  }
}
