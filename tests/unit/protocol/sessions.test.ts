// docs/API.md "Credentials and grants" and "Sessions and devices": admin sign-in, cookies
// and bearer tokens, health, and who the server thinks you are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  expectError,
  forEachStore,
  STORES,
  TestServer,
  type Answer,
} from '../../support/server.js';

/** The `name=value` part of a Set-Cookie header, to send back as a browser would. */
function cookie(answer: Answer, name: string): string {
  const found = answer.headers.getSetCookie().find((header) => header.startsWith(`${name}=`));
  expect(
    found,
    `Set-Cookie ${name} in ${JSON.stringify(answer.headers.getSetCookie())}`,
  ).toBeDefined();
  expect(found).toMatch(/HttpOnly/i);
  expect(found).toMatch(/SameSite=Strict/i);
  expect(found).toMatch(/Path=\//i);
  return found!.split(';')[0]!;
}

forEachStore('sessions', (server) => {
  it('health names the store', async () => {
    const answer = await server.get('/api/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true, store: server.store });
  });

  it('the admin signs in with the password and gets a token and a cookie', async () => {
    const answer = await server.post('/api/session/admin', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ token: expect.any(String), role: 'admin' });
    const sessionCookie = cookie(answer, 'rove_session');
    // The cookie alone works, as the browser sends it.
    const byCookie = await server.call('GET', '/api/branches', {
      headers: { cookie: sessionCookie },
    });
    expect(byCookie.status, byCookie.text).toBe(200);
    // And so does the bearer token.
    const byBearer = await server.get('/api/branches', answer.body.token);
    expect(byBearer.status, byBearer.text).toBe(200);
    expect(byBearer.body.branches).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'main' })]),
    );
  });

  it('a wrong admin password or user answers 401', async () => {
    const wrong = await server.post('/api/session/admin', {
      username: 'admin',
      password: 'not the password',
    });
    expectError(wrong, 401, 'unauthenticated');
    expect(wrong.headers.getSetCookie().some((c) => /^rove_session=[^;]+/.test(c))).toBe(false);
    expectError(
      await server.post('/api/session/admin', { username: 'nobody', password: ADMIN_PASSWORD }),
      401,
      'unauthenticated',
    );
  });

  it('no credentials, or a made-up token, is 401 on protected calls', async () => {
    expectError(await server.get('/api/branches'), 401, 'unauthenticated');
    expectError(await server.get('/api/branches', 'made-up-token'), 401, 'unauthenticated');
    expectError(await server.get('/api/branches/main/requests'), 401, 'unauthenticated');
    expectError(
      await server.call('GET', '/api/branches', { headers: { cookie: 'rove_session=forged' } }),
      401,
      'unauthenticated',
    );
  });

  it('GET /api/session says who is calling', async () => {
    const scene = await server.scene();
    expect((await server.get('/api/session')).body).toMatchObject({ role: null });
    expect((await server.get('/api/session', await server.adminToken())).body).toMatchObject({
      role: 'admin',
    });
    const kiosk = (await server.get('/api/session', scene.kiosk.token)).body;
    expect(kiosk).toMatchObject({
      role: 'kiosk',
      device: { id: scene.kiosk.device.id, kind: 'kiosk' },
    });
    const tablet = (await server.get('/api/session', scene.rover.tabletToken)).body;
    expect(tablet).toMatchObject({
      role: 'tablet',
      device: { kind: 'tablet', branchId: scene.branchId },
    });
    const staff = (await server.get('/api/session', scene.rover.token)).body;
    expect(staff).toMatchObject({
      role: 'staff',
      staff: { id: scene.rover.staff.id, displayName: scene.rover.staff.displayName },
    });
  });

  it('DELETE /api/session ends a staff session and keeps the tablet enrolled', async () => {
    const scene = await server.scene();
    const answer = await server.call('DELETE', '/api/session', { token: scene.rover.token });
    expect(answer.status, answer.text).toBe(204);
    expectError(
      await server.get(`/api/branches/${scene.branchId}/requests`, scene.rover.token),
      401,
      'unauthenticated',
    );
    const tablet = await server.get('/api/session', scene.rover.tabletToken);
    expect(tablet.body).toMatchObject({ role: 'tablet' });
  });

  it('DELETE /api/session ends an admin session', async () => {
    const signIn = await server.post('/api/session/admin', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    const token = signIn.body.token;
    expect((await server.call('DELETE', '/api/session', { token })).status).toBe(204);
    expectError(await server.get('/api/branches', token), 401, 'unauthenticated');
  });

  it('skills are listed for any signed-in caller or device', async () => {
    const scene = await server.scene();
    for (const token of [scene.kiosk.token, scene.rover.token, await server.adminToken()]) {
      const answer = await server.get('/api/skills', token);
      expect(answer.status, answer.text).toBe(200);
      const ids = answer.body.skills.map((s: { id: string }) => s.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'tech',
          'books',
          'youth',
          'history',
          'careers',
          'forms',
          'access',
          'general',
        ]),
      );
    }
    expectError(await server.get('/api/skills'), 401, 'unauthenticated');
  });
});

// A store with no admin and no ROVE_ADMIN_PASSWORD: the server offers a one-time setup link.
for (const store of STORES) {
  describe(`first start without an admin password [${store}]`, () => {
    const server = new TestServer(store, { adminPassword: undefined });
    beforeAll(async () => {
      await server.start();
    });
    afterAll(async () => {
      await server.close();
    });

    it('the setup link makes the admin once, then stops working', async () => {
      const setupUrl = server.running?.setupUrl;
      expect(setupUrl).toMatch(/\/admin\/setup\?token=/);
      const setupToken = new URL(setupUrl!).searchParams.get('token')!;
      expectError(
        await server.post('/api/session/setup', {
          setupToken: 'wrong-token',
          password: 'long enough pass',
        }),
        401,
        'unauthenticated',
      );
      // At least 12 characters, as every admin password (docs/API.md).
      for (const password of ['short', 'eleven char']) {
        expectError(
          await server.post('/api/session/setup', { setupToken, password }),
          400,
          'invalid',
        );
      }
      const made = await server.post('/api/session/setup', {
        setupToken,
        password: 'a brand new password',
      });
      expect(made.status, made.text).toBe(200);
      expect(made.body).toMatchObject({ token: expect.any(String), role: 'admin' });
      expect((await server.get('/api/branches', made.body.token)).status).toBe(200);
      expectError(
        await server.post('/api/session/setup', { setupToken, password: 'another password' }),
        401,
        'unauthenticated',
      );
      const signIn = await server.post('/api/session/admin', {
        username: 'admin',
        password: 'a brand new password',
      });
      expect(signIn.status, signIn.text).toBe(200);
    });
  });
}
