// Where a branch's service desk is (docs/API.md "Branches, staff, skills"): the admin sets, changes and clears
// it with PATCH /api/branches/:branchId; the branch's kiosks, tablets and staff read it with
// GET /api/branches/:branchId and hear a change on their streams as `event: branch`.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectError, forEachStore, type Json } from '../../support/server.js';

/** What every branch shows of the floor and its languages until a supervisor sets them. */
const FLOOR = { zones: [], escalateAfterSeconds: 180, languages: ['en'] };

const DESK = 'on the ground floor, left of the main doors';

forEachStore('branches: where the service desk is', (server) => {
  const patch = (branchId: string, body: unknown, token?: string) =>
    server.call('PATCH', `/api/branches/${branchId}`, { body, token });

  it('a new branch has no desk place; the admin sets it, trimmed, and every reader sees it', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    const path = `/api/branches/${scene.branchId}`;
    expect((await server.get(path, scene.kiosk.token)).body).toEqual({
      id: scene.branchId,
      name: 'Test branch',
      ...FLOOR,
    });

    const answer = await patch(scene.branchId, { serviceDesk: `  ${DESK}\n` }, admin);
    expect(answer.status, answer.text).toBe(200);
    const expected = { id: scene.branchId, name: 'Test branch', serviceDesk: DESK, ...FLOOR };
    expect(answer.body).toEqual(expected);
    for (const token of [scene.kiosk.token, scene.rover.token, scene.rover.tabletToken, admin]) {
      const read = await server.get(path, token);
      expect(read.status, read.text).toBe(200);
      expect(read.body).toEqual(expected);
    }
    expect((await server.get('/api/branches', admin)).body.branches).toContainEqual(expected);
  });

  it('null clears the desk place; a rename alone leaves it as it was', async () => {
    const branchId = await server.newBranch();
    const admin = await server.adminToken();
    await server.ok(
      'PATCH',
      `/api/branches/${branchId}`,
      { token: admin, body: { serviceDesk: DESK } },
      200,
    );
    const renamed = await patch(branchId, { name: 'West Branch' }, admin);
    expect(renamed.body).toEqual({
      id: branchId,
      name: 'West Branch',
      serviceDesk: DESK,
      ...FLOOR,
    });
    const cleared = await patch(branchId, { serviceDesk: null }, admin);
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body).toEqual({ id: branchId, name: 'West Branch', ...FLOOR });
    expect((await server.get(`/api/branches/${branchId}`, admin)).body).toEqual({
      id: branchId,
      name: 'West Branch',
      ...FLOOR,
    });
  });

  it('refuses a blank, too long or unknown change with 400, and changes nothing', async () => {
    const branchId = await server.newBranch();
    const admin = await server.adminToken();
    const bad: unknown[] = [
      {},
      { serviceDesk: '' },
      { serviceDesk: '   \n ' },
      { serviceDesk: 'x'.repeat(121) },
      { serviceDesk: 42 },
      { name: '' },
      { serviceDesk: DESK, floor: 2 },
      { id: 'other' },
    ];
    for (const body of bad) expectError(await patch(branchId, body, admin), 400, 'invalid');
    expectError(
      await server.call('PATCH', `/api/branches/${branchId}`, { rawBody: '{nope', token: admin }),
      400,
      'invalid',
    );
    // 120 characters after trimming is the most it keeps.
    const longest = `${'y'.repeat(120)}`;
    const ok = await patch(branchId, { serviceDesk: `  ${longest}  ` }, admin);
    expect(ok.body.serviceDesk).toBe(longest);
  });

  it('an unknown branch is 404 to the admin and to a reader', async () => {
    const admin = await server.adminToken();
    const nowhere = `gone-${randomUUID().slice(0, 6)}`;
    expectError(await patch(nowhere, { serviceDesk: DESK }, admin), 404, 'not_found');
    expectError(await server.get(`/api/branches/${nowhere}`, admin), 404, 'not_found');
  });

  it('only the admin changes a branch; only its own devices and staff read it', async () => {
    const scene = await server.scene();
    const other = await server.scene();
    for (const token of [scene.kiosk.token, scene.rover.token, scene.rover.tabletToken]) {
      expectError(await patch(scene.branchId, { serviceDesk: DESK }, token), 403, 'forbidden');
    }
    expectError(await patch(scene.branchId, { serviceDesk: DESK }), 401, 'unauthenticated');
    expectError(await server.get(`/api/branches/${scene.branchId}`), 401, 'unauthenticated');
    for (const token of [other.kiosk.token, other.rover.token, other.rover.tabletToken]) {
      expectError(await server.get(`/api/branches/${scene.branchId}`, token), 403, 'forbidden');
    }
  });

  it('POST /api/branches still takes {id, name} and answers exactly {id, name}', async () => {
    const admin = await server.adminToken();
    const id = `north-${randomUUID().slice(0, 6)}`;
    const answer = await server.post('/api/branches', { id, name: 'North Branch' }, admin);
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toEqual({ id, name: 'North Branch' });
    // The desk place is set afterwards, never on create.
    expectError(
      await server.post('/api/branches', { id: `${id}-2`, name: 'N', serviceDesk: DESK }, admin),
      400,
      'invalid',
    );
  });

  it('the branch’s kiosk and staff streams hear the change as `event: branch`', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    const kiosk = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
    const staff = await server.openStream(`/api/branches/${scene.branchId}/events`, {
      token: scene.rover.token,
    });
    try {
      await kiosk.next('snapshot');
      await staff.next('snapshot');
      await server.ok(
        'PATCH',
        `/api/branches/${scene.branchId}`,
        { token: admin, body: { serviceDesk: DESK } },
        200,
      );
      for (const stream of [kiosk, staff]) {
        const event = await stream.next('branch');
        expect(Number(event.id)).toBeGreaterThan(0);
        expect((event.json as Json).branch).toEqual({
          id: scene.branchId,
          name: 'Test branch',
          serviceDesk: DESK,
          ...FLOOR,
        });
      }
    } finally {
      kiosk.close();
      staff.close();
    }
  });
});
