// Issue 4 end to end: a new version of the app is deployed while devices run. The server serves
// a private copy of the built client; "deploying" writes a service worker with a new build id
// into that copy (as `ROVE_BUILD_ID=... npm run build` would, see vite.config.ts). A tablet is
// offered "New version, reload"; an idle kiosk takes the update by itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { RoveApi } from './support/api.js';
import { launchBrowser, waitForServiceWorker } from './support/browser.js';
import {
  SCREEN_TIMEOUT,
  askMeButton,
  myRequest,
  openKiosk,
  openTablet,
  queueItem,
  signOutButton,
} from './support/devices.js';
import { copyClient, startRove, type RoveProcess } from './support/server.js';

const FILE = 'update';

let server: RoveProcess;
let browser: Browser;
let clientDir: string;

beforeAll(async () => {
  clientDir = copyClient();
  [server, browser] = await Promise.all([startRove({ clientDir }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The build id of the worker that controls this page (src/sw/service-worker.ts). */
async function activeBuildId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const worker = navigator.serviceWorker.controller;
    if (!worker) return 'not controlled';
    return new Promise<string>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<{ buildId: string }>) =>
        resolve(event.data.buildId);
      worker.postMessage({ type: 'GET_BUILD_ID' }, [channel.port2]);
      // A worker that is being replaced may never answer; say so rather than hang the poll.
      setTimeout(() => resolve('no answer'), 1000);
    });
  });
}

/** Deploys a new version: the served service worker, with `next` as its build id. */
function deploy(current: string, next: string): void {
  const file = join(clientDir, 'service-worker.js');
  const source = readFileSync(file, 'utf8');
  const parts = source.split(JSON.stringify(current));
  // Exactly one: the build id constant, and no other string that happens to match it.
  expect(parts.length - 1, `the built worker should carry its build id ${current} once`).toBe(1);
  const updated = parts.join(JSON.stringify(next));
  writeFileSync(file, updated);
  // And its compressed copies, as a build would (scripts/compress.mjs): the server sends those.
  writeFileSync(`${file}.br`, brotliCompressSync(updated));
  writeFileSync(`${file}.gz`, gzipSync(updated));
}

/** Asks the browser to look for a new worker now, as it does on its own every hour. */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
}

test('a tablet is offered the new version and reloads into it, outbox intact; an idle kiosk updates by itself', async () => {
  const api = await RoveApi.connect(server.url);
  const sam = await api.createStaff('Sam', '1234', ['tech']);
  const topic = await api.topicFor('tech');
  const kioskToken = await api.enrollApiDevice('kiosk', 'E2E API kiosk');
  const request = await api.createRequest(kioskToken, { topicId: topic.id, name: 'Uma' });
  const tablet = await openTablet(browser, api, FILE, sam);
  const kiosk = await openKiosk(browser, api, FILE);
  await Promise.all([waitForServiceWorker(tablet.page), waitForServiceWorker(kiosk.page)]);
  // Pages the old worker controls: only then must a new one wait its turn.
  await Promise.all([tablet.page.reload(), kiosk.page.reload()]);
  await signOutButton(tablet.page).waitFor({ timeout: SCREEN_TIMEOUT });
  await askMeButton(kiosk.page).waitFor({ timeout: SCREEN_TIMEOUT });
  const first = await activeBuildId(tablet.page);
  expect(first).not.toBe('not controlled');
  expect(await activeBuildId(kiosk.page)).toBe(first);

  deploy(first, 'e2e-second');
  await checkForUpdate(tablet.page);
  const reload = tablet.page.getByRole('button', { name: /reload/i });
  await reload.waitFor({ timeout: SCREEN_TIMEOUT });
  await expect
    .poll(() =>
      tablet.page
        .getByText(/new version/i)
        .first()
        .isVisible(),
    )
    .toBe(true);
  await tablet.shot('tablet-update-prompt');

  // Sam claims with no network, then takes the update: the claim waits in the outbox meanwhile.
  await tablet.context.setOffline(true);
  await queueItem(tablet.page, request.ticket).getByRole('button', { name: 'Claim' }).click();
  await myRequest(tablet.page, request.ticket).waitFor({ timeout: SCREEN_TIMEOUT });
  await reload.click();
  await expect
    .poll(() => activeBuildId(tablet.page), { timeout: SCREEN_TIMEOUT })
    .toBe('e2e-second');
  // Still signed in, and the prompt is gone.
  await signOutButton(tablet.page).waitFor({ timeout: SCREEN_TIMEOUT });
  expect(await reload.count()).toBe(0);
  // Back online, the claim made before the update reaches the server.
  await tablet.context.setOffline(false);
  await expect
    .poll(() => api.request(request.id).then((r) => `${r.status} ${r.claimedBy?.displayName}`), {
      timeout: 30_000,
    })
    .toBe('claimed Sam');
  await tablet.shot('tablet-updated');

  // The kiosk sits idle on "Ask me": it takes the waiting version with nobody touching it.
  await checkForUpdate(kiosk.page);
  await expect.poll(() => activeBuildId(kiosk.page), { timeout: 30_000 }).toBe('e2e-second');
  await askMeButton(kiosk.page).waitFor({ timeout: SCREEN_TIMEOUT });
  await kiosk.shot('kiosk-updated');
});
