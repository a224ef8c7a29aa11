// Signing out of a tablet with a change that has not reached the server: the rover is asked,
// can stay until it is sent, or discard it; a discarded change is never sent under the next
// staff member's session. And a sign-out made with no network still ends the session on the
// server once the tablet is back: the old token stops working and a reload shows the sign-in.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { HttpError, call } from './support/api.js';
import { visibleText, waitForServiceWorker } from './support/browser.js';
import { SCREEN_TIMEOUT, openTablet, queueItem, signIn } from './support/devices.js';
import { CATCH_UP, startScene, type Scene } from './support/scene.js';

const FILE = 'sign-out';
let scene: Scene;

beforeAll(async () => {
  scene = await startScene();
});
afterAll(() => scene?.close());

/** Every POST path the device got an answer to (a failed offline attempt is not one). */
function answeredPosts(context: BrowserContext): string[] {
  const paths: string[] = [];
  context.on('requestfinished', (request) => {
    if (request.method() === 'POST') paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

/** The screen's text with runs of white space made one space. */
const shown = async (page: Page) => (await visibleText(page)).replace(/\s+/g, ' ');
const signOutButton = (page: Page) => page.getByRole('button', { name: 'Sign out', exact: true });
const question = (page: Page) => page.getByRole('dialog', { name: 'Sign out now?' });

/** Sam, on a tablet gone offline, claims the request with ticket `ticket`. */
async function claimOffline(page: Page, context: BrowserContext, ticket: string) {
  await queueItem(page, ticket).waitFor({ timeout: SCREEN_TIMEOUT });
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await queueItem(page, ticket).getByRole('button', { name: 'Claim' }).click();
  await page.getByRole('heading', { name: 'My request' }).waitFor({ timeout: SCREEN_TIMEOUT });
}

describe('signing out with a change not yet sent', () => {
  test('the rover is warned, stays, and the claim is sent once back online', async () => {
    const { browser, api, kioskToken, sam, topic } = scene;
    const request = await api.createRequest(kioskToken, { topicId: topic.id, name: 'Ines' });
    const tablet = await openTablet(browser, api, FILE, sam);
    await claimOffline(tablet.page, tablet.context, request.ticket);

    await signOutButton(tablet.page).click();
    const dialog = question(tablet.page);
    await dialog.waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await dialog.textContent()).toContain(
      `1 change has not reached the server yet: claim ${request.ticket}.`,
    );
    await tablet.shot('tablet-sign-out-asks');
    const stay = tablet.page.getByRole('button', { name: 'Stay signed in until it is sent' });
    await expect.poll(() => stay.evaluate((el) => el.matches(':focus'))).toBe(true);
    await stay.click();
    await dialog.waitFor({ state: 'hidden', timeout: SCREEN_TIMEOUT });
    expect(await shown(tablet.page)).toContain('Signed in as Sam');

    await tablet.context.setOffline(false);
    await expect
      .poll(() => api.request(request.id).then((r) => r.claimedBy?.displayName), {
        timeout: CATCH_UP,
      })
      .toBe('Sam');
    // Everything sent: Sign out now signs out, with no question.
    await expect
      .poll(() => visibleText(tablet.page), { timeout: CATCH_UP })
      .not.toMatch(/waiting to send/i);
    await signOutButton(tablet.page).click();
    await tablet.page.getByRole('button', { name: 'Lee' }).waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await question(tablet.page).count()).toBe(0);
    expect(await shown(tablet.page)).not.toMatch(/discarded/);
    await tablet.context.close();
  });

  test('a discarded claim is gone, and the next staff member’s session sends nothing of it', async () => {
    const { browser, api, kioskToken, sam, lee, topic } = scene;
    const discarded = await api.createRequest(kioskToken, { topicId: topic.id, name: 'Dora' });
    const leesOwn = await api.createRequest(kioskToken, { topicId: topic.id, name: 'Lars' });
    const tablet = await openTablet(browser, api, FILE, sam);
    const posts = answeredPosts(tablet.context);
    await claimOffline(tablet.page, tablet.context, discarded.ticket);

    await signOutButton(tablet.page).click();
    await question(tablet.page).waitFor({ timeout: SCREEN_TIMEOUT });
    await tablet.page.getByRole('button', { name: 'Sign out and discard it' }).click();
    const said = tablet.page.getByRole('status').filter({ hasText: 'discarded' });
    await said.waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await said.textContent()).toBe(
      `Signed out. 1 change discarded, never sent: claim ${discarded.ticket}.`,
    );
    await tablet.shot('tablet-sign-out-discarded');

    // Lee signs in on the same tablet, online, and claims a request of their own. The outbox
    // is sent in order, so once Lee's claim is on the server, Sam's would have been too.
    await tablet.context.setOffline(false);
    await signIn(tablet.page, lee);
    await queueItem(tablet.page, leesOwn.ticket)
      .getByRole('button', { name: 'Claim' })
      .click({ timeout: SCREEN_TIMEOUT });
    await expect
      .poll(() => api.request(leesOwn.id).then((r) => r.claimedBy?.displayName), {
        timeout: CATCH_UP,
      })
      .toBe('Lee');

    const untouched = await api.request(discarded.id);
    expect(untouched.status).toBe('waiting');
    expect(untouched.claimedBy).toBeUndefined();
    expect(untouched.version).toBe(1);
    expect(posts).not.toContain(`/api/requests/${discarded.id}/claim`);
    expect(posts).toContain(`/api/requests/${leesOwn.id}/claim`);
    await tablet.context.close();
  });
});

