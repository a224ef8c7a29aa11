// docs/API.md "Sessions and devices": a tablet that signed a rover out while offline owes the
// server that sign-out. A new sign-in in the same browser ends the session its cookie held,
// and `DELETE /api/session?staffId=` ends only that person's session, never a newer one.
import { describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  expectError,
  forEachStore,
  type Answer,
  type Rover,
  type TestServer,
} from '../../support/server.js';

/** The cookie header a browser holding this tablet and this staff session would send. */
const browserCookies = (rover: Rover, sessionToken = rover.token) =>
  `rove_device=${rover.tabletToken}; rove_session=${sessionToken}`;

/** What `Set-Cookie` did to `rove_session`: set a new token, cleared it, or left it alone. */
function sessionCookie(answer: Answer): 'set' | 'cleared' | 'untouched' {
  const header = answer.headers.getSetCookie().find((c) => c.startsWith('rove_session='));
  if (!header) return 'untouched';
  return /^rove_session=;/.test(header) ? 'cleared' : 'set';
}

/** Whether `token` still works as a staff session on its branch's queue. */
async function works(server: TestServer, token: string, branchId: string): Promise<boolean> {
  const answer = await server.get(`/api/branches/${branchId}/requests`, token);
  if (answer.status === 401) return false;
  expect(answer.status, answer.text).toBe(200);
  return true;
}

forEachStore('replaced and owed sessions', (server) => {
  describe('a sign-in that replaces the browser’s session cookie', () => {
    it('ends the staff session the old cookie held', async () => {
      const scene = await server.scene();
      const lee = await server.createStaff({ branchIds: [scene.branchId], pin: '5678' });
      const answer = await server.call('POST', '/api/session/staff', {
        headers: { cookie: browserCookies(scene.rover) },
        body: { staffId: lee.id, pin: '5678' },
      });
      expect(answer.status, answer.text).toBe(200);
      expect(sessionCookie(answer)).toBe('set');
      expect(await works(server, scene.rover.token, scene.branchId)).toBe(false);
      expect(await works(server, answer.body.token, scene.branchId)).toBe(true);
    });

    it('ends it also when the same person signs in again', async () => {
      const scene = await server.scene();
      const { id, pin } = scene.rover.staff;
      const answer = await server.call('POST', '/api/session/staff', {
        headers: { cookie: browserCookies(scene.rover) },
        body: { staffId: id, pin },
      });
      expect(answer.status, answer.text).toBe(200);
      expect(await works(server, scene.rover.token, scene.branchId)).toBe(false);
      expect(await works(server, answer.body.token, scene.branchId)).toBe(true);
    });

    it('ends it when an admin signs in on that browser', async () => {
      const scene = await server.scene();
      const answer = await server.call('POST', '/api/session/admin', {
        headers: { cookie: browserCookies(scene.rover) },
        body: { username: 'admin', password: ADMIN_PASSWORD },
      });
      expect(answer.status, answer.text).toBe(200);
      expect(await works(server, scene.rover.token, scene.branchId)).toBe(false);
    });

    it('leaves it working when the sign-in fails (wrong PIN)', async () => {
      const scene = await server.scene();
      const answer = await server.call('POST', '/api/session/staff', {
        headers: { cookie: browserCookies(scene.rover) },
        body: { staffId: scene.rover.staff.id, pin: '0000' },
      });
      expectError(answer, 401, 'unauthenticated');
      expect(await works(server, scene.rover.token, scene.branchId)).toBe(true);
    });

    it('touches no other session of the same tablet (a script’s bearer token)', async () => {
      const scene = await server.scene();
      const lee = await server.createStaff({ branchIds: [scene.branchId], pin: '5678' });
      const leeToken = await server.staffSession(scene.rover.tabletToken, lee.id, '5678');
      expect(await works(server, scene.rover.token, scene.branchId)).toBe(true);
      expect(await works(server, leeToken, scene.branchId)).toBe(true);
    });
  });

  describe('DELETE /api/session?staffId= (a sign-out owed since the tablet was offline)', () => {
    it('ends that staff member’s session and clears the cookie', async () => {
      const scene = await server.scene();
      const answer = await server.call(
        'DELETE',
        `/api/session?staffId=${encodeURIComponent(scene.rover.staff.id)}`,
        { headers: { cookie: browserCookies(scene.rover) } },
      );
      expect(answer.status, answer.text).toBe(204);
      expect(sessionCookie(answer)).toBe('cleared');
      expect(await works(server, scene.rover.token, scene.branchId)).toBe(false);
      const now = await server.call('GET', '/api/session', {
        headers: { cookie: `rove_device=${scene.rover.tabletToken}` },
      });
      expect(now.body).toMatchObject({ role: 'tablet' });
    });

    it('leaves someone else’s session in that browser alone, cookie and all', async () => {
      const scene = await server.scene();
      const lee = await server.createStaff({ branchIds: [scene.branchId], pin: '5678' });
      const leeToken = await server.staffSession(scene.rover.tabletToken, lee.id, '5678');
      const answer = await server.call(
        'DELETE',
        `/api/session?staffId=${encodeURIComponent(scene.rover.staff.id)}`,
        { headers: { cookie: browserCookies(scene.rover, leeToken) } },
      );
      expect(answer.status, answer.text).toBe(204);
      expect(sessionCookie(answer)).toBe('untouched');
      expect(await works(server, leeToken, scene.branchId)).toBe(true);

      const admin = await server.adminToken();
      const byAdmin = await server.call('DELETE', `/api/session?staffId=${lee.id}`, {
        token: admin,
      });
      expect(byAdmin.status).toBe(204);
      expect((await server.get('/api/branches', admin)).status).toBe(200);
    });

    it('answers 204 when the session is already over, so a retry is harmless', async () => {
      const scene = await server.scene();
      const path = `/api/session?staffId=${encodeURIComponent(scene.rover.staff.id)}`;
      const headers = { cookie: browserCookies(scene.rover) };
      expect((await server.call('DELETE', path, { headers })).status).toBe(204);
      const again = await server.call('DELETE', path, { headers });
      expect(again.status, again.text).toBe(204);
      expect(await works(server, scene.rover.token, scene.branchId)).toBe(false);
    });

    it('refuses an unknown or empty parameter with 400', async () => {
      const scene = await server.scene();
      const headers = { cookie: browserCookies(scene.rover) };
      expectError(await server.call('DELETE', '/api/session?who=me', { headers }), 400, 'invalid');
      expectError(
        await server.call('DELETE', '/api/session?staffId=', { headers }),
        400,
        'invalid',
      );
      expect(await works(server, scene.rover.token, scene.branchId)).toBe(true);
    });
  });
});
