// Issue 4 end to end: the server process stops and starts again on the same data and port. The
// tablet's event stream resumes from its last event (Last-Event-ID), so every request made
// around the restart shows exactly once, and the kiosk keeps following its own request.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { RoveApi } from './support/api.js';
import { launchBrowser, visibleText } from './support/browser.js';
import { SCREEN_TIMEOUT, askForHelp, openKiosk, openTablet, queueItem } from './support/devices.js';
import { startRove, type RoveProcess } from './support/server.js';

const FILE = 'restart';

let server: RoveProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startRove(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

test('after a server restart the stream resumes with no gaps and no doubles', async () => {
  let api = await RoveApi.connect(server.url);
  const kioskToken = await api.enrollApiDevice('kiosk', 'E2E API kiosk');
  const sam = await api.createStaff('Sam', '1234', ['tech']);
  const topic = await api.topicFor('tech');
  const kiosk = await openKiosk(browser, api, FILE);
  const tablet = await openTablet(browser, api, FILE, sam);

  const tickets: string[] = [];
  const asked = await askForHelp(kiosk.page, { topic: topic.label, name: 'Before the restart' });
  tickets.push(asked.ticket);
  for (const name of ['Early Emil', 'Early Edna']) {
    tickets.push((await api.createRequest(kioskToken, { topicId: topic.id, name })).ticket);
  }
  for (const ticket of tickets)
    await queueItem(tablet.page, ticket).waitFor({ timeout: SCREEN_TIMEOUT });

  await server.stop();
  await expect
    .poll(() => visibleText(tablet.page), { timeout: SCREEN_TIMEOUT })
    .toMatch(/offline|reconnecting|connecting/i);
  await tablet.shot('tablet-server-down');
  await server.restart();

  // Requests made at once after the restart, before the tablet has reconnected, must come to it
  // by replay; the ones after, live.
  api = await RoveApi.connect(server.url);
  for (const name of ['Right after Rui', 'Right after Rana', 'Right after Ruth']) {
    tickets.push((await api.createRequest(kioskToken, { topicId: topic.id, name })).ticket);
  }
  await expect
    .poll(() => visibleText(tablet.page), { timeout: 60_000 })
    .not.toMatch(/offline|reconnecting/i);
  for (const name of ['Later Lars', 'Later Lin']) {
    tickets.push((await api.createRequest(kioskToken, { topicId: topic.id, name })).ticket);
  }

  for (const ticket of tickets) {
    await expect
      .poll(() => queueItem(tablet.page, ticket).count(), {
        timeout: SCREEN_TIMEOUT,
        message: ticket,
      })
      .toBe(1);
  }
  const { requests } = await api.openRequests();
  expect(requests).toHaveLength(tickets.length);
  await expect
    .poll(() =>
      tablet.page
        .getByRole('listitem')
        .filter({ hasText: /Before|Early|Right after|Later/ })
        .count(),
    )
    .toBe(tickets.length);
  await tablet.shot('tablet-after-restart');

  // The kiosk's own request still follows along.
  await queueItem(tablet.page, asked.ticket).getByRole('button', { name: 'Claim' }).click();
  await expect
    .poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT })
    .toMatch(/Sam[^.]*on (the|their|his|her) way/i);
  await kiosk.shot('kiosk-after-restart');
});
