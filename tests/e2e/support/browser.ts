// Debian's Chromium driven by playwright-core: one browser per test file, one fresh context per
// device (a kiosk and two tablets never share cookies, storage or service workers), and
// screenshots of every screen in tests/e2e/screenshots/ for a person to review.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../support/chromium.mjs';
import { ROOT } from './server.js';

const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

/**
 * Every Content Security Policy violation any page of this test file reported in its console.
 * tests/e2e/support/csp-guard.ts fails the test that caused one (issue 9, finding 5).
 */
export const cspViolations: string[] = [];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

export type DeviceShape = 'kiosk' | 'tablet' | 'desktop' | 'phone';

const VIEWPORTS: Record<DeviceShape, { width: number; height: number }> = {
  // A portrait lobby kiosk, a landscape tablet, a supervisor's laptop.
  kiosk: { width: 800, height: 1200 },
  tablet: { width: 1024, height: 768 },
  desktop: { width: 1280, height: 900 },
  // A patron's own phone following a request (issue 12).
  phone: { width: 390, height: 844 },
};

export interface Device {
  context: BrowserContext;
  page: Page;
  /** Saves a full-page screenshot as `<file>--<name>.png`. */
  shot(name: string): Promise<void>;
  /** Every line the page logged to its console and every uncaught error, for diagnosis. */
  log: string[];
}

export async function openDevice(
  browser: Browser,
  base: string,
  file: string,
  shape: DeviceShape,
): Promise<Device> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: VIEWPORTS[shape],
    hasTouch: shape !== 'desktop',
    isMobile: shape === 'phone',
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  const log: string[] = [];
  page.on('console', (message) => {
    log.push(`[${message.type()}] ${message.text()}`);
    if (/Content Security Policy/i.test(message.text())) {
      cspViolations.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => log.push(`[pageerror] ${error.message}`));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    log,
    shot: async (name: string) => {
      const safe = `${file}--${name}`.replace(/[^a-z0-9-]+/gi, '-');
      await page.screenshot({ path: join(SCREENSHOTS, `${safe}.png`), fullPage: true });
    },
  };
}

/**
 * Waits until the page's service worker is active (its precache complete), so the next load
 * of this origin, even with no network, is served by it.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  // Not waitForFunction with an async predicate: the Promise it returns is truthy at once, so
  // that "waited" while the worker was still installing (precache incomplete).
  await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) throw new Error('This browser has no service workers');
    const worker = (await navigator.serviceWorker.ready).active;
    if (!worker || worker.state === 'activated') return;
    await new Promise<void>((activated) =>
      worker.addEventListener('statechange', () => worker.state === 'activated' && activated()),
    );
  });
}

/** The page's whole visible text, shadow roots included (Lit renders into them). */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent ?? '');
        return;
      }
      if (node instanceof Element) {
        if (node.shadowRoot) walk(node.shadowRoot);
        // Form fields keep typed text in `value`, not in text nodes.
        if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) {
          parts.push(node.value);
        }
      }
      for (const child of Array.from(node.childNodes)) walk(child);
    };
    walk(document.body);
    return parts.join(' ');
  });
}
