// docs/API.md "Credentials and grants": access ends with its grant. Taking a branch from a staff member closes
// their streams on that branch; a new PIN ends every session they had and closes its streams;
// a session that runs out closes its streams too (tests/unit/server/hub-recheck.test.ts). On
// another process the same happens within the session-cache window (multi-process.test.ts).
import { expect, it } from 'vitest';
import { expectError, forEachStore, type TestServer } from '../../support/server.js';

async function patchStaff(server: TestServer, id: string, body: object): Promise<void> {
  const answer = await server.call('PATCH', `/api/staff/${id}`, {
    token: await server.adminToken(),
    body,
  });
  expect(answer.status, answer.text).toBe(200);
}

forEachStore('access ends with its grant', (server) => {
  it('taking a branch from a rover closes their stream there and keeps the other', async () => {
    const scene = await server.scene();
    const other = await server.newBranch('Second branch');
    const { rover } = scene;
    await patchStaff(server, rover.staff.id, { branchIds: [scene.branchId, other] });
    const [here, there] = await Promise.all([
      server.openStream(`/api/branches/${scene.branchId}/events`, { token: rover.token }),
      server.openStream(`/api/branches/${other}/events`, { token: rover.token }),
    ]);
    try {
      await here.next('snapshot');
      await there.next('snapshot');

      await patchStaff(server, rover.staff.id, { branchIds: [other] });
      await here.whenEnded(1000);
      // Nothing more of that branch reaches them, and they cannot ask for it.
      await server.createRequest(scene.kiosk, { name: 'After removal' });
      expect(here.events.some((e) => e.data.includes('After removal'))).toBe(false);
      expectError(
        await server.get(`/api/branches/${scene.branchId}/requests`, rover.token),
        403,
        'forbidden',
      );
      expect(there.closed).toBe(false);
    } finally {
      here.close();
      there.close();
    }
  });

  it('a new PIN signs the person out everywhere and closes their streams', async () => {
    const scene = await server.scene();
    const { rover } = scene;
    const second = await server.enroll('tablet', scene.branchId);
    const otherSession = await server.staffSession(second.token, rover.staff.id, rover.staff.pin);
    const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
      token: rover.token,
    });
    try {
      await stream.next('snapshot');
      // Used just before, so this process may remember the session.
      const requests = `/api/branches/${scene.branchId}/requests`;
      expect((await server.get(requests, rover.token)).status).toBe(200);

      await patchStaff(server, rover.staff.id, { pin: '2468' });
      await stream.whenEnded(1000);
      expectError(await server.get(requests, rover.token), 401, 'unauthenticated');
      expectError(await server.get(requests, otherSession), 401, 'unauthenticated');
      // The old PIN no longer signs in; the new one does.
      expectError(
        await server.post(
          '/api/session/staff',
          { staffId: rover.staff.id, pin: rover.staff.pin },
          rover.tabletToken,
        ),
        401,
        'unauthenticated',
      );
      await server.staffSession(rover.tabletToken, rover.staff.id, '2468');
    } finally {
      stream.close();
    }
  });

  it('renaming someone or changing their skills leaves them signed in', async () => {
    const scene = await server.scene();
    const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
      token: scene.rover.token,
    });
    try {
      await stream.next('snapshot');
      await patchStaff(server, scene.rover.staff.id, {
        displayName: 'New name',
        skills: ['books'],
      });
      const made = await server.createRequest(scene.kiosk);
      const event = await stream.next('request');
      expect((event.json as { request: { id: string } }).request.id).toBe(made.id);
      expect(
        (await server.get(`/api/branches/${scene.branchId}/requests`, scene.rover.token)).status,
      ).toBe(200);
    } finally {
      stream.close();
    }
  });
});
