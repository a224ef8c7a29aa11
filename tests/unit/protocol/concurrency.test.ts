// docs/API.md "Actions" on retries and races: opId replay, stale versions, and many claims at once.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectError, forEachStore, type Json } from '../../support/server.js';

forEachStore('retries and races', (server) => {
  it('the same opId again answers the first answer and changes nothing', async () => {
    const scene = await server.scene();
    const request = await server.createRequest(scene.kiosk);
    const body = { opId: randomUUID() };
    const path = `/api/requests/${request.id}/claim`;
    const first = await server.post(path, body, scene.rover.token);
    expect(first.status, first.text).toBe(200);
    const again = await server.post(path, body, scene.rover.token);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toEqual(first.body);
    const now = await server.get(`/api/requests/${request.id}`, scene.rover.token);
    expect(now.body.request.version).toBe(first.body.request.version);
  });

  it('a replayed opId answers as the first time even after later changes', async () => {
    const scene = await server.scene();
    const request = await server.createRequest(scene.kiosk);
    const claimBody = { opId: randomUUID() };
    const claimPath = `/api/requests/${request.id}/claim`;
    const claimed = await server.post(claimPath, claimBody, scene.rover.token);
    expect(claimed.status, claimed.text).toBe(200);
    const serving = await server.must(scene.rover.token, request.id, 'start');
    // The tablet never heard the claim's answer and sends it again from its outbox.
    const replay = await server.post(claimPath, claimBody, scene.rover.token);
    expect(replay.status, replay.text).toBe(200);
    expect(replay.body).toEqual(claimed.body);
    const now = await server.get(`/api/requests/${request.id}`, scene.rover.token);
    expect(now.body.request).toMatchObject({ status: 'serving', version: serving.version });
  });

  it('a replayed opId sends no new event', async () => {
    const scene = await server.scene();
    const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
      token: scene.rover.token,
    });
    try {
      await stream.next('snapshot');
      const request = await server.createRequest(scene.kiosk);
      const body = { opId: randomUUID() };
      const path = `/api/requests/${request.id}/claim`;
      expect((await server.post(path, body, scene.rover.token)).status).toBe(200);
      expect((await server.post(path, body, scene.rover.token)).status).toBe(200);
      expect((await server.post(path, body, scene.rover.token)).status).toBe(200);
      // A marker change: everything before it has been delivered once it shows up.
      const marker = await server.createRequest(scene.kiosk);
      const events = await stream.until(
        (e) => (e.json as Json)?.request?.id === marker.id,
        'marker event',
      );
      const statuses = events
        .filter((e) => e.event === 'request')
        .map((e) => (e.json as Json).request.status);
      expect(statuses).toEqual(['waiting', 'claimed', 'waiting']);
    } finally {
      stream.close();
    }
  });

  it('a stale version answers 409 with the current request', async () => {
    const scene = await server.scene();
    const created = await server.createRequest(scene.kiosk);
    const claimed = await server.must(scene.rover.token, created.id, 'claim', {
      version: created.version,
    });
    const stale = await server.act(scene.rover.token, created.id, 'start', {
      version: created.version,
    });
    expectError(stale, 409, 'conflict');
    expect(stale.body.request).toEqual(claimed);
    const fresh = await server.act(scene.rover.token, created.id, 'start', {
      version: claimed.version,
    });
    expect(fresh.status, fresh.text).toBe(200);
    expect(fresh.body.request.status).toBe('serving');
  });

  it('a version from the future is stale too', async () => {
    const scene = await server.scene();
    const created = await server.createRequest(scene.kiosk);
    const answer = await server.act(scene.rover.token, created.id, 'claim', {
      version: created.version + 5,
    });
    expectError(answer, 409, 'conflict');
    expect(answer.body.request).toMatchObject({ status: 'waiting', version: created.version });
  });

  it('20 rovers claim at once: exactly one wins, the others learn who', async () => {
    const scene = await server.scene();
    const request = await server.createRequest(scene.kiosk);
    const tablet = await server.enroll('tablet', scene.branchId);
    const rovers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const staff = await server.createStaff({ branchIds: [scene.branchId] });
        return { staff, token: await server.staffSession(tablet.token, staff.id, staff.pin) };
      }),
    );
    const answers = await Promise.all(
      rovers.map((rover) => server.act(rover.token, request.id, 'claim')),
    );
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.body.request;
    for (const answer of answers.filter((a) => a.status !== 200)) {
      expectError(answer, 409, 'conflict');
      expect(answer.body.request.claimedBy).toEqual(winner.claimedBy);
    }
    const now = await server.get(`/api/requests/${request.id}`, scene.rover.token);
    expect(now.body.request).toEqual(winner);
    expect(winner.version).toBe(request.version + 1);
  });

  it('one rover tapping claim 10 times with new opIds gets one 200', async () => {
    const scene = await server.scene();
    const request = await server.createRequest(scene.kiosk);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => server.act(scene.rover.token, request.id, 'claim')),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 200))
      expectError(answer, 409, 'conflict');
  });

  it('a kiosk cancelling while a rover claims: one of them wins, never both', async () => {
    const scene = await server.scene();
    for (let round = 0; round < 5; round++) {
      const request = await server.createRequest(scene.kiosk);
      const [claim, cancel] = await Promise.all([
        server.act(scene.rover.token, request.id, 'claim', { version: request.version }),
        server.act(scene.kiosk.token, request.id, 'cancel', { version: request.version }),
      ]);
      expect([claim.status, cancel.status].sort()).toEqual([200, 409]);
    }
  });

  it('concurrent creates from several kiosks all land, each with its own ticket', async () => {
    const { branchId } = await server.scene();
    const kiosks = await Promise.all([
      server.kiosk(branchId),
      server.kiosk(branchId),
      server.kiosk(branchId),
    ]);
    const made = await Promise.all(
      Array.from({ length: 15 }, (_, i) => server.createRequest(kiosks[i % kiosks.length]!)),
    );
    expect(new Set(made.map((r) => r.ticket)).size).toBe(15);
  });
});
