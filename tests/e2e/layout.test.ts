// Every main screen at 200% zoom (a viewport half the device's size) against the real server:
// nothing scrolls sideways and every control is big enough to hit with a finger. Then a patron
// with only a keyboard asks for help at the kiosk, seeing where the focus is at every step.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { RoveApi, call, type StaffInfo } from './support/api.js';
import type { Branch } from '../../src/shared/schemas.js';
import {
  launchBrowser,
  openDevice,
  visibleText,
  waitForServiceWorker,
  type Device,
} from './support/browser.js';
import {
  SCREEN_TIMEOUT,
  askForHelp,
  askMeButton,
  askWhileOffline,
  enrollDevice,
  myRequest,
  openKiosk,
  openTablet,
  queueItem,
} from './support/devices.js';
import { MIN_TARGET, ZOOMED, horizontalOverflow, smallTargets } from './support/layout.js';
import { ADMIN_PASSWORD, startRove, type RoveProcess } from './support/server.js';

const FILE = 'layout';

let server: RoveProcess;
let browser: Browser;
let api: RoveApi;
let rover: StaffInfo;

beforeAll(async () => {
  [server, browser] = await Promise.all([startRove(), launchBrowser()]);
  api = await RoveApi.connect(server.url);
  // A long name, as real ones can be: it must wrap, not push the page sideways.
  rover = await api.createStaff('Samantha Okonkwo-Richards', '1234', ['tech', 'general']);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** The screen as it stands: fits the window, every control big enough; saved for review. */
async function checkScreen(device: Device, name: string): Promise<void> {
  await device.shot(`${name}-200`);
  expect(await horizontalOverflow(device.page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  const small = await smallTargets(device.page);
  expect(small, `${name}: controls under ${MIN_TARGET}px:\n${small.join('\n')}`).toEqual([]);
}

describe('at 200% zoom', () => {
  test('the kiosk: idle, topics, details and the ticket', async () => {
    const kiosk = await openKiosk(browser, api, FILE);
    await kiosk.page.setViewportSize(ZOOMED.kiosk);
    await checkScreen(kiosk, 'kiosk-idle');
    await askMeButton(kiosk.page).click();
    const topic = (await api.topicFor('tech')).label;
    await kiosk.page.getByRole('button', { name: topic }).waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(kiosk, 'kiosk-topics');
    await kiosk.page.getByRole('button', { name: topic }).click();
    await kiosk.page.getByRole('button', { name: 'Send' }).waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(kiosk, 'kiosk-details');
    await kiosk.page.getByRole('textbox').fill('Priya, by the printers in a long green coat');
    await kiosk.page.getByRole('button', { name: 'Send' }).click();
    await kiosk.page
      .getByRole('button', { name: /cancel request/i })
      .waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(kiosk, 'kiosk-ticket');
    await kiosk.context.close();
  });

  test('the kiosk: waiting with its place in line, on the way, thanks', async () => {
    const kiosk = await openKiosk(browser, api, FILE, { label: 'Layout kiosk, following' });
    const page = kiosk.page;
    await page.setViewportSize(ZOOMED.kiosk);
    const topic = (await api.topicFor('tech')).label;
    const asked = await askForHelp(page, { topic, name: 'Priya, by the printers' });
    await expect
      .poll(() => visibleText(page), { timeout: SCREEN_TIMEOUT })
      .toMatch(/Waiting for the next free staff member[\s\S]*(You are next|ahead of you)/);
    await checkScreen(kiosk, 'kiosk-waiting');

    // A rover with a long name serves the patron from an API tablet; the kiosk follows.
    const tablet = await api.enrollApiDevice('tablet', 'Layout API tablet');
    const { token } = await api.staffSession(tablet, rover);
    await api.act(token, asked.id, 'claim');
    await expect
      .poll(() => visibleText(page), { timeout: SCREEN_TIMEOUT })
      .toMatch(/Okonkwo-Richards\s+is on the way/);
    await checkScreen(kiosk, 'kiosk-on-the-way');
    // The rover cannot see the patron and pages them: full screen, then back to their ticket.
    await api.act(token, asked.id, 'page');
    const here = page.getByRole('button', { name: "I'm here" });
    await here.waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(kiosk, 'kiosk-paged');
    await here.click();
    await expect
      .poll(() => visibleText(page), { timeout: SCREEN_TIMEOUT })
      .toMatch(/Okonkwo-Richards\s+is on the way/);
    await api.act(token, asked.id, 'resolve', { outcome: 'answered' });
    const well = page.getByRole('group', { name: 'How well did we do?' });
    await well.waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(kiosk, 'kiosk-feedback');
    await well.getByRole('button', { name: '4 of 5: well' }).click();
    await page
      .getByRole('group', { name: 'How much did this matter to you today?' })
      .getByRole('button', { name: '5 of 5: a great deal' })
      .click();
    await page.getByRole('button', { name: 'Start again' }).waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(kiosk, 'kiosk-thanks');
    await kiosk.context.close();
  });

  test('the kiosk offline: idle, and a request it could not send yet', async () => {
    const kiosk = await openKiosk(browser, api, FILE, { label: 'Layout kiosk, offline' });
    const page = kiosk.page;
    await page.setViewportSize(ZOOMED.kiosk);
    await waitForServiceWorker(page);
    await kiosk.context.setOffline(true);
    await expect.poll(() => visibleText(page), { timeout: SCREEN_TIMEOUT }).toMatch(/offline/i);
    await checkScreen(kiosk, 'kiosk-offline-idle');
    await askWhileOffline(page, { topic: (await api.topicFor('books')).label, name: 'Olga' });
    await expect
      .poll(() => visibleText(page), { timeout: SCREEN_TIMEOUT })
      .toMatch(/staff may not see your request yet/);
    await checkScreen(kiosk, 'kiosk-offline-request');
    await kiosk.context.close();
  });

  test('the tablet: sign-in, PIN, queue, my request with its forms, and walk-ups', async () => {
    const tablet = await enrollDevice(browser, api, FILE, 'tablet', 'Layout tablet');
    const page = tablet.page;
    await page.setViewportSize(ZOOMED.tablet);
    if (!new URL(page.url()).pathname.startsWith('/staff')) await page.goto('/staff');
    await page
      .getByRole('button', { name: rover.displayName })
      .waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(tablet, 'tablet-sign-in');
    await page.getByRole('button', { name: rover.displayName }).click();
    await page.getByLabel('PIN').waitFor();
    await checkScreen(tablet, 'tablet-pin');
    await page.getByLabel('PIN').fill(rover.pin);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const kioskToken = await api.enrollApiDevice('kiosk', 'Layout API kiosk');
    const topicId = (await api.topicFor('tech')).id;
    const first = await api.createRequest(kioskToken, {
      topicId,
      name: 'Mr Okafor in the green hat, by the big windows upstairs',
      needs: ['private'],
    });
    await api.createRequest(kioskToken, { topicId, name: 'Ada' });
    const item = queueItem(page, first.ticket);
    await item.waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(tablet, 'tablet-queue');

    await item.getByRole('button', { name: /^Claim/ }).click();
    const mine = myRequest(page, first.ticket);
    for (const action of ['Start', 'Resolve', 'Release', 'Hand off']) {
      await mine.getByRole('button', { name: action, exact: true }).waitFor({
        timeout: SCREEN_TIMEOUT,
      });
    }
    await checkScreen(tablet, 'tablet-my-request');
    await mine.getByRole('button', { name: 'Start' }).click();
    await mine.getByRole('button', { name: 'Hand off', exact: true }).click();
    await mine.getByRole('radio').first().waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(tablet, 'tablet-hand-off-form');
    await mine.getByRole('button', { name: 'Back' }).click();
    await mine.getByRole('button', { name: 'Resolve', exact: true }).click();
    await mine.getByRole('radio', { name: /answered/i }).waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(tablet, 'tablet-resolve-form');
    await mine.getByRole('button', { name: 'Back' }).click();

    // For the patron in front of them: the form to send for a specialist, and both taps of
    // "I helped someone" with its optional details open.
    await page.getByRole('button', { name: 'Send for a specialist' }).click();
    await page.getByRole('combobox', { name: 'Where in the library?' }).waitFor();
    await checkScreen(tablet, 'tablet-walk-up-form');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'I helped someone' }).click();
    await page.getByRole('heading', { name: 'What was it about?' }).waitFor();
    await checkScreen(tablet, 'tablet-helped-topic');
    await page.getByRole('button', { name: 'Finding a book' }).click();
    await page.getByText('Effort, language and time (optional)').click();
    await page.getByRole('combobox', { name: 'Effort' }).waitFor();
    await checkScreen(tablet, 'tablet-helped-outcome');
    await tablet.context.close();
  });

  test('the tablet: the sign-out question, with a claim made offline not yet sent', async () => {
    const kioskToken = await api.enrollApiDevice('kiosk', 'Layout API kiosk, sign-out');
    const asked = await api.createRequest(kioskToken, {
      topicId: (await api.topicFor('tech')).id,
      name: 'Bea, at the returns trolley',
    });
    const tablet = await openTablet(browser, api, FILE, rover, 'Layout tablet, sign-out');
    const page = tablet.page;
    await page.setViewportSize(ZOOMED.tablet);
    await queueItem(page, asked.ticket).waitFor({ timeout: SCREEN_TIMEOUT });
    await waitForServiceWorker(page);
    await tablet.context.setOffline(true);
    await queueItem(page, asked.ticket)
      .getByRole('button', { name: /^Claim/ })
      .click();
    await page.getByRole('heading', { name: 'My request' }).waitFor({ timeout: SCREEN_TIMEOUT });
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    const question = page.getByRole('dialog', { name: 'Sign out now?' });
    await question.waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await question.textContent()).toContain(`claim ${asked.ticket}`);
    await checkScreen(tablet, 'tablet-sign-out-question');
    await tablet.context.close();
  });

  test('the enroll page, with a link that no longer works', async () => {
    for (const [shape, size] of [
      ['kiosk', ZOOMED.kiosk],
      ['tablet', ZOOMED.tablet],
    ] as const) {
      const device = await openDevice(browser, server.url, FILE, shape);
      await device.page.setViewportSize(size);
      await device.page.goto('/enroll?code=already-used-or-never-made');
      await device.page
        .getByRole('button', { name: 'Try again' })
        .waitFor({ timeout: SCREEN_TIMEOUT });
      await device.page
        .getByRole('heading', { level: 1, name: 'Setting up this device' })
        .waitFor();
      await checkScreen(device, `enroll-problem-${shape}`);
      await device.context.close();
    }
  });

  test('greeter scripts: the list and a checklist', async () => {
    const tablet = await enrollDevice(browser, api, FILE, 'tablet', 'Layout door tablet');
    await tablet.page.setViewportSize(ZOOMED.tablet);
    await tablet.page.goto('/scripts');
    const welcome = tablet.page.getByRole('link', { name: /Welcome at the door/ });
    await welcome.waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(tablet, 'scripts-list');
    await welcome.click();
    await tablet.page.getByRole('checkbox').first().waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(tablet, 'scripts-checklist');
    await tablet.context.close();
  });

  test('the supervisor: sign-in, devices with an enrollment code, staff, topics, scripts, report, password', async () => {
    const admin = await openDevice(browser, server.url, FILE, 'desktop');
    const page = admin.page;
    await page.setViewportSize(ZOOMED.desktop);
    await page.goto('/admin');
    await page.getByLabel('Username').waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(admin, 'admin-sign-in');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('radio', { name: /kiosk/i }).check({ timeout: SCREEN_TIMEOUT });
    await page.getByLabel(/device name/i).fill('Lobby kiosk by the door');
    await page.getByRole('button', { name: /enrollment link/i }).click();
    await page.getByRole('img', { name: /QR code/i }).waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(admin, 'admin-devices');

    const sections: [string, (page: Page) => Promise<void>][] = [
      ['Staff', (p) => p.getByRole('button', { name: /Edit/ }).first().waitFor()],
      ['Topics', (p) => p.getByRole('button', { name: /Hide/ }).first().waitFor()],
      [
        'Skills',
        (p) =>
          p
            .getByRole('button', { name: /^Retire/ })
            .first()
            .waitFor(),
      ],
      [
        'Scripts',
        (p) =>
          p
            .getByRole('button', { name: /^Edit / })
            .first()
            .waitFor(),
      ],
      ['Report', (p) => p.getByRole('table').first().waitFor()],
      ['Password', (p) => p.getByRole('button', { name: 'Change password' }).waitFor()],
    ];
    for (const [section, loaded] of sections) {
      await page.getByRole('link', { name: section, exact: true }).click();
      await loaded(page);
      await checkScreen(admin, `admin-${section.toLowerCase()}`);
    }

    // The floor (issue 11): the branch's zones and long-wait alert on Topics, then a kiosk
    // enrolled into a zone and moved to another on Devices, all against the real server.
    await page.getByRole('link', { name: 'Topics', exact: true }).click();
    for (const zone of ['Ground floor', 'Kids’ area']) {
      await page.getByRole('textbox', { name: 'New zone' }).fill(zone);
      await page.getByRole('button', { name: 'Add zone' }).click();
    }
    await page.getByRole('button', { name: 'Save zones' }).click();
    await page
      .getByText('Saved. Staff at Main Library can choose from 2 zones.')
      .waitFor({ timeout: SCREEN_TIMEOUT });
    await page.getByRole('textbox', { name: 'Alert staff when a patron has waited' }).fill('5');
    await page.getByRole('button', { name: 'Save the alert time' }).click();
    await page.getByText(/when a patron has waited 5 minutes/).waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(admin, 'admin-topics-zones');
    const main = await call<Branch>(server.url, 'GET', '/api/branches/main', api.adminToken);
    expect(main).toMatchObject({
      zones: ['Ground floor', 'Kids’ area'],
      escalateAfterSeconds: 300,
    });

    await page.getByRole('link', { name: 'Devices', exact: true }).click();
    await page.getByRole('combobox', { name: /^Zone/ }).selectOption('Kids’ area');
    await page.getByLabel(/device name/i).fill('Picture books kiosk');
    await page.getByRole('button', { name: /enrollment link/i }).click();
    const link = await page.getByText(/\/enroll\?code=/).textContent({ timeout: SCREEN_TIMEOUT });
    const kiosk = await openDevice(browser, server.url, FILE, 'kiosk');
    await kiosk.page.goto(link!.trim());
    await expect
      .poll(async () => (await kiosk.context.cookies()).some((c) => c.name === 'rove_device'), {
        timeout: SCREEN_TIMEOUT,
      })
      .toBe(true);
    await kiosk.context.close();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('Zone: Kids’ area.').waitFor({ timeout: SCREEN_TIMEOUT });
    await page.getByRole('button', { name: 'Change zone of Picture books kiosk' }).click();
    await page
      .getByRole('combobox', { name: 'Zone for Picture books kiosk' })
      .selectOption('Ground floor');
    await page.getByRole('button', { name: 'Save zone' }).click();
    await page
      .getByText('Picture books kiosk is now in Ground floor.')
      .waitFor({ timeout: SCREEN_TIMEOUT });
    await checkScreen(admin, 'admin-devices-zones');
    await admin.context.close();
  });
});

/** The element that has the keyboard focus, looking inside shadow roots. */
async function focused(page: Page): Promise<{ name: string; ring: boolean } | undefined> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return undefined;
    const style = getComputedStyle(active);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      name: (active.getAttribute('aria-label') ?? (active as HTMLElement).innerText ?? '').trim(),
      ring: outline || style.boxShadow !== 'none',
    };
  });
}

