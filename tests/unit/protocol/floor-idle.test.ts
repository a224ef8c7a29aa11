// The floor's clock runs every second on every process (docs/API.md, "The floor"). Most
// seconds nothing is due: then it must not open a write transaction (on PGlite one holds up
// every other write while it lasts), and when something is due it still does it, once.
// A server of its own per store, so "nothing due" is this file's doing alone.
import { afterEach, expect, it, vi } from 'vitest';
import { forEachStore } from '../../support/server.js';

const MINUTE = 60_000;

forEachStore(
  'the floor check when nothing is due',
  (server) => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('opens no write transaction; once something is due, does it once', async () => {
      const store = server.running!.store;
      const floor = server.running!.floor;
      const writes = vi.spyOn(store, 'write');
      for (let i = 0; i < 5; i++) await floor.check();
      expect(writes).not.toHaveBeenCalled();

      // A rover on the floor and a patron waiting, then ten minutes on: both are due.
      const scene = await server.scene();
      await server.ok(
        'PATCH',
        `/api/branches/${scene.branchId}`,
        { token: await server.adminToken(), body: { escalateAfterSeconds: 180 } },
        200,
      );
      const request = await server.createRequest(scene.kiosk);
      writes.mockClear();
      await floor.check(10 * MINUTE);
      expect(writes).toHaveBeenCalledTimes(2);
      const after = await server.ok(
        'GET',
        `/api/requests/${request.id}`,
        { token: scene.rover.token },
        200,
      );
      expect(after.request.escalatedAt).toEqual(expect.any(String));
      const presence = await server.ok(
        'GET',
        `/api/branches/${scene.branchId}/presence`,
        { token: scene.rover.token },
        200,
      );
      expect(presence.staff[0]).toMatchObject({ staffId: scene.rover.staff.id, silent: true });

      // Done: the same moment again finds nothing due.
      writes.mockClear();
      await floor.check(10 * MINUTE);
      expect(writes).not.toHaveBeenCalled();
    });
  },
  { floorCheckMs: 0 },
);
