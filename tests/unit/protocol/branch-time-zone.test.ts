// A branch's own time zone (docs/API.md "Branches, staff, skills"): the admin sets it with
// PATCH /api/branches/:branchId (an IANA name the server knows, kept as the platform spells
// it), clears it with null, and every reader of the branch sees it. Its tickets start over at
// its own midnight, and its kiosks' "helped today" counts from then. The report and the CSV
// count in it when no `tz` is asked for (report-export.test.ts).
import { expect, it } from 'vitest';
import { expectError, forEachStore, type Json } from '../../support/server.js';

/** Today's date (YYYY-MM-DD) on the clock of `timeZone`, by the platform's own zone data. */
const todayIn = (timeZone: string) => new Date().toLocaleDateString('en-CA', { timeZone });

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

  it("starts the tickets over at the branch's own midnight, not the server's", async () => {
    const admin = await server.adminToken();
    // UTC+14 and UTC-11 (neither keeps summer time): their dates are never the same.
    const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    const days: string[] = [];
    for (const timeZone of zones) {
      const branchId = await server.newBranch();
      await server.ok(
        'PATCH',
        `/api/branches/${branchId}`,
        { token: admin, body: { timeZone } },
        200,
      );
      // The branch had 41 tickets already today, on its own calendar.
      await server.running!.store.query(
        'INSERT INTO ticket_counters (branch_id, day, n) VALUES ($1, $2, 41)',
        [branchId, todayIn(timeZone)],
      );
      const kiosk = await server.kiosk(branchId);
      const made = await server.createRequest(kiosk);
      expect(made.ticket, timeZone).toBe('A42');
      const [row] = await server.running!.store.query(
        'SELECT ticket_day::text AS day FROM requests WHERE id = $1',
        [made.id],
      );
      expect(row!.day, timeZone).toBe(todayIn(timeZone));
      days.push(String(row!.day));
    }
    expect(days[0]).not.toBe(days[1]);
  });

  it("tells kiosks how many were helped since the branch's own midnight", async () => {
    const admin = await server.adminToken();
    const timeZone = 'Pacific/Pago_Pago';
    const branchId = await server.newBranch();
    await server.ok(
      'PATCH',
      `/api/branches/${branchId}`,
      { token: admin, body: { timeZone } },
      200,
    );
    const kiosk = await server.kiosk(branchId);
    // Midnight in Pago Pago (UTC-11 all year). Helped a minute before it, and a second after:
    // only the second was today there. On the server's UTC day both or neither would be.
    const midnight = Date.parse(`${todayIn(timeZone)}T00:00:00-11:00`);
    for (const closed of [midnight - 60_000, midnight + 1_000]) {
      const made = await server.createRequest(kiosk);
      await server.running!.store.query(
        "UPDATE requests SET status = 'done', outcome = 'answered', closed_at = $2 WHERE id = $1",
        [made.id, new Date(closed).toISOString()],
      );
    }
    const stream = await server.openStream('/api/kiosk/events', { token: kiosk.token });
    try {
      expect(((await stream.next('line')).json as Json).helpedToday).toBe(1);
    } finally {
      stream.close();
    }
  });
});
