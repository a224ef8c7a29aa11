// Enrollment codes, device tokens, revoking, and staff sign-in on a tablet (with its lock-out).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectErrorOf, forEachStore, TestServer } from '../../support/server.js';

forEachStore('devices and staff sign-in', (server) => {
  it('an enrollment code is made by the admin and expires within 15 minutes', async () => {
    const token = await server.adminToken();
    const before = Date.now();
    const answer = await server.post(
      '/api/devices/enrollments',
      { branchId: 'main', kind: 'kiosk', label: 'Lobby' },
      token,
    );
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.code).toEqual(expect.any(String));
    const expiresAt = Date.parse(answer.body.expiresAt);
    expect(expiresAt).toBeGreaterThan(before);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 1_000);
  });

  it('only the admin makes enrollment codes', async () => {
    const scene = await server.scene();
    const body = { branchId: scene.branchId, kind: 'tablet', label: 'Sneaky' };
    expectError(await server.post('/api/devices/enrollments', body), 401, 'unauthenticated');
    expectError(
      await server.post('/api/devices/enrollments', body, scene.kiosk.token),
      403,
      'forbidden',
    );
    expectError(
      await server.post('/api/devices/enrollments', body, scene.rover.token),
      403,
      'forbidden',
    );
  });

  it('a code enrolls one device, of the kind and branch it was made for, once', async () => {
    const branchId = await server.newBranch();
    const code = await server.enrollmentCode(branchId, 'tablet', 'Floor 2 tablet');
    const answer = await server.post('/api/devices/enroll', { code });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toMatchObject({
      token: expect.any(String),
      device: { id: expect.any(String), kind: 'tablet', branchId, label: 'Floor 2 tablet' },
    });
    expect(answer.headers.getSetCookie().some((c) => c.startsWith('rove_device='))).toBe(true);
    // The device token works on its own.
    const who = await server.get('/api/session', answer.body.token);
    expect(who.body).toMatchObject({ role: 'tablet', device: { id: answer.body.device.id } });
    // The code is spent.
    expectErrorOf(await server.post('/api/devices/enroll', { code }), [401, 404]);
  });

  it('a wrong code is refused', async () => {
    expectErrorOf(await server.post('/api/devices/enroll', { code: 'NOT-A-CODE' }), [401, 404]);
  });

  it('the admin lists devices and revoking one ends its token and its sessions', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    const list = await server.get('/api/devices', admin);
    expect(list.status, list.text).toBe(200);
    const ids = list.body.devices.map((d: { id: string }) => d.id);
    expect(ids).toContain(scene.kiosk.device.id);

    const tabletId = (await server.get('/api/session', scene.rover.tabletToken)).body.device.id;
    // The rover's session was just used (the server may remember it): revoking still ends it.
    expect(
      (await server.get(`/api/branches/${scene.branchId}/requests`, scene.rover.token)).status,
    ).toBe(200);
    const revoked = await server.post(`/api/devices/${tabletId}/revoke`, {}, admin);
    expect(revoked.status, revoked.text).toBe(200);
    expect(Date.parse(revoked.body.device.revokedAt)).not.toBeNaN();
    expectError(
      await server.get(`/api/branches/${scene.branchId}/topics`, scene.rover.tabletToken),
      401,
      'unauthenticated',
    );
    expectError(
      await server.get(`/api/branches/${scene.branchId}/requests`, scene.rover.token),
      401,
      'unauthenticated',
    );
    // The kiosk of the branch is untouched.
    expect(
      (await server.get(`/api/branches/${scene.branchId}/topics`, scene.kiosk.token)).status,
    ).toBe(200);
  });

  it('revoking an unknown device is 404', async () => {
    expectError(
      await server.post('/api/devices/no-such-device/revoke', {}, await server.adminToken()),
      404,
      'not_found',
    );
  });

  it('staff sign in on a tablet with their PIN and get a staff token and cookie', async () => {
    const branchId = await server.newBranch();
    const tablet = await server.enroll('tablet', branchId);
    const staff = await server.createStaff({
      branchIds: [branchId],
      skills: ['youth'],
      pin: '2468',
    });
    const answer = await server.post(
      '/api/session/staff',
      { staffId: staff.id, pin: '2468' },
      tablet.token,
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({
      token: expect.any(String),
      staff: { id: staff.id, displayName: staff.displayName, skills: ['youth'] },
    });
    expect(answer.headers.getSetCookie().some((c) => c.startsWith('rove_session='))).toBe(true);
    expect((await server.get(`/api/branches/${branchId}/requests`, answer.body.token)).status).toBe(
      200,
    );
  });

  it('a kiosk token cannot make a staff session (403), nor can nobody (401)', async () => {
    const scene = await server.scene();
    const body = { staffId: scene.rover.staff.id, pin: scene.rover.staff.pin };
    expectError(await server.post('/api/session/staff', body, scene.kiosk.token), 403, 'forbidden');
    expectError(await server.post('/api/session/staff', body), 401, 'unauthenticated');
  });

  it('a wrong PIN is 401', async () => {
    const scene = await server.scene();
    const body = { staffId: scene.rover.staff.id, pin: '0000' };
    expectError(
      await server.post('/api/session/staff', body, scene.rover.tabletToken),
      401,
      'unauthenticated',
    );
  });

  it('after at most 10 wrong PINs that person is locked out with 429 and Retry-After', async () => {
    const scene = await server.scene();
    const staff = scene.rover.staff;
    const tablet = scene.rover.tabletToken;
    let locked = false;
    for (let attempt = 1; attempt <= 10 && !locked; attempt++) {
      const answer = await server.post(
        '/api/session/staff',
        { staffId: staff.id, pin: '9999' },
        tablet,
      );
      locked = answer.status === 429;
      if (!locked) expectError(answer, 401, 'unauthenticated');
    }
    // Even the right PIN is refused now.
    const right = await server.post(
      '/api/session/staff',
      { staffId: staff.id, pin: staff.pin },
      tablet,
    );
    expectError(right, 429, 'rate_limited');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // A colleague on the same tablet is not locked out.
    const colleague = await server.createStaff({ branchIds: [scene.branchId] });
    expect(
      (
        await server.post(
          '/api/session/staff',
          { staffId: colleague.id, pin: colleague.pin },
          tablet,
        )
      ).status,
    ).toBe(200);
    // The admin setting a new PIN clears the lock-out.
    const patched = await server.call('PATCH', `/api/staff/${staff.id}`, {
      token: await server.adminToken(),
      body: { pin: '1357' },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(
      (await server.post('/api/session/staff', { staffId: staff.id, pin: '1357' }, tablet)).status,
    ).toBe(200);
  });

  it('a right PIN in between resets the count of wrong ones', async () => {
    const scene = await server.scene();
    const { staff, tabletToken } = scene.rover;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 6; i++) {
        const wrong = await server.post(
          '/api/session/staff',
          { staffId: staff.id, pin: '9999' },
          tabletToken,
        );
        expectError(wrong, 401, 'unauthenticated');
      }
      const right = await server.post(
        '/api/session/staff',
        { staffId: staff.id, pin: staff.pin },
        tabletToken,
      );
      expect(right.status, right.text).toBe(200);
    }
  });

  it('staff sign in only on a tablet of a branch they work in', async () => {
    const scene = await server.scene();
    const stranger = await server.createStaff({ branchIds: ['main'] });
    const answer = await server.post(
      '/api/session/staff',
      { staffId: stranger.id, pin: stranger.pin },
      scene.rover.tabletToken,
    );
    expectErrorOf(answer, [401, 403]);
  });
});

// Expiry needs a clock we cannot move over HTTP, so this one test ages the code in the database
// itself (PostgreSQL, where the test can reach the tables) and then uses it as a device would.
describe('an expired enrollment code [postgres]', () => {
  const server = new TestServer('postgres');
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.close();
  });

  it('is refused, and a fresh one still works', async () => {
    const label = `Expiring ${randomUUID()}`;
    const code = await server.enrollmentCode('main', 'kiosk', label);
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const aged = await db.query(
        "UPDATE enrollments SET expires_at = now() - interval '1 minute' WHERE label = $1",
        [label],
      );
      expect(aged.rowCount).toBe(1);
    } finally {
      await db.end();
    }
    expectErrorOf(await server.post('/api/devices/enroll', { code }), [401, 404]);
    const fresh = await server.enrollmentCode('main', 'kiosk');
    expect((await server.post('/api/devices/enroll', { code: fresh })).status).toBe(201);
  });
});
