// The supervisor changes the admin password in Chromium against the real server: the screen
// says other sign-ins ended, and they have. A colleague's browser, signed in with the old
// password, is sent back to the sign-in at its next step, while this one goes on working; the
// new password signs in and the old one does not.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDevice, visibleText, type Device } from './support/browser.js';
import { SCREEN_TIMEOUT } from './support/devices.js';
import { ADMIN_PASSWORD, startRove, type RoveProcess } from './support/server.js';

const FILE = 'admin-password';
const NEW_PASSWORD = 'a new password for the e2e';

let server: RoveProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startRove(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A supervisor's browser, signed in with `password`, showing the Devices screen. */
async function signedIn(password: string): Promise<Device> {
  const admin = await openDevice(browser, server.url, FILE, 'desktop');
  await admin.page.goto('/admin');
  await signIn(admin.page, password);
  await admin.page
    .getByRole('heading', { name: 'Devices' })
    .first()
    .waitFor({ timeout: SCREEN_TIMEOUT });
  return admin;
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByLabel('Username').waitFor({ timeout: SCREEN_TIMEOUT });
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const shown = async (page: Page) => (await visibleText(page)).replace(/\s+/g, ' ');

describe('changing the admin password', () => {
  test('ends the other supervisor’s sign-in and keeps this one', async () => {
    const mine = await signedIn(ADMIN_PASSWORD);
    const theirs = await signedIn(ADMIN_PASSWORD);
    const page = mine.page;

    await page.getByRole('link', { name: 'Password', exact: true }).click();
    await page.getByLabel('Current password').fill(ADMIN_PASSWORD);
    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByLabel('Type the new password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Password changed' });
    await done.waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await done.textContent()).toContain('other admin sign-ins have been ended');
    await mine.shot('admin-password-changed');

    // This browser goes on working.
    await page.getByRole('link', { name: 'Staff', exact: true }).click();
    await page.getByRole('heading', { name: 'Staff' }).first().waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await shown(page)).not.toContain('sign-in has ended');

    // The other one is asked to sign in again at its next step.
    await theirs.page.getByRole('link', { name: 'Staff', exact: true }).click();
    await theirs.page.getByLabel('Username').waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await shown(theirs.page)).toContain('Your supervisor sign-in has ended');
    await theirs.shot('admin-password-other-signed-out');

    // The old password no longer signs in there; the new one does.
    await signIn(theirs.page, ADMIN_PASSWORD);
    await theirs.page
      .getByRole('alert')
      .filter({ hasText: "don't match" })
      .waitFor({ timeout: SCREEN_TIMEOUT });
    await signIn(theirs.page, NEW_PASSWORD);
    await theirs.page
      .getByRole('navigation', { name: 'Supervisor sections' })
      .waitFor({ timeout: SCREEN_TIMEOUT });

    await mine.context.close();
    await theirs.context.close();
  });

  test('says so in words when the current password is wrong, and stays signed in', async () => {
    const admin = await signedIn(NEW_PASSWORD);
    const page = admin.page;
    await page.getByRole('link', { name: 'Password', exact: true }).click();
    await page.getByLabel('Current password').fill('not the password at all');
    await page.getByLabel(/^New password/).fill('another new password');
    await page.getByLabel('Type the new password again').fill('another new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'current password is not right' });
    await alert.waitFor({ timeout: SCREEN_TIMEOUT });
    await admin.shot('admin-password-wrong-current');
    await page.getByRole('link', { name: 'Devices', exact: true }).click();
    await page
      .getByRole('heading', { name: 'Devices' })
      .first()
      .waitFor({ timeout: SCREEN_TIMEOUT });
    await admin.context.close();
  });
});
