// Issue 3 end to end: a kiosk and tablets in separate browser contexts against the real server
// serving the real built app. Every change one device makes must show on the other.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { RoveApi, call, type StaffInfo } from './support/api.js';
import { launchBrowser, openDevice, visibleText } from './support/browser.js';
import {
  SCREEN_TIMEOUT,
  askForHelp,
  askMeButton,
  handOff,
  myRequest,
  openKiosk,
  openTablet,
  queueItem,
  resolveMine,
  ticketText,
} from './support/devices.js';
import { ADMIN_PASSWORD, startRove, type RoveProcess } from './support/server.js';
import type { ServiceReport } from '../../src/shared/report.js';

const FILE = 'kiosk-and-tablet';

let server: RoveProcess;
let browser: Browser;
let api: RoveApi;
let sam: StaffInfo;
let lee: StaffInfo;
let hana: StaffInfo;
let techTopic: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startRove(), launchBrowser()]);
  api = await RoveApi.connect(server.url);
  sam = await api.createStaff('Sam', '1234', ['tech', 'general']);
  lee = await api.createStaff('Lee', '2345', ['tech', 'books']);
  hana = await api.createStaff('Hana', '3456', ['history']);
  techTopic = (await api.topicFor('tech')).label;
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('a kiosk and a tablet serve a patron', () => {
  test('a patron asks; a rover claims, starts and resolves; the kiosk follows each step and resets', async () => {
    const kiosk = await openKiosk(browser, api, FILE, { clock: true });
    await kiosk.shot('kiosk-idle');
    const tablet = await openTablet(browser, api, FILE, sam);
    await tablet.shot('tablet-queue-empty');

    const asked = await askForHelp(kiosk.page, { topic: techTopic, name: 'Priya by the printers' });
    await expect
      .poll(() =>
        kiosk.page
          .getByText(/waiting/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await kiosk.shot('kiosk-waiting');

    // The rover's queue shows it live: ticket, topic, where to find the patron.
    const item = queueItem(tablet.page, asked.ticket);
    await item.waitFor({ timeout: SCREEN_TIMEOUT });
    await expect.poll(() => item.innerText()).toContain('Priya by the printers');
    await expect.poll(() => item.innerText()).toContain(techTopic);
    await tablet.shot('tablet-queue-one');

    await item.getByRole('button', { name: 'Claim' }).click();
    await expect
      .poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT })
      .toMatch(/Sam[^.]*on (the|their|his|her) way/i);
    await kiosk.shot('kiosk-on-the-way');
    await tablet.shot('tablet-my-request-claimed');

    await myRequest(tablet.page, asked.ticket).getByRole('button', { name: 'Start' }).click();
    await expect
      .poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT })
      .toMatch(/Sam[^.]*with you/i);
    await kiosk.shot('kiosk-with-you');
    await tablet.shot('tablet-my-request-serving');

    await resolveMine(myRequest(tablet.page, asked.ticket), tablet.shot);
    await expect
      .poll(() => api.request(asked.id).then((r) => r.status), { timeout: SCREEN_TIMEOUT })
      .toBe('done');
    await expect.poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT }).toMatch(/thank/i);
    await kiosk.shot('kiosk-thanks');

    // Answered, so the kiosk asks for a word back, one tap each; the report counts it.
    await kiosk.page
      .getByRole('group', { name: 'How well did we do?' })
      .getByRole('button', { name: '5 of 5: very well' })
      .click({ timeout: SCREEN_TIMEOUT });
    await kiosk.shot('kiosk-feedback-second');
    await kiosk.page
      .getByRole('group', { name: 'How much did this matter to you today?' })
      .getByRole('button', { name: '4 of 5: a lot' })
      .click({ timeout: SCREEN_TIMEOUT });
    await kiosk.page
      .getByRole('status')
      .filter({ hasText: 'Thank you for telling us' })
      .waitFor({ timeout: SCREEN_TIMEOUT });
    const today = new Date().toISOString().slice(0, 10);
    const report = () =>
      call<ServiceReport>(
        api.base,
        'GET',
        `/api/branches/main/report?from=${today}&to=${today}`,
        api.adminToken,
      );
    await expect
      .poll(async () => (await report()).feedback, { timeout: SCREEN_TIMEOUT })
      .toMatchObject({ responses: 1, satisfaction: [0, 0, 0, 0, 1] });

    // Then back to idle by itself, with nothing of this patron left on the screen.
    await kiosk.page.clock.fastForward('00:30');
    await askMeButton(kiosk.page).waitFor({ timeout: SCREEN_TIMEOUT });
    await expect.poll(() => visibleText(kiosk.page)).not.toContain('Priya');
    await kiosk.shot('kiosk-idle-again');
    await tablet.shot('tablet-after-resolve');
    await kiosk.context.close();
    await tablet.context.close();
  });

  test('a hand-off to a specialist: the kiosk says a colleague is coming, the specialist reads the note', async () => {
    const kiosk = await openKiosk(browser, api, FILE);
    const rover = await openTablet(browser, api, FILE, sam);
    const specialist = await openTablet(browser, api, FILE, hana);

    const asked = await askForHelp(kiosk.page, { topic: techTopic, name: 'Mr Okafor, green hat' });
    const item = queueItem(rover.page, asked.ticket);
    await item.getByRole('button', { name: 'Claim' }).click({ timeout: SCREEN_TIMEOUT });
    const mine = myRequest(rover.page, asked.ticket);
    await mine.getByRole('button', { name: 'Start' }).click({ timeout: SCREEN_TIMEOUT });

    const note = 'Wants 1920s maps of Elm Street for his family history';
    await handOff(mine, /local history/i, note, rover.shot);
    await expect
      .poll(() => api.request(asked.id).then((r) => [r.status, r.skill]), {
        timeout: SCREEN_TIMEOUT,
      })
      .toEqual(['waiting', 'history']);

    await expect
      .poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT })
      .toMatch(
        /Sam\s+asked\s+a\s+colleague\s+who\s+knows\s+more[^.]*\.\s+You\s+keep\s+your\s+place/,
      );
    await kiosk.shot('kiosk-handed-off');
    // The kiosk never shows staff notes.
    expect(await visibleText(kiosk.page)).not.toContain('Elm Street');

    const waiting = queueItem(specialist.page, asked.ticket);
    await waiting.waitFor({ timeout: SCREEN_TIMEOUT });
    await expect.poll(() => waiting.innerText()).toContain(note);
    await specialist.shot('specialist-sees-note');
    await waiting.getByRole('button', { name: 'Claim' }).click();
    await expect
      .poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT })
      .toMatch(/Hana[^.]*on (the|their|his|her) way/i);
    await kiosk.shot('kiosk-specialist-on-the-way');
    await specialist.shot('specialist-claimed');
    for (const device of [kiosk, rover, specialist]) await device.context.close();
  });

  test('two rovers claim the same request: one gets it, the other is told who did', async () => {
    const kiosk = await openKiosk(browser, api, FILE);
    const tabletA = await openTablet(browser, api, FILE, sam);
    const tabletB = await openTablet(browser, api, FILE, lee);
    const asked = await askForHelp(kiosk.page, { topic: techTopic, name: 'Ada' });
    const itemA = queueItem(tabletA.page, asked.ticket);
    const itemB = queueItem(tabletB.page, asked.ticket);
    await Promise.all([
      itemA.waitFor({ timeout: SCREEN_TIMEOUT }),
      itemB.waitFor({ timeout: SCREEN_TIMEOUT }),
    ]);

    // Lee taps first, but Lee's claim reaches the server only after Sam's: a real race, made
    // repeatable by holding Lee's request in the network until the server has Sam's.
    let releaseB!: () => void;
    const bHeld = new Promise<void>((ok) => (releaseB = ok));
    let bSent = false;
    await tabletB.page.route(`**/api/requests/${asked.id}/claim`, async (route) => {
      bSent = true;
      await bHeld;
      await route.continue();
    });
    await itemB.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => bSent, { timeout: SCREEN_TIMEOUT }).toBe(true);
    await itemA.getByRole('button', { name: 'Claim' }).click();
    await expect
      .poll(() => api.request(asked.id).then((r) => r.claimedBy?.displayName), {
        timeout: SCREEN_TIMEOUT,
      })
      .toBe('Sam');
    releaseB();

    // Lee is told in words that Sam got there first; Sam has it.
    await expect
      .poll(() => visibleText(tabletB.page), { timeout: SCREEN_TIMEOUT })
      .toMatch(/Sam[^.]*(first|already|claimed|got)/i);
    await tabletB.shot('tablet-lost-claim');
    await tabletA.shot('tablet-won-claim');
    await expect
      .poll(() => api.request(asked.id).then((r) => r.claimedBy?.displayName))
      .toBe('Sam');
    await expect
      .poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT })
      .toMatch(/Sam[^.]*on (the|their|his|her) way/i);
    for (const device of [kiosk, tabletA, tabletB]) await device.context.close();
  });

  test('a patron cancels at the kiosk; the request leaves the queue', async () => {
    const kiosk = await openKiosk(browser, api, FILE, { clock: true });
    const tablet = await openTablet(browser, api, FILE, lee);
    const asked = await askForHelp(kiosk.page, { topic: techTopic, name: 'Tomasz' });
    await queueItem(tablet.page, asked.ticket).waitFor({ timeout: SCREEN_TIMEOUT });

    await kiosk.page.getByRole('button', { name: 'Cancel' }).click();
    // A confirmation step is allowed; if there is one, it is a second clearly named button.
    const confirm = kiosk.page.getByRole('button', { name: /yes|cancel (my|the) request/i });
    if (await confirm.isVisible()) await confirm.click();
    await expect
      .poll(() => api.request(asked.id).then((r) => r.status), { timeout: SCREEN_TIMEOUT })
      .toBe('cancelled');
    await kiosk.shot('kiosk-cancelled');
    await expect
      .poll(() => queueItem(tablet.page, asked.ticket).count(), { timeout: SCREEN_TIMEOUT })
      .toBe(0);
    await kiosk.page.clock.fastForward('00:30');
    await askMeButton(kiosk.page).waitFor({ timeout: SCREEN_TIMEOUT });
    await expect.poll(() => visibleText(kiosk.page)).not.toContain('Tomasz');
    await tablet.shot('tablet-after-cancel');
    await kiosk.context.close();
    await tablet.context.close();
  });

  test('a kiosk left alone resets to idle and keeps no patron text on screen', async () => {
    // The kiosk waits a minute or more of no touch; the page's clock skips that time.
    const kiosk = await openKiosk(browser, api, FILE, { clock: true });
    // Someone starts, types where to find them, and walks away without sending.
    await askMeButton(kiosk.page).click();
    await kiosk.page.getByRole('button', { name: techTopic }).click();
    await kiosk.page.getByRole('textbox').first().fill('Wilhelmina near the atlas');
    await kiosk.shot('kiosk-details-abandoned');
    await kiosk.page.clock.fastForward('05:00');
    await askMeButton(kiosk.page).waitFor({ timeout: SCREEN_TIMEOUT });
    await kiosk.page.clock.fastForward('01:00');
    await expect.poll(() => visibleText(kiosk.page)).not.toContain('Wilhelmina');
    await kiosk.shot('kiosk-idle-after-walk-away');

    // Someone asks, is served, and leaves: after the thanks the kiosk is clean again.
    const asked = await askForHelp(kiosk.page, {
      topic: techTopic,
      name: 'Zephyrine in a green scarf',
    });
    expect(await visibleText(kiosk.page)).toContain(asked.ticket);
    const device = await api.enrollApiDevice('tablet', 'E2E tablet for Sam');
    const session = await api.staffSession(device, sam);
    await api.act(session.token, asked.id, 'claim');
    await api.act(session.token, asked.id, 'resolve', { outcome: 'answered' });
    await expect.poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT }).toMatch(/thank/i);
    await kiosk.page.clock.fastForward('05:00');
    await askMeButton(kiosk.page).waitFor({ timeout: SCREEN_TIMEOUT });
    await expect.poll(() => visibleText(kiosk.page)).not.toMatch(/Zephyrine|green scarf/);
    expect(await visibleText(kiosk.page)).not.toMatch(ticketText(asked.ticket));
    await kiosk.shot('kiosk-clean-after-reset');
    await kiosk.context.close();
  });
});