/** Presses Tab until the control named `name` has the focus, checking each stop shows it. */
async function tabTo(page: Page, name: RegExp, most = 12): Promise<void> {
  const passed: string[] = [];
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now) continue;
    expect(now.ring, `no visible focus on "${now.name}"`).toBe(true);
    if (name.test(now.name)) return;
    passed.push(now.name);
  }
  throw new Error(
    `Tab never reached ${name} in ${most} presses; it went to: ${passed.join(' | ')}`,
  );
}

describe('with the keyboard alone', () => {
  test('a patron tabs to Ask me, a topic and Send, and the ticket shows', async () => {
    const kiosk = await openKiosk(browser, api, FILE);
    const page = kiosk.page;
    const topic = (await api.topicFor('books')).label;

    await tabTo(page, /Ask me/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: topic }).waitFor({ timeout: SCREEN_TIMEOUT });
    await tabTo(page, new RegExp(topic));
    await kiosk.shot('keyboard-topic-focused');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: SCREEN_TIMEOUT });

    const created = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === '/api/requests',
      { timeout: SCREEN_TIMEOUT },
    );
    await tabTo(page, /^Send$/);
    await page.keyboard.press('Enter');
    const { request } = (await (await created).json()) as { request: { ticket: string } };
    await page
      .getByRole('heading', { name: new RegExp(`Your ticket\\s*${request.ticket}`) })
      .waitFor({ timeout: SCREEN_TIMEOUT });
    await kiosk.shot('keyboard-ticket');
    await kiosk.context.close();
  });
});