/** The staff token the tablet's browser holds in its HttpOnly cookie (read as a script could). */
async function sessionToken(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'rove_session' && c.value);
  expect(cookie, 'the tablet holds a staff session cookie').toBeDefined();
  return cookie!.value;
}

/** Whether the server still takes `token` as a staff session (the branch queue answers). */
async function stillWorks(token: string): Promise<boolean> {
  try {
    await call(scene.api.base, 'GET', '/api/branches/main/requests', token);
    return true;
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return false;
    throw error;
  }
}

describe('signing out with no network', () => {
  test('the server ends the session as soon as the tablet is back online', async () => {
    const { browser, api, sam } = scene;
    const tablet = await openTablet(browser, api, FILE, sam);
    await waitForServiceWorker(tablet.page);
    const token = await sessionToken(tablet.context);
    expect(await stillWorks(token)).toBe(true);

    await tablet.context.setOffline(true);
    await signOutButton(tablet.page).click();
    await tablet.page.getByRole('button', { name: 'Lee' }).waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await shown(tablet.page)).not.toContain('Signed in as Sam');
    // The server has not heard yet: the token still works for anyone holding it.
    expect(await stillWorks(token)).toBe(true);

    await tablet.context.setOffline(false);
    await expect.poll(() => stillWorks(token), { timeout: CATCH_UP }).toBe(false);
    await tablet.page.reload();
    await tablet.page.getByRole('button', { name: 'Sam' }).waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await shown(tablet.page)).not.toContain('Signed in as Sam');
    expect(await signOutButton(tablet.page).count()).toBe(0);
    await tablet.context.close();
  });

  test('a tablet closed while offline ends the session on its next load, before anything else', async () => {
    const { browser, api, sam, lee } = scene;
    const tablet = await openTablet(browser, api, FILE, sam);
    await waitForServiceWorker(tablet.page);
    const token = await sessionToken(tablet.context);

    await tablet.context.setOffline(true);
    await signOutButton(tablet.page).click();
    await tablet.page.getByRole('button', { name: 'Lee' }).waitFor({ timeout: SCREEN_TIMEOUT });
    // Closed before the network came back: only the next load can tell the server.
    await tablet.page.close();
    await tablet.context.setOffline(false);
    expect(await stillWorks(token)).toBe(true);

    const page = await tablet.context.newPage();
    await page.goto('/staff');
    await page.getByRole('button', { name: 'Sam' }).waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await shown(page)).not.toContain('Signed in as Sam');
    await expect.poll(() => stillWorks(token), { timeout: CATCH_UP }).toBe(false);

    // The next rover signs in as usual.
    await signIn(page, lee);
    expect(await shown(page)).toContain('Signed in as Lee');
    await tablet.context.close();
  });
});