describe('a supervisor enrolls a device', () => {
  test("the admin screen's enrollment link turns a fresh browser into a kiosk", async () => {
    const admin = await openDevice(browser, server.url, FILE, 'desktop');
    await admin.page.goto('/admin');
    await admin.page.getByLabel('Username').fill('admin');
    await admin.page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await admin.shot('admin-sign-in');
    await admin.page.getByRole('button', { name: 'Sign in' }).click();

    await admin.page
      .getByRole('navigation', { name: /supervisor/i })
      .getByRole('link', { name: 'Devices' })
      .click({ timeout: SCREEN_TIMEOUT });
    await admin.page.getByRole('radio', { name: /kiosk/i }).check();
    await admin.page.getByLabel(/device name/i).fill('Lobby kiosk by the door');
    await admin.page.getByRole('button', { name: /enrollment link/i }).click();
    const link = admin.page.getByText(/\/enroll\?code=/);
    await link.waitFor({ timeout: SCREEN_TIMEOUT });
    const href = (await link.innerText()).trim();
    expect(href).toMatch(new RegExp(`^${server.url}/enroll\\?code=\\S+$`));
    await admin.page.getByRole('img', { name: /QR code/i }).waitFor();
    await admin.shot('admin-enrollment-link');

    const fresh = await openDevice(browser, server.url, FILE, 'kiosk');
    await fresh.page.goto(href);
    await askMeButton(fresh.page).waitFor({ timeout: SCREEN_TIMEOUT });
    await fresh.shot('kiosk-enrolled-from-link');
    // The server now knows it as a kiosk of the main branch.
    const { devices } = await call<{
      devices: { kind: string; label: string; branchId: string }[];
    }>(server.url, 'GET', '/api/devices', api.adminToken);
    expect(devices.find((d) => d.label === 'Lobby kiosk by the door')).toMatchObject({
      kind: 'kiosk',
      branchId: 'main',
    });
    await admin.context.close();
    await fresh.context.close();
  });
});

