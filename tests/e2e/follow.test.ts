// Issue 12 end to end: a kiosk, a rover's tablet and a patron's phone, each its own browser
// context, against the real server serving the real build. The phone opens the URL the
// kiosk's QR code encodes (checked by encoding it again) and follows the request live: the
// claim, a page from the kiosk with I'm here (which reaches the server), and the two
// questions at the end, whose answer the server keeps.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import qrcode from 'qrcode-generator';
import { RoveApi, call, type StaffInfo } from './support/api.js';
import { launchBrowser, openDevice, visibleText } from './support/browser.js';
import {
  SCREEN_TIMEOUT,
  askForHelp,
  myRequest,
  openKiosk,
  openTablet,
  queueItem,
  resolveMine,
} from './support/devices.js';
import { startRove, type RoveProcess } from './support/server.js';
import type { ServiceReport } from '../../src/shared/report.js';

const FILE = 'follow';
const QR_NAME = 'QR code: follow your request on your phone';

let server: RoveProcess;
let browser: Browser;
let api: RoveApi;
let sam: StaffInfo;
let techTopic: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startRove(), launchBrowser()]);
  api = await RoveApi.connect(server.url);
  sam = await api.createStaff('Sam', '1234', ['tech', 'general']);
  techTopic = (await api.topicFor('tech')).label;
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The path of the QR code a kiosk would draw for `url` (as <rove-follow-qr> draws it). */
function qrPath(url: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(url);
  qr.make();
  let d = '';
  for (let row = 0; row < qr.getModuleCount(); row++) {
    for (let col = 0; col < qr.getModuleCount(); col++) {
      if (qr.isDark(row, col)) d += `M${col + 4},${row + 4}h1v1h-1z`;
    }
  }
  return d;
}

describe('a patron follows a kiosk request on their phone', () => {
  test("the phone shows the claim and the page (so does the kiosk), says I'm here, and gives feedback", async () => {
    const kiosk = await openKiosk(browser, api, FILE);
    const tablet = await openTablet(browser, api, FILE, sam);
    const asked = await askForHelp(kiosk.page, { topic: techTopic, name: 'Priya by the printers' });

    // The ticket screen shows the QR code; the link it encodes is the one the kiosk keeps.
    const code = kiosk.page.getByRole('img', { name: QR_NAME });
    await code.waitFor({ timeout: SCREEN_TIMEOUT });
    await expect.poll(() => visibleText(kiosk.page)).toContain('Follow on your phone');
    await kiosk.shot('kiosk-ticket-with-qr');
    const followUrl = await kiosk.page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('rove');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction('meta').objectStore('meta').get('kioskFollowUrl');
            read.onsuccess = () => resolve(read.result?.value?.url);
            read.onerror = () => reject(read.error);
          };
        }),
    );
    expect(followUrl).toMatch(/\/follow\/[A-Za-z0-9_-]{43}$/);
    expect(await code.locator('path').getAttribute('d')).toBe(qrPath(followUrl));
    expect(await visibleText(kiosk.page)).not.toContain('/follow/');

    // The patron's phone opens it: its own light page, no name or note.
    const phone = await openDevice(browser, server.url, FILE, 'phone');
    await phone.context.addInitScript(() => {
      const buzzes: unknown[] = [];
      (window as unknown as { buzzes: unknown[] }).buzzes = buzzes;
      Object.defineProperty(navigator, 'vibrate', {
        configurable: true,
        value: (pattern: unknown) => buzzes.push(pattern) > 0,
      });
    });
    await phone.page.goto(followUrl);
    await expect
      .poll(() => visibleText(phone.page), { timeout: SCREEN_TIMEOUT })
      .toContain(asked.ticket);
    await expect.poll(() => visibleText(phone.page)).toMatch(/You are next|ahead of you/);
    expect(await visibleText(phone.page)).not.toContain('Priya');
    await phone.shot('phone-waiting');
    const buzzes = () =>
      phone.page.evaluate(() => (window as unknown as { buzzes: unknown[] }).buzzes.length);

    // The rover claims: the phone says who is coming, and buzzes.
    await queueItem(tablet.page, asked.ticket)
      .getByRole('button', { name: 'Claim' })
      .click({ timeout: SCREEN_TIMEOUT });
    await expect
      .poll(() => visibleText(phone.page), { timeout: SCREEN_TIMEOUT })
      .toContain('Sam is on the way');
    expect(await buzzes()).toBe(1);
    await phone.shot('phone-on-the-way');

    // The rover cannot find them and pages at the kiosk: the phone says so; I'm here answers.
    const mine = myRequest(tablet.page, asked.ticket);
    await mine.getByText('Follows this on their phone').waitFor({ timeout: SCREEN_TIMEOUT });
    await mine
      .getByRole('button', { name: 'Page at the kiosk' })
      .click({ timeout: SCREEN_TIMEOUT });
    await expect
      .poll(() => visibleText(phone.page), { timeout: SCREEN_TIMEOUT })
      .toContain('Sam is looking for you at the kiosk');
    expect(await buzzes()).toBe(2);
    // The kiosk that took the request shows the page full screen too.
    await expect
      .poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT })
      .toMatch(new RegExp(`Ticket\\s+${asked.ticket}\\s*:\\s+Sam\\s+is looking for you here`));
    await kiosk.shot('kiosk-paged');
    await phone.shot('phone-paged');
    await phone.page.getByRole('button', { name: "I'm here" }).click();
    await expect
      .poll(() => api.request(asked.id).then((r) => Boolean(r.patronHereAt)), {
        timeout: SCREEN_TIMEOUT,
      })
      .toBe(true);
    await expect.poll(() => visibleText(phone.page)).toContain('Sam knows you are here');
    await mine.getByText('The patron is at the kiosk').waitFor({ timeout: SCREEN_TIMEOUT });
    // Answered on the phone: the kiosk's page screen goes away.
    await expect
      .poll(() => visibleText(kiosk.page), { timeout: SCREEN_TIMEOUT })
      .not.toContain('is looking for you here');

    // Served and resolved: the phone asks the two questions, and the answer lands once.
    await myRequest(tablet.page, asked.ticket)
      .getByRole('button', { name: 'Start' })
      .click({ timeout: SCREEN_TIMEOUT });
    await resolveMine(myRequest(tablet.page, asked.ticket));
    await phone.page
      .getByRole('button', { name: '5', exact: true })
      .click({ timeout: SCREEN_TIMEOUT });
    await phone.shot('phone-feedback');
    await phone.page.getByRole('button', { name: '4', exact: true }).click();
    await expect
      .poll(() => visibleText(phone.page), { timeout: SCREEN_TIMEOUT })
      .toContain('Thank you for telling us.');
    await phone.shot('phone-thanks');
    // It lands once, in the service report's figures.
    const token = new URL(followUrl).pathname.split('/').pop()!;
    await expect(
      call(server.url, 'POST', `/api/follow/${token}/feedback`, undefined, { satisfaction: 1 }),
    ).rejects.toMatchObject({ status: 409 });
    const today = new Date().toISOString().slice(0, 10);
    const report = await call<ServiceReport>(
      server.url,
      'GET',
      `/api/branches/main/report?from=${today}&to=${today}&tz=UTC`,
      api.adminToken,
    );
    expect(report.feedback.responses).toBe(1);
    expect(report.feedback.satisfaction).toEqual([0, 0, 0, 0, 1]);

    await Promise.all([kiosk.context.close(), tablet.context.close(), phone.context.close()]);
  });
});
