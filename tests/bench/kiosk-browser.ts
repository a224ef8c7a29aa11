// The kiosk in a real Chromium: enrolled through `/enroll?code=`, its service worker warm, then
// offline, navigating to `/` until the "Ask me" button is visible. Also lists the JS files the
// page really loaded for `/`, to cross-check the bundle figure.
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Setup } from './scene.js';

export interface KioskBrowserResult {
  runs: number[];
  /** JS files the page loaded for `/` (from the Resource Timing API). */
  scripts: string[];
  chromium: string;
}

const ASK_ME = { name: /ask me/i };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

async function waitForWorker(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const registration = await navigator.serviceWorker?.getRegistration();
      return registration?.active?.state === 'activated' && !!navigator.serviceWorker.controller;
    },
    undefined,
    { timeout: 30_000, polling: 100 },
  );
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
      performance
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
