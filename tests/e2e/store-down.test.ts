// Issue 16 on a device: PostgreSQL stops under a running server. The server answers 503, and a
// tablet treats that like being offline (the outbox keeps the claim and tries again) while its
// banner says the library's server is in trouble, not the tablet's network. When PostgreSQL is
// back the claim goes through by itself, once.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPostgres, type PgCluster } from '../support/postgres.js';
import { RoveApi, type StaffInfo } from './support/api.js';
import { launchBrowser, visibleText, waitForServiceWorker } from './support/browser.js';
import { SCREEN_TIMEOUT, openTablet, queueItem } from './support/devices.js';
import { CATCH_UP } from './support/scene.js';
import { startRove, type RoveProcess } from './support/server.js';

const FILE = 'store-down';
let cluster: PgCluster;
let server: RoveProcess;
let browser: Browser;
let api: RoveApi;
let kioskToken: string;
let sam: StaffInfo;
let topic: { id: string; label: string };

beforeAll(async () => {
  // A cluster of its own: stopping the run's shared one would fail every other suite.
  cluster = await startPostgres();
  const databaseUrl = await cluster.createDatabase();
  [server, browser] = await Promise.all([
    startRove({ env: { DATABASE_URL: databaseUrl } }),
    launchBrowser(),
  ]);
  api = await RoveApi.connect(server.url);
  kioskToken = await api.enrollApiDevice('kiosk', 'E2E API kiosk');
  sam = await api.createStaff('Sam', '1234', ['tech', 'general']);
  topic = await api.topicFor('tech');
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await cluster?.stop();
});

test('a claim made while the store is down waits on the tablet, which blames the server', async () => {
  const request = await api.createRequest(kioskToken, { topicId: topic.id, name: 'Ravi' });
  const tablet = await openTablet(browser, api, FILE, sam);
  await queueItem(tablet.page, request.ticket).waitFor({ timeout: SCREEN_TIMEOUT });
  await waitForServiceWorker(tablet.page);
  const claims: number[] = [];
  tablet.page.on('response', (response) => {
    if (new URL(response.url()).pathname === `/api/requests/${request.id}/claim`)
      claims.push(response.status());
  });

  cluster.pause();
  try {
    await queueItem(tablet.page, request.ticket).getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => claims, { timeout: SCREEN_TIMEOUT }).toContain(503);
    // The tablet's network is fine: the banner says whose trouble it is.
    await expect
      .poll(() => visibleText(tablet.page), { timeout: SCREEN_TIMEOUT })
      .toMatch(/library's server is having trouble/);
    expect(await visibleText(tablet.page)).not.toMatch(/Offline since/);
    await tablet.shot('tablet-store-down');
  } finally {
    cluster.resume();
  }
  // Back: the outbox sends the claim by itself, and it lands once.
  await expect
    .poll(() => api.request(request.id).then((r) => `${r.status} ${r.claimedBy?.displayName}`), {
      timeout: CATCH_UP,
    })
    .toBe('claimed Sam');
  await expect
    .poll(() => visibleText(tablet.page), { timeout: CATCH_UP })
    .not.toMatch(/having trouble/);
  expect(claims.filter((status) => status === 200)).toHaveLength(1);
  expect(claims.every((status) => status === 200 || status === 503)).toBe(true);
  await tablet.context.close();
}, 120_000);
