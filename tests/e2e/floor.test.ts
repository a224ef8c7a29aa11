// Issue 11 end to end: two rovers on the floor, one takes a break and stops being suggested;
// a patron waits past the branch's (short) escalateAfterSeconds, every tablet alerts once and
// puts the request on top, marked; a claim ends it, and no further alert comes.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from './support/api.js';
import { visibleText } from './support/browser.js';
import { SCREEN_TIMEOUT, openTablet, queueItem } from './support/devices.js';
import { startScene, type Scene } from './support/scene.js';

const FILE = 'floor';
/** Short, so the test waits seconds rather than minutes; the server checks every second. */
const ESCALATE_SECONDS = 6;
let scene: Scene;

beforeAll(async () => {
  scene = await startScene();
});
afterAll(() => scene?.close());

/** Counts the long-wait buzzes (their five-step pattern) a tablet makes from now on. */
async function countLongWaitBuzzes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counted = window as unknown as { longWaitBuzzes: number };
    counted.longWaitBuzzes = 0;
    navigator.vibrate = ((pattern: unknown) => {
      if (Array.isArray(pattern) && pattern.length === 5) counted.longWaitBuzzes++;
      return true;
    }) as typeof navigator.vibrate;
  });
}
const buzzes = (page: Page) =>
  page.evaluate(() => (window as unknown as { longWaitBuzzes: number }).longWaitBuzzes);

test('a rover on break is not suggested; a long wait alerts every tablet once, until claimed', async () => {
  const { browser, api, sam, lee, kioskToken, topic } = scene;
  await call(api.base, 'PATCH', '/api/branches/main', api.adminToken, {
    escalateAfterSeconds: ESCALATE_SECONDS,
  });
  // Lee signs in first: available longest, so he fits a tech request best, until his break.
  const leeTablet = await openTablet(browser, api, FILE, lee);
  const samTablet = await openTablet(browser, api, FILE, sam);
  const [leePage, samPage] = [leeTablet.page, samTablet.page];
  for (const page of [leePage, samPage]) await countLongWaitBuzzes(page);

  await expect
    .poll(() => visibleText(samPage), { timeout: SCREEN_TIMEOUT })
    .toMatch(/On the floor:\s+1 colleague[\s\S]*Lee\s*Available/);
  await leePage.getByRole('button', { name: 'Take a break' }).click();
  await leePage.getByRole('button', { name: 'Back on the floor' }).waitFor();
  await expect
    .poll(() => visibleText(samPage), { timeout: SCREEN_TIMEOUT })
    .toMatch(/Lee\s*On a break/);
  await samTablet.shot('colleague-on-a-break');

  const request = await api.createRequest(kioskToken, { topicId: topic.id });
  const madeAt = Date.now();
  for (const page of [leePage, samPage]) {
    const item = queueItem(page, request.ticket);
    await expect.poll(() => item.textContent(), { timeout: SCREEN_TIMEOUT }).toContain('Best: Sam');
    expect(await item.textContent()).not.toContain('Best: Lee');
  }

  // Past the wait: both tablets say it, buzz once, and put it on top, marked.
  for (const page of [leePage, samPage]) {
    await expect
      .poll(() => visibleText(page), { timeout: SCREEN_TIMEOUT })
      .toContain(`Long wait: ${request.ticket}, ${topic.label}`);
    await expect
      .poll(() => queueItem(page, request.ticket).textContent(), { timeout: SCREEN_TIMEOUT })
      .toMatch(/Long wait|Waiting \d+ min/);
    expect(await buzzes(page)).toBe(1);
  }
  await samTablet.shot('long-wait-alert');
  expect((await api.request(request.id)).escalatedAt).toEqual(expect.any(String));

  // Sam claims it before the next interval; nothing more alerts after it.
  await queueItem(samPage, request.ticket)
    .getByRole('button', { name: `Claim ${request.ticket}` })
    .click();
  await expect
    .poll(async () => (await api.request(request.id)).status, { timeout: SCREEN_TIMEOUT })
    .toBe('claimed');
  const claimedAfter = (Date.now() - madeAt) / 1000;
  // The claim must have beaten the second alert for this to show anything.
  expect(claimedAfter).toBeLessThan(2 * ESCALATE_SECONDS);
  await new Promise((r) =>
    setTimeout(r, (2 * ESCALATE_SECONDS + 2) * 1000 - (Date.now() - madeAt)),
  );
  for (const page of [leePage, samPage]) expect(await buzzes(page)).toBe(1);
  expect((await api.request(request.id)).escalatedAt).toBeUndefined();
  await leeTablet.context.close();
  await samTablet.context.close();
});
