// Issue 14 end to end, the report's part: a kiosk asks, a rover claims and answers, and the
// supervisor opens the Report screen in Chromium against the real server, sees the charts drawn
// with their tables (with no CSP complaint: see csp-guard.ts), and downloads the CSV of the day,
// which lists that request and not the patron's name or note.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDevice } from './support/browser.js';
import { SCREEN_TIMEOUT } from './support/devices.js';
import { ADMIN_PASSWORD } from './support/server.js';
import { startScene, type Scene } from './support/scene.js';

const FILE = 'report';
let scene: Scene;

beforeAll(async () => {
  scene = await startScene();
});
afterAll(() => scene?.close());

test('the supervisor sees the charts and downloads the CSV that lists the request', async () => {
  const { browser, server, api, kioskToken, sam, topic } = scene;
  const request = await api.createRequest(kioskToken, {
    topicId: topic.id,
    name: 'Priya MARKER',
    note: 'MARKER by the printers',
  });
  const tablet = await api.enrollApiDevice('tablet', 'E2E report tablet');
  const { token } = await api.staffSession(tablet, sam);
  await api.act(token, request.id, 'claim');
  await api.act(token, request.id, 'start');
  await api.act(token, request.id, 'resolve', { outcome: 'answered', effort: 2 });

  const admin = await openDevice(browser, server.url, FILE, 'desktop');
  const page = admin.page;
  await page.goto('/admin/report');
  await page.getByLabel('Username').waitFor({ timeout: SCREEN_TIMEOUT });
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The charts of the day, each drawn, each with its table.
  for (const title of [
    'How requests ended',
    /^Requests by weekday and hour/,
    'Effort of the requests helped',
    'Topics patrons asked about',
  ]) {
    const figure = page.getByRole('figure', { name: title });
    await figure.waitFor({ timeout: SCREEN_TIMEOUT });
    await expect
      .poll(
        () =>
          figure
            .getByRole('img')
            .evaluate((canvas) => (canvas as HTMLCanvasElement).width > 0 && canvas.isConnected),
        { timeout: SCREEN_TIMEOUT },
      )
      .toBe(true);
    // Slotted into the figure from the page, so found by its own name (the same title).
    await page.getByRole('table', { name: title }).waitFor();
  }
  await admin.shot('charts');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rove-main-\d{4}-\d{2}-\d{2}-to-.*\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^ticket,createdAt,claimedAt,closedAt,topicId,skill,language,status/);
  const row = lines.find((line) => line.startsWith(`${request.ticket},`));
  expect(row, csv).toMatch(new RegExp(`,${topic.id},tech,,done,answered,2,`));
  expect(csv).not.toContain('MARKER');
  await admin.context.close();
});
