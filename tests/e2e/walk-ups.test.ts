// Issue 17 end to end: a greeter at the door sends for the local history specialist from their
// tablet, the specialist's tablet says so and she claims it, the greeter's tablet shows who is
// coming; then the greeter, roving with no network, records two answers given on the spot, which
// reach the server when the network is back, and the report counts all three by origin.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { call } from './support/api.js';
import { visibleText, waitForServiceWorker } from './support/browser.js';
import { SCREEN_TIMEOUT, openTablet, queueItem } from './support/devices.js';
import { CATCH_UP, startScene, type Scene } from './support/scene.js';
import type { ServiceReport } from '../../src/shared/report.js';
import type { HelpRequest } from '../../src/shared/schemas.js';

const FILE = 'walk-ups';
let scene: Scene;

beforeAll(async () => {
  scene = await startScene();
});
afterAll(() => scene?.close());

test('a greeter sends for a specialist, and a rover offline logs what they answered', async () => {
  const { browser, api, sam } = scene;
  const kim = await api.createStaff('Kim', '3456', ['history']);
  const history = await api.topicFor('history');
  const tech = await api.topicFor('tech');
  const greeter = await openTablet(browser, api, FILE, sam);
  const specialist = await openTablet(browser, api, FILE, kim);

  // At the door: Send for a specialist, the topic, where the patron is and how to spot them.
  const door = greeter.page;
  await door.getByRole('button', { name: 'Send for a specialist' }).click();
  await door.getByRole('radio', { name: history.label }).check({ timeout: SCREEN_TIMEOUT });
  await door.getByRole('combobox', { name: 'Where in the library?' }).fill('Entrance');
  await door
    .getByRole('textbox', { name: 'How to spot them (optional)' })
    .fill('By the front doors, red coat');
  await greeter.shot('greeter-send-for-a-specialist');
  await door.getByRole('button', { name: 'Send for a specialist' }).click();

  // The specialist's tablet says who sent for help and where; she claims it.
  let sent: HelpRequest | undefined;
  await expect
    .poll(
      async () => (sent = (await api.openRequests()).requests.find((r) => r.origin === 'walk-up')),
      { timeout: SCREEN_TIMEOUT },
    )
    .toBeDefined();
  if (!sent) throw new Error('the walk-up never reached the server');
  expect(sent).toMatchObject({
    topicId: history.id,
    status: 'waiting',
    zone: 'Entrance',
    createdBy: { id: sam.id, displayName: 'Sam' },
  });
  await expect
    .poll(() => visibleText(specialist.page), { timeout: SCREEN_TIMEOUT })
    .toContain(`Sam sent for help, ${sent.ticket}: ${history.label}, at Entrance.`);
  const item = queueItem(specialist.page, sent.ticket);
  await expect.poll(() => item.textContent(), { timeout: SCREEN_TIMEOUT }).toMatch(/Sent by Sam/);
  await specialist.shot('specialist-alerted');
  await item.getByRole('button', { name: `Claim ${sent.ticket}` }).click();

  // The greeter can tell the patron who is coming.
  await expect
    .poll(() => visibleText(door), { timeout: SCREEN_TIMEOUT })
    .toContain('Kim is on the way.');
  await greeter.shot('greeter-sees-who-is-coming');

  // Roving with no network: two answers given on the spot, two taps each.
  await waitForServiceWorker(door);
  await greeter.context.setOffline(true);
  await door.getByRole('button', { name: 'I helped someone' }).click();
  for (const outcome of ['Answered', 'Referred to someone or somewhere else']) {
    await door.getByRole('button', { name: tech.label }).click({ timeout: SCREEN_TIMEOUT });
    await door.getByRole('button', { name: outcome }).click({ timeout: SCREEN_TIMEOUT });
    await door.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
  }
  await greeter.shot('rover-helped-someone-offline');

  const today = new Date().toISOString().slice(0, 10);
  const report = () =>
    call<ServiceReport>(
      api.base,
      'GET',
      `/api/branches/main/report?from=${today}&to=${today}`,
      api.adminToken,
    );
  expect((await report()).byOrigin).toEqual({ kiosk: 0, walkUp: 0, handOff: 1 });

  // Back online, they reach the server, and the report counts all three by where they came from.
  await greeter.context.setOffline(false);
  await expect
    .poll(async () => (await report()).byOrigin, { timeout: CATCH_UP })
    .toEqual({ kiosk: 0, walkUp: 2, handOff: 1 });
  const counted = await report();
  expect(counted.outcomes).toMatchObject({ answered: 1, referred: 1 });
  expect(counted.topics.find((t) => t.topicId === tech.id)?.byOrigin).toEqual({
    kiosk: 0,
    walkUp: 2,
    handOff: 0,
  });
  await greeter.context.close();
  await specialist.context.close();
});
