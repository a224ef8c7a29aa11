// Issue 13 end to end: a supervisor gives branch main Spanish and a Spanish label for a topic;
// a patron picks Español on the kiosk, sees the topics in Spanish and asks; the request records
// `language: "es"`, and the tablets show "Español" on it, who on the floor speaks Spanish, and
// suggest the Spanish-speaking rover over a colleague who has been free longer.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { call, type StaffInfo } from './support/api.js';
import { visibleText } from './support/browser.js';
import { SCREEN_TIMEOUT, openKiosk, openTablet, queueItem } from './support/devices.js';
import { startScene, type Scene } from './support/scene.js';

const FILE = 'languages';
const SPANISH_LABEL = 'Computadoras, teléfonos e impresión';
let scene: Scene;

beforeAll(async () => {
  scene = await startScene();
});
afterAll(() => scene?.close());

test('a patron asks in Español; the tablet shows it and suggests the rover who speaks it', async () => {
  const { browser, api, topic } = scene;
  const admin = api.adminToken;
  await call(api.base, 'PATCH', '/api/branches/main', admin, { languages: ['en', 'es'] });
  await call(api.base, 'PATCH', `/api/branches/main/topics/${topic.id}`, admin, {
    labels: { es: SPANISH_LABEL },
  });
  // Both know the topic's skill; Kim signs in first (free longest), Ana speaks Spanish.
  const kim = await api.createStaff('Kim', '4567', ['tech']);
  const ana: StaffInfo = await api.createStaff('Ana', '5678', ['tech']);
  await call(api.base, 'PATCH', `/api/staff/${ana.id}`, admin, { languages: ['es'] });
  const kimTablet = await openTablet(browser, api, FILE, kim);
  const anaTablet = await openTablet(browser, api, FILE, ana);

  const kiosk = await openKiosk(browser, api, FILE);
  const page = kiosk.page;
  await page
    .getByRole('group', { name: 'Language' })
    .getByRole('button', { name: 'Español' })
    .click({ timeout: SCREEN_TIMEOUT });
  await page.getByRole('button', { name: /Pregúntame/ }).click({ timeout: SCREEN_TIMEOUT });
  // The topic as the supervisor wrote it in Spanish.
  await page.getByRole('button', { name: SPANISH_LABEL }).click({ timeout: SCREEN_TIMEOUT });
  await kiosk.shot('kiosk-details-es');
  const created = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' &&
      new URL(response.url()).pathname === '/api/requests',
    { timeout: SCREEN_TIMEOUT },
  );
  await page.getByRole('button', { name: 'Enviar' }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const { request } = (await response.json()) as { request: { id: string; ticket: string } };
  expect((await api.request(request.id)).language).toBe('es');

  for (const tablet of [kimTablet, anaTablet]) {
    const item = queueItem(tablet.page, request.ticket);
    await expect
      .poll(() => item.textContent(), { timeout: SCREEN_TIMEOUT })
      .toContain('Best: Ana, Technology, speaks Spanish');
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Español');
    expect(text).toMatch(/Speaks Spanish: (Ana|you)/);
    expect(text).not.toContain('Best: Kim');
  }
  await kimTablet.shot('tablet-spanish-request');
  expect(await visibleText(kimTablet.page)).toContain('Speaks Spanish: Ana');
  await Promise.all([kiosk.context.close(), kimTablet.context.close(), anaTablet.context.close()]);
});
