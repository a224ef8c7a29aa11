// "Device and session tokens survive a server restart", on both stores: PGlite in a real data
// directory, PostgreSQL on the same database. The event log's seq carries on where it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STORES, TestServer, type Json } from '../../support/server.js';

for (const store of STORES) {
  describe(`restart [${store}]`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rove-restart-'));
    const server = new TestServer(store, { dataDir });

    afterAll(async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('tokens, requests and the seq survive a clean restart', async () => {
      await server.start();
      const scene = await server.scene();
      const request = await server.createRequest(scene.kiosk, { name: 'Fay' });
      const claimed = await server.must(scene.rover.token, request.id, 'claim');
      const path = `/api/branches/${scene.branchId}/requests`;
      const { seq } = await server.ok('GET', path, { token: scene.rover.token }, 200);
      await server.close();

      await server.start();
      const after = await server.ok('GET', path, { token: scene.rover.token }, 200);
      expect(after.requests).toEqual([claimed]);
      expect(after.seq).toBe(seq);
      expect((await server.get(`/api/requests/${request.id}`, scene.kiosk.token)).status).toBe(200);
      const next = await server.createRequest(scene.kiosk);
      expect(next.ticket).not.toBe(request.ticket);
      const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
        token: scene.rover.token,
        lastEventId: seq,
      });
      try {
        const event = await stream.next('request');
        expect(Number(event.id)).toBeGreaterThan(seq);
        expect((event.json as Json).request.id).toBe(next.id);
      } finally {
        stream.close();
      }
      // PGlite allows one process per data directory: close before the next test opens it.
      await server.close();
    });

    it('patron text of closed requests is erased after the retention time', async () => {
      await server.start();
      const scene = await server.scene();
      const open = await server.createRequest(scene.kiosk, { name: 'Gus', note: 'Still waiting' });
      const closed = await server.createRequest(scene.kiosk, { name: 'Hal', note: 'Done now' });
      await server.must(scene.rover.token, closed.id, 'claim');
      await server.must(scene.rover.token, closed.id, 'resolve', { outcome: 'answered' });
      await server.close();
      // ROVE_RETENTION_HOURS=0: the purge at start erases it from every closed request.
      const strict = new TestServer(store, { dataDir, retentionHours: 0 });
      strict.databaseUrl = server.databaseUrl;
      await strict.start();
      try {
        // The purge runs alongside the start, so look again briefly until it has been.
        const read = async () =>
          (await strict.ok('GET', `/api/requests/${closed.id}`, { token: scene.rover.token }, 200))
            .request;
        let gone = await read();
        for (let tries = 0; tries < 50 && gone.name !== undefined; tries++) {
          await new Promise((r) => setTimeout(r, 200));
          gone = await read();
        }
        expect(gone.status).toBe('done');
        expect(gone.name).toBeUndefined();
        expect(gone.note).toBeUndefined();
        const kept = (
          await strict.ok('GET', `/api/requests/${open.id}`, { token: scene.rover.token }, 200)
        ).request;
        expect(kept).toMatchObject({ name: 'Gus', note: 'Still waiting' });
      } finally {
        await strict.close();
      }
    });
  });
}