describe('a supervisor reads how service went', () => {
  test("the Report screen shows today's figures for the branch", async () => {
    // One request of its own, answered with effort 3, so today is never empty here.
    const kioskToken = await api.enrollApiDevice('kiosk', 'Report kiosk');
    const tabletToken = await api.enrollApiDevice('tablet', 'Report tablet');
    const hanaOnTablet = await api.staffSession(tabletToken, hana);
    const asked = await api.createRequest(kioskToken, {
      topicId: (await api.topicFor('history')).id,
    });
    for (const action of ['claim', 'start'] as const) {
      await api.act(hanaOnTablet.token, asked.id, action);
    }
    await api.act(hanaOnTablet.token, asked.id, 'resolve', { outcome: 'answered', effort: 3 });

    const admin = await openDevice(browser, server.url, FILE, 'desktop');
    await admin.page.goto('/admin');
    await admin.page.getByLabel('Username').fill('admin');
    await admin.page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await admin.page.getByRole('button', { name: 'Sign in' }).click();
    await admin.page
      .getByRole('navigation', { name: /supervisor/i })
      .getByRole('link', { name: 'Report' })
      .click({ timeout: SCREEN_TIMEOUT });
    expect(new URL(admin.page.url()).pathname).toBe('/admin/report');

    const ended = admin.page.getByRole('table', { name: 'How requests ended' });
    await ended.waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await admin.page.getByRole('radio', { name: 'Today' }).isChecked()).toBe(true);
    const staff = admin.page.getByRole('table', { name: 'Requests resolved, by staff member' });
    await staff.getByRole('rowheader', { name: 'Hana' }).waitFor();
    const effort = admin.page.getByRole('table', { name: 'Effort of the requests helped' });
    const grade3 = effort.getByRole('row', { name: /^3: some searching together/ });
    expect(Number(await grade3.getByRole('cell').innerText())).toBeGreaterThanOrEqual(1);
    await admin.shot('admin-report-today');
    await admin.context.close();
  });
});
