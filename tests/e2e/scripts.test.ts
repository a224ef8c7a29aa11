// Issue 5 end to end: greeter scripts read from the device's own copy with no network, and a
// supervisor's published edit or withdrawal reaching an online tablet through an event stream
// (the branch's staff stream with someone signed in, the public scripts stream without).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { RoveApi } from './support/api.js';
import { launchBrowser, visibleText, waitForServiceWorker } from './support/browser.js';
import { SCREEN_TIMEOUT, enrollDevice, openTablet } from './support/devices.js';
import { startRove, type RoveProcess } from './support/server.js';

const FILE = 'scripts';
const WELCOME = 'Welcome at the door';

let server: RoveProcess;
let browser: Browser;
let api: RoveApi;

beforeAll(async () => {
  [server, browser] = await Promise.all([startRove(), launchBrowser()]);
  api = await RoveApi.connect(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('greeter scripts', () => {
  test('a greeter with no network finds the welcome script by searching and ticks through its steps', async () => {
    // A tablet at the door: enrolled, nobody signed in, the scripts seen once online.
    const tablet = await enrollDevice(browser, api, FILE, 'tablet', 'Door tablet');
    await tablet.page.goto('/scripts');
    await tablet.page
      .getByRole('link', { name: new RegExp(WELCOME) })
      .waitFor({ timeout: SCREEN_TIMEOUT });
    await waitForServiceWorker(tablet.page);
    await tablet.shot('scripts-list-online');

    await tablet.context.setOffline(true);
    await tablet.page.reload();
    const search = tablet.page.getByRole('searchbox');
    await search.fill('welcome', { timeout: SCREEN_TIMEOUT });
    const found = tablet.page.getByRole('link', { name: new RegExp(WELCOME) });
    await found.waitFor({ timeout: SCREEN_TIMEOUT });
    // The search narrows the list: a script about something else is gone.
    await expect
      .poll(() => tablet.page.getByRole('link', { name: /Local history/ }).count())
      .toBe(0);
    await tablet.shot('scripts-offline-search');

    await found.click();
    await tablet.page.getByRole('heading', { name: WELCOME }).waitFor({ timeout: SCREEN_TIMEOUT });
    // Its steps are a numbered list, each with a box to tick.
    const steps = tablet.page.locator('ol').first().getByRole('checkbox');
    await expect.poll(() => steps.count()).toBe(5);
    expect(await visibleText(tablet.page)).toContain('make eye contact');
    for (let i = 0; i < 5; i++) {
      await steps.nth(i).check();
      await expect.poll(() => steps.nth(i).isChecked()).toBe(true);
    }
    await tablet.shot('scripts-offline-all-ticked');
    await tablet.page.getByRole('button', { name: 'Reset' }).click();
    await expect
      .poll(async () =>
        (await Promise.all([0, 1, 2, 3, 4].map((i) => steps.nth(i).isChecked()))).some(Boolean),
      )
      .toBe(false);
    await tablet.context.close();
  });

  test("a door tablet with nobody signed in shows a supervisor's publish and withdrawal within seconds, without reloading", async () => {
    await api.renameTopic('history', 'Family history and old maps');
    const tablet = await enrollDevice(browser, api, FILE, 'tablet', 'Greeter tablet');
    await tablet.page.goto('/scripts');
    const goodbye = tablet.page.getByRole('link', { name: /A warm goodbye/ });
    await goodbye.waitFor({ timeout: SCREEN_TIMEOUT });
    // The topic filters name the branch's topics as the supervisor wrote them.
    await tablet.page
      .getByRole('group', { name: 'Filter by topic' })
      .getByRole('button', { name: 'Family history and old maps' })
      .waitFor({ timeout: SCREEN_TIMEOUT });
    // A mark on this page: a reload would wipe it.
    await tablet.page.evaluate(() => ((window as { stillHere?: boolean }).stillHere = true));

    await api.editScript('warm-goodbye', (script) => ({ ...script, title: 'A fond farewell' }));
    await tablet.page.getByRole('link', { name: /A fond farewell/ }).waitFor({ timeout: 10_000 });
    expect(await goodbye.count()).toBe(0);
    await tablet.shot('scripts-published-live-signed-out');

    await api.withdrawScript('warm-goodbye');
    await expect
      .poll(() => tablet.page.getByRole('link', { name: /A fond farewell/ }).count(), {
        timeout: 10_000,
      })
      .toBe(0);
    const stillHere = await tablet.page.evaluate(
      () => (window as { stillHere?: boolean }).stillHere,
    );
    expect(stillHere).toBe(true);
    await tablet.context.close();
  });

  test("a supervisor's edit shows on an online tablet within seconds", async () => {
    const sam = await api.createStaff('Sam', '1234', ['general']);
    const tablet = await openTablet(browser, api, FILE, sam);
    await tablet.page
      .getByRole('link', { name: 'Scripts', exact: true })
      .or(tablet.page.getByRole('button', { name: 'Scripts', exact: true }))
      .first()
      .click();
    await tablet.page
      .getByRole('link', { name: new RegExp(WELCOME) })
      .click({ timeout: SCREEN_TIMEOUT });
    await tablet.page.getByRole('heading', { name: WELCOME }).waitFor({ timeout: SCREEN_TIMEOUT });

    const fresh = 'Wave from across the room before they reach the desk.';
    await api.editScript('welcome-at-the-door', (script) => ({
      ...script,
      steps: [{ text: fresh, phrases: ['Hello!'] }, ...script.steps.slice(1)],
    }));
    await expect.poll(() => visibleText(tablet.page), { timeout: 10_000 }).toContain(fresh);
    await tablet.shot('scripts-edited-live');
    await tablet.context.close();
  });
});
