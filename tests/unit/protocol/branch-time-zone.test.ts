// A branch's own time zone (docs/API.md "Branches, staff, skills"): the admin sets it with
// PATCH /api/branches/:branchId (an IANA name the server knows, kept as the platform spells
// it), clears it with null, and every reader of the branch sees it. The report and the CSV count
// in it when no `tz` is asked for (report-export.test.ts).
import { expect, it } from 'vitest';
import { expectError, forEachStore } from '../../support/server.js';

forEachStore('branches: their own time zone', (server) => {
  const patch = (branchId: string, body: unknown, token?: string) =>
    server.call('PATCH', `/api/branches/${branchId}`, { body, token });

  it('has none until the admin sets one; it is kept as the platform spells it', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    const path = `/api/branches/${scene.branchId}`;
    expect((await server.get(path, scene.kiosk.token)).body).not.toHaveProperty('timeZone');

    const set = await patch(scene.branchId, { timeZone: 'america/toronto' }, admin);
    expect(set.status, set.text).toBe(200);
    expect(set.body.timeZone).toBe('America/Toronto');
    for (const token of [scene.kiosk.token, scene.rover.token, admin]) {
      expect((await server.get(path, token)).body.timeZone).toBe('America/Toronto');
    }

    // Other changes leave it; null clears it; UTC is a zone like any other.
    const renamed = await patch(scene.branchId, { name: 'River Branch' }, admin);
    expect(renamed.body).toMatchObject({
      name: 'River Branch',
      timeZone: 'America/Toronto',
    });
    const cleared = await patch(scene.branchId, { timeZone: null }, admin);
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body).not.toHaveProperty('timeZone');
    expect((await server.get(path, admin)).body).not.toHaveProperty('timeZone');
    expect((await patch(scene.branchId, { timeZone: 'UTC' }, admin)).body.timeZone).toBe('UTC');
  });

  it('refuses a zone nobody knows, or no zone at all, with 400, and keeps the one it had', async () => {
    const branchId = await server.newBranch();
    const admin = await server.adminToken();
    await server.ok(
      'PATCH',
      `/api/branches/${branchId}`,
      { token: admin, body: { timeZone: 'Europe/Lisbon' } },
      200,
    );
    for (const timeZone of [
      'Mars/Olympus_Mons',
      'Europe/Atlantis',
      '',
      'Europe/Paris; DROP TABLE branches',
      '../../etc/passwd',
      '+01:00',
      'x'.repeat(65),
      42,
      ['Europe/Paris'],
    ]) {
      const answer = await patch(branchId, { timeZone }, admin);
      expectError(answer, 400, 'invalid');
      expect(answer.text).toMatch(/timeZone/);
    }
    expect((await server.get(`/api/branches/${branchId}`, admin)).body.timeZone).toBe(
      'Europe/Lisbon',
    );
  });

  it('only the admin sets it', async () => {
    const scene = await server.scene();
    for (const token of [scene.kiosk.token, scene.rover.token, scene.rover.tabletToken]) {
      expectError(await patch(scene.branchId, { timeZone: 'Asia/Tokyo' }, token), 403, 'forbidden');
    }
    expectError(await patch(scene.branchId, { timeZone: 'Asia/Tokyo' }), 401, 'unauthenticated');
  });
});
