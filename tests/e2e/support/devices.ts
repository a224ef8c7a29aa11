// The people of an e2e test, each in their own browser context: a kiosk enrolled through its
// /enroll link, tablets signed in through the sign-in screen, found by role and accessible name.
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RoveApi, StaffInfo } from './api.js';
import { openDevice, type Device, type DeviceShape } from './browser.js';

/** How long a person waits for the screen to catch up before a test calls it a failure. */
export const SCREEN_TIMEOUT = 15_000;

interface DeviceOptions {
  /** Install Playwright's clock in the device's context, so `page.clock.fastForward` works. */
  clock?: boolean;
}

/** Opens `/enroll?code=` for a new code in a fresh context and waits until the device cookie is set. */
export async function enrollDevice(
  browser: Browser,
  api: RoveApi,
  file: string,
  kind: 'kiosk' | 'tablet',
  label: string,
  options: DeviceOptions = {},
): Promise<Device> {
  const device = await openDevice(browser, api.base, file, kind as DeviceShape);
  // A controllable clock (still running at normal speed) lets a test skip a minute of "no touch".
  if (options.clock) await device.context.clock.install();
  const { code } = await api.enrollmentCode(kind, label);
  await device.page.goto(`/enroll?code=${encodeURIComponent(code)}`);
  await expect
    .poll(async () => (await device.context.cookies()).some((c) => c.name === 'rove_device'), {
      timeout: SCREEN_TIMEOUT,
      message: `the ${kind} never got its device cookie from /enroll (page log: ${device.log.join(' | ')})`,
    })
    .toBe(true);
  return device;
}

/** A kiosk enrolled through its link, showing its idle screen. */
export async function openKiosk(
  browser: Browser,
  api: RoveApi,
  file: string,
  options: DeviceOptions & { label?: string } = {},
) {
  const kiosk = await enrollDevice(
    browser,
    api,
    file,
    'kiosk',
    options.label ?? 'Lobby kiosk',
    options,
  );
  if (!new URL(kiosk.page.url()).pathname.startsWith('/kiosk')) await kiosk.page.goto('/kiosk');
  await askMeButton(kiosk.page).waitFor({ timeout: SCREEN_TIMEOUT });
  return kiosk;
}

/** A tablet enrolled through its link, with `staff` signed in through the sign-in screen. */
export async function openTablet(
  browser: Browser,
  api: RoveApi,
  file: string,
  staff: StaffInfo,
  label = `Tablet of ${staff.displayName}`,
) {
  const tablet = await enrollDevice(browser, api, file, 'tablet', label);
  if (!new URL(tablet.page.url()).pathname.startsWith('/staff')) await tablet.page.goto('/staff');
  await signIn(tablet.page, staff);
  return tablet;
}

/** Signs `staff` in on a tablet's sign-in screen: their name, then the PIN, then Sign in. */
export async function signIn(page: Page, staff: StaffInfo): Promise<void> {
  await page.getByRole('button', { name: staff.displayName }).click({ timeout: SCREEN_TIMEOUT });
  await page.getByLabel('PIN').fill(staff.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signOutButton(page).waitFor({ timeout: SCREEN_TIMEOUT });
}

export const askMeButton = (page: Page) => page.getByRole('button', { name: /Ask me/i });
export const signOutButton = (page: Page) => page.getByRole('button', { name: /Sign out/i });

/** Text that holds ticket `ticket` as a code of its own: A1 is not A12, nor part of "BA1". */
export const ticketText = (ticket: string): RegExp =>
  new RegExp(`(?<![A-Za-z0-9])${ticket}(?!\\d)`);

/** The queue's entry for ticket `ticket`. */
export const queueItem = (page: Page, ticket: string): Locator =>
  page.getByRole('listitem').filter({ hasText: ticketText(ticket) });

/** On a rover's tablet, their own claimed request for ticket `ticket` (under "My requests"). */
export const myRequest = (page: Page, ticket: string): Locator =>
  page.locator('rove-my-request').filter({ hasText: ticketText(ticket) });

export interface Ask {
  /** The topic button's label, e.g. "Technology". */
  topic: string | RegExp;
  /** Typed into the optional "name or how to find you" field. */
  name?: string;
  /** Tick "I'd prefer a quiet word". */
  quiet?: boolean;
}

/**
 * A patron's whole ask on the kiosk: "Ask me", a topic, the optional details, Send.
 * Answers the ticket code the kiosk then shows (read from the server's answer to the create).
 */
export async function askForHelp(page: Page, ask: Ask): Promise<{ ticket: string; id: string }> {
  await askMeButton(page).click();
  await page.getByRole('button', { name: ask.topic }).click({ timeout: SCREEN_TIMEOUT });
  if (ask.name !== undefined) {
    await page.getByRole('textbox').first().fill(ask.name);
  }
  if (ask.quiet) {
    await page.getByRole('checkbox', { name: /quiet/i }).check();
  }
  const created = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' &&
      new URL(response.url()).pathname === '/api/requests',
    { timeout: SCREEN_TIMEOUT },
  );
  await page.getByRole('button', { name: 'Send' }).click();
  const response = await created;
  const body = (await response.json()) as { request: { ticket: string; id: string } };
  await expect
    .poll(() => page.getByText(body.request.ticket, { exact: false }).first().isVisible(), {
      timeout: SCREEN_TIMEOUT,
      message: `the kiosk should show ticket ${body.request.ticket}`,
    })
    .toBe(true);
  return body.request;
}

/** The patron's taps with the network down: no answer to wait for, only the screen. */
export async function askWhileOffline(page: Page, ask: Ask): Promise<void> {
  await askMeButton(page).click();
  await page.getByRole('button', { name: ask.topic }).click({ timeout: SCREEN_TIMEOUT });
  if (ask.name !== undefined) await page.getByRole('textbox').first().fill(ask.name);
  await page.getByRole('button', { name: 'Send' }).click();
}

/**
 * On a rover's own request (see myRequest): Resolve, choose "answered", Resolve request.
 * `shot` captures the resolve form for review.
 */
export async function resolveMine(
  mine: Locator,
  shot?: (name: string) => Promise<void>,
): Promise<void> {
  await mine.getByRole('button', { name: 'Resolve', exact: true }).click();
  await mine.getByRole('radio', { name: /answered/i }).check({ timeout: SCREEN_TIMEOUT });
  await shot?.('tablet-resolve-form');
  await mine.getByRole('button', { name: 'Resolve request' }).click();
}

/** On a rover's own request: Hand off to the skill whose label matches `skill`, with a note. */
export async function handOff(
  mine: Locator,
  skill: RegExp,
  note: string,
  shot?: (name: string) => Promise<void>,
): Promise<void> {
  await mine.getByRole('button', { name: 'Hand off', exact: true }).click();
  await mine.getByRole('radio', { name: skill }).check({ timeout: SCREEN_TIMEOUT });
  await mine.getByRole('textbox', { name: /note/i }).fill(note);
  await shot?.('tablet-hand-off-form');
  await mine.getByRole('button', { name: 'Hand off request' }).click();
}
