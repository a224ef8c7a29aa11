// Issue 14 end to end: a supervisor watches the Floor while a kiosk asks and a rover claims,
// posts a notice that shows on the kiosk, sets the branch's time zone, opens the Report and sees
// its charts, each with its table, and downloads the CSV that lists that request on the
// branch's clock (and never the patron's name).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDevice, visibleText } from './support/browser.js';
import { SCREEN_TIMEOUT, askForHelp, openKiosk, openTablet, queueItem } from './support/devices.js';
import { startScene, type Scene } from './support/scene.js';
import { ADMIN_PASSWORD } from './support/server.js';

const FILE = 'supervisor';
let scene: Scene;

beforeAll(async () => {
  scene = await startScene();
});
afterAll(() => scene?.close());

test('the supervisor watches the floor, posts a notice, reads the charts and takes the CSV', async () => {
  const { browser, api, sam, topic } = scene;
  const admin = await openDevice(browser, scene.server.url, FILE, 'desktop');
  const page = admin.page;
  await page.goto('/admin/floor');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /^Floor/ }).waitFor({ timeout: SCREEN_TIMEOUT });

  // A notice from the Floor screen reaches the kiosk's start screen.
  const [kiosk, tablet] = await Promise.all([
    openKiosk(browser, api, FILE),
    openTablet(browser, api, FILE, sam),
  ]);
  const notice = 'Story time starts at 3 in the children’s area';
  await page.getByRole('textbox', { name: 'Tell waiting patrons' }).fill(notice);
  await page.getByRole('button', { name: 'Post notice' }).click();
  await expect.poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT }).toContain(notice);
  await kiosk.shot('notice-from-the-floor-screen');

  // The kiosk asks: the Floor shows it waiting; Sam claims it: the Floor says he is on his way.
  const name = 'Zelda Marker-E2E';
  const asked = await askForHelp(kiosk.page, { topic: topic.label, name });
  const queue = page.getByRole('table', { name: /^Queue/ });
  const row = queue.getByRole('row', { name: new RegExp(`^${asked.ticket}\\b`) });
  await expect.poll(() => row.innerText(), { timeout: SCREEN_TIMEOUT }).toMatch(/Waiting/);
  await queueItem(tablet.page, asked.ticket)
    .getByRole('button', { name: `Claim ${asked.ticket}` })
    .click();
  await expect
    .poll(() => row.innerText(), { timeout: SCREEN_TIMEOUT })
    .toMatch(/On the way:\s*Sam/);
  const people = page.getByRole('table', { name: /^On the floor/ });
  await expect
    .poll(() => people.getByRole('row', { name: /^Sam\b/ }).innerText(), {
      timeout: SCREEN_TIMEOUT,
    })
    .toContain(`Ticket ${asked.ticket}`);
  // Patron text is for those who serve them, not the wall display.
  expect(await visibleText(page)).not.toContain(name);
  await expect.poll(() => visibleText(page), { timeout: SCREEN_TIMEOUT }).toMatch(/Asked\s*[1-9]/);
  await admin.shot('floor-screen');

  // The branch's clock, set once with its other settings: the Report and the CSV keep to it.
  const sections = page.getByRole('navigation', { name: /supervisor/i });
  await sections.getByRole('link', { name: 'Topics' }).click();
  await page
    .getByRole('combobox', { name: 'Time zone' })
    .selectOption('Asia/Tokyo', { timeout: SCREEN_TIMEOUT });
  await page.getByRole('button', { name: 'Save the time zone' }).click();
  await expect
    .poll(() => visibleText(page), { timeout: SCREEN_TIMEOUT })
    .toMatch(/Reports for .+ count in Asia\/Tokyo\./);
  await page.getByRole('heading', { name: /^Time zone of / }).scrollIntoViewIfNeeded();
  await admin.shot('branch-time-zone');

  // The Report: each chart has a title and a table beside it.
  await sections.getByRole('link', { name: 'Report' }).click();
  await expect
    .poll(() => visibleText(page), { timeout: SCREEN_TIMEOUT })
    .toContain("counted in the branch's time zone, Asia/Tokyo.");
  // The last 7 days: waits are drawn day by day over a range.
  await page.getByRole('radio', { name: 'Last 7 days' }).check({ timeout: SCREEN_TIMEOUT });
  const charts = page.locator('rove-report-chart');
  await expect.poll(() => charts.count(), { timeout: SCREEN_TIMEOUT }).toBeGreaterThanOrEqual(5);
  const captions: string[] = [];
  for (const chart of await charts.all()) {
    await chart.evaluate((el) => (el as HTMLElement & { drawn: Promise<void> }).drawn);
    captions.push((await chart.locator('figcaption').innerText()).trim());
    expect(await chart.getByRole('img').getAttribute('aria-label')).toBeTruthy();
    expect(await chart.getByRole('table').count()).toBeGreaterThanOrEqual(1);
  }
  expect(captions.join('\n')).toMatch(/Requests by weekday and hour/);
  for (const title of [
    'Typical and long waits, day by day',
    'Topics patrons asked about',
    'How requests ended',
  ])
    expect(captions).toContain(title);
  await admin.shot('report-charts');

  // The CSV of those days lists the request, and not the patron's name.
  const download = page.waitForEvent('download', { timeout: SCREEN_TIMEOUT });
  await page.getByRole('link', { name: /Download CSV/ }).click();
  const downloaded = await download;
  expect(downloaded.suggestedFilename()).toMatch(/^rove-main-\d{4}-\d{2}-\d{2}-to-.*\.csv$/);
  const csv = readFileSync((await downloaded.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
  expect(header).toMatch(/^ticket,createdAt,claimedAt,closedAt,topicId,skill,language,status,/);
  // Asked and claimed (on the branch's clock, Tokyo's offset), not closed; its topic, skill
  // and state.
  const line = rows.find((each) => each.startsWith(`${asked.ticket},`));
  expect(line, csv).toMatch(
    new RegExp(`^${asked.ticket},[^,]+\\+09:00,[^,]+\\+09:00,,${topic.id},tech,[^,]*,claimed,`),
  );
  expect(csv).not.toContain('Marker-E2E');
  await Promise.all([admin.context.close(), kiosk.context.close(), tablet.context.close()]);
});
