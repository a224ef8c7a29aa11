// docs/API.md "Event streams": snapshot, live events, resume with no gap and no repeat, the
// kiosk's own stream, and heartbeats.
import { expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  forEachStore,
  type Json,
  type Scene,
  type TestServer,
} from '../../support/server.js';
import type { SseEvent } from '../../support/sse.js';

const requestOf = (event: SseEvent): Json => (event.json as Json)?.request;

/** Makes a handful of changes and returns the request ids and statuses they produce, in order. */
async function someChanges(server: TestServer, scene: Scene): Promise<string[]> {
  const a = await server.createRequest(scene.kiosk);
  const b = await server.createRequest(scene.kiosk);
  await server.must(scene.rover.token, a.id, 'claim');
  await server.must(scene.rover.token, a.id, 'start');
  await server.must(scene.kiosk.token, b.id, 'cancel');
  return [
    `${a.id}:waiting`,
    `${b.id}:waiting`,
    `${a.id}:claimed`,
    `${a.id}:serving`,
    `${b.id}:cancelled`,
  ];
}

const describeEvents = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === 'request')
    .map((e) => `${requestOf(e).id}:${requestOf(e).status}`);

forEachStore(
  'event streams',
  (server) => {
    it('a fresh staff stream opens with a snapshot of the open requests', async () => {
      const scene = await server.scene();
      const open = await server.requestIn(scene, 'claimed');
      await server.requestIn(scene, 'done');
      const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
        token: scene.rover.token,
      });
      try {
        expect(stream.status).toBe(200);
        expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
        const first = await stream.next();
        expect(first.event).toBe('snapshot');
        const snapshot = first.json as Json;
        expect(snapshot.requests).toEqual([open]);
        const list = await server.ok(
          'GET',
          `/api/branches/${scene.branchId}/requests`,
          { token: scene.rover.token },
          200,
        );
        expect(snapshot.seq).toBe(list.seq);
      } finally {
        stream.close();
      }
    });

    it('every change arrives as a request event with its seq as id, in order', async () => {
      const scene = await server.scene();
      const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
        token: scene.rover.token,
      });
      try {
        const snapshot = (await stream.next('snapshot')).json as Json;
        const expected = await someChanges(server, scene);
        const events = await stream.take(5);
        const changes = events.filter((e) => e.event === 'request');
        expect(describeEvents(changes)).toEqual(expected);
        const ids = changes.map((e) => Number(e.id));
        expect(ids.every(Number.isInteger)).toBe(true);
        expect(ids[0]).toBeGreaterThan(snapshot.seq);
        for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]!);
        // The event carries the request as the API shows it.
        const last = requestOf(changes.at(-1)!);
        expect(
          (await server.get(`/api/requests/${last.id}`, scene.rover.token)).body.request,
        ).toEqual(last);
      } finally {
        stream.close();
      }
    });

    it('Last-Event-ID resumes with every later event, no gap and no repeat, then live ones', async () => {
      const scene = await server.scene();
      const path = `/api/branches/${scene.branchId}/events`;
      const first = await server.openStream(path, { token: scene.rover.token });
      await first.next('snapshot');
      const before = await someChanges(server, scene);
      const seen = await first.take(5);
      first.close();
      const resumeFrom = seen.filter((e) => e.event === 'request')[1]!.id!;

      // Changes made while the tablet was away.
      const whileAway = await someChanges(server, scene);
      const resumed = await server.openStream(path, {
        token: scene.rover.token,
        lastEventId: resumeFrom,
      });
      try {
        const live = await server.createRequest(scene.kiosk);
        const events = await resumed.until((e) => requestOf(e)?.id === live.id, 'the live event');
        expect(events.some((e) => e.event === 'snapshot')).toBe(false);
        expect(describeEvents(events)).toEqual([
          ...before.slice(2),
          ...whileAway,
          `${live.id}:waiting`,
        ]);
        const ids = events.filter((e) => e.event === 'request').map((e) => Number(e.id));
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort((x, y) => x - y)).toEqual(ids);
      } finally {
        resumed.close();
      }
    });

    it('?lastEventId= works like the header, for a browser’s first connection', async () => {
      const scene = await server.scene();
      const path = `/api/branches/${scene.branchId}/events`;
      const first = await server.openStream(path, { token: scene.rover.token });
      const { seq } = (await first.next('snapshot')).json as Json;
      first.close();
      const made = await server.createRequest(scene.kiosk);
      const resumed = await server.openStream(`${path}?lastEventId=${seq}`, {
        token: scene.rover.token,
      });
      try {
        const event = await resumed.next();
        expect(event.event).toBe('request');
        expect(requestOf(event).id).toBe(made.id);
      } finally {
        resumed.close();
      }
    });

    it('the kiosk stream holds only that kiosk’s requests, as a kiosk may see them', async () => {
      const scene = await server.scene();
      const neighbour = await server.kiosk(scene.branchId);
      const older = await server.createRequest(scene.kiosk);
      await server.createRequest(neighbour);
      const stream = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
      try {
        expect(stream.status).toBe(200);
        const snapshot = (await stream.next('snapshot')).json as Json;
        expect(snapshot.requests.map((r: Json) => r.id)).toEqual([older.id]);
        const theirs = await server.createRequest(neighbour, { name: 'Neighbour' });
        await server.must(scene.rover.token, theirs.id, 'claim');
        await server.must(scene.rover.token, older.id, 'claim');
        const events = await stream.until(
          (e) => requestOf(e)?.id === older.id,
          'own request event',
        );
        expect(events.filter((e) => e.event === 'request').map((e) => requestOf(e).id)).toEqual([
          older.id,
        ]);
        const claimed = requestOf(events.at(-1)!);
        expect(claimed.status).toBe('claimed');
        expect(claimed.claimedBy).toEqual({ displayName: scene.rover.staff.displayName });
        expect(JSON.stringify(stream.events)).not.toContain('Neighbour');
      } finally {
        stream.close();
      }
    });

    it('the kiosk stream resumes after Last-Event-ID too', async () => {
      const scene = await server.scene();
      const stream = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
      const { seq } = (await stream.next('snapshot')).json as Json;
      stream.close();
      const made = await server.createRequest(scene.kiosk);
      const resumed = await server.openStream('/api/kiosk/events', {
        token: scene.kiosk.token,
        lastEventId: seq,
      });
      try {
        const events = await resumed.until((e) => requestOf(e)?.id === made.id, 'missed event');
        expect(events.some((e) => e.event === 'snapshot')).toBe(false);
      } finally {
        resumed.close();
      }
    });

    it('the kiosk stream says where its waiting requests stand in the line', async () => {
      const scene = await server.scene();
      const neighbour = await server.kiosk(scene.branchId);
      const ahead = await server.createRequest(neighbour);
      const mine = await server.createRequest(scene.kiosk);
      const stream = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
      try {
        const opening = (await stream.next('line')).json as Json;
        expect(Object.keys(opening.positions)).toEqual([mine.id]);
        expect(opening.positions[mine.id]).toMatchObject({
          position: 2,
          estimateMinutes: expect.any(Number),
        });
        expect(opening.positions[mine.id].estimateMinutes).toBeGreaterThan(0);
        expect(opening.helpedToday).toEqual(expect.any(Number));
        expect(stream.events.find((e) => e.event === 'line')?.id).toBeUndefined();
        // The patron ahead is helped: this kiosk's request moves up.
        await server.must(scene.rover.token, ahead.id, 'claim');
        const moved = (await stream.next('line')).json as Json;
        expect(moved.positions[mine.id].position).toBe(1);
        // Its own request is claimed: it is no longer waiting in the line.
        await server.must(scene.rover.token, mine.id, 'claim');
        const gone = (await stream.next('line')).json as Json;
        expect(gone.positions[mine.id]).toBeUndefined();
      } finally {
        stream.close();
      }
    });

    it('streams refuse the wrong callers', async () => {
      const scene = await server.scene();
      const anonymous = await server.openStream(`/api/branches/${scene.branchId}/events`);
      expect(anonymous.status).toBe(401);
      anonymous.close();
      const staffOnKiosk = await server.openStream('/api/kiosk/events', {
        token: scene.rover.tabletToken,
      });
      expect(staffOnKiosk.status).toBe(403);
      staffOnKiosk.close();
      const unknown = await server.openStream('/api/branches/no-such-branch/events', {
        token: scene.rover.token,
      });
      expect([403, 404]).toContain(unknown.status);
      unknown.close();
    });

    it("an admin watches a branch's staff stream: snapshot, live events, until sign-out", async () => {
      const scene = await server.scene();
      const open = await server.requestIn(scene, 'claimed');
      // A session of its own, so signing it out leaves the suite's admin token alone.
      const { token } = await server.ok(
        'POST',
        '/api/session/admin',
        { body: { username: 'admin', password: ADMIN_PASSWORD } },
        200,
      );
      const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, { token });
      try {
        expect(stream.status, stream.errorBody).toBe(200);
        const snapshot = (await stream.next('snapshot')).json as Json;
        expect(snapshot.requests).toEqual([open]);
        expect(snapshot.presence.map((p: Json) => p.staffId)).toEqual([scene.rover.staff.id]);
        expect(snapshot.notices).toEqual([]);
        const made = await server.createRequest(scene.kiosk);
        expect(requestOf(await stream.next('request')).id).toBe(made.id);
        const out = await server.call('DELETE', '/api/session', { token });
        expect(out.status).toBe(204);
        await stream.whenEnded();
      } finally {
        stream.close();
      }
      const unknown = await server.openStream('/api/branches/no-such-branch/events', {
        token: await server.adminToken(),
      });
      expect(unknown.status).toBe(404);
      unknown.close();
    });

    it('a comment line keeps the stream open while nothing happens', async () => {
      const scene = await server.scene();
      const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
        token: scene.rover.token,
      });
      try {
        await stream.next('snapshot');
        expect(await stream.nextComment()).toBe('ping');
      } finally {
        stream.close();
      }
    });

    it('a topic change is an event on the staff and kiosk streams', async () => {
      const scene = await server.scene();
      const staff = await server.openStream(`/api/branches/${scene.branchId}/events`, {
        token: scene.rover.token,
      });
      const kiosk = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
      try {
        await staff.next('snapshot');
        await kiosk.next('snapshot');
        const admin = await server.adminToken();
        const added = await server.post(
          `/api/branches/${scene.branchId}/topics`,
          { label: 'Maker space', skill: 'tech' },
          admin,
        );
        expect(added.status, added.text).toBe(201);
        for (const stream of [staff, kiosk]) {
          const event = await stream.next('topic');
          expect((event.json as Json).topic).toMatchObject({
            id: added.body.topic.id,
            label: 'Maker space',
          });
          expect(Number(event.id)).toBeGreaterThan(0);
        }
      } finally {
        staff.close();
        kiosk.close();
      }
    });

    it('a closed stream is let go: the server keeps serving new ones', async () => {
      const scene = await server.scene();
      const path = `/api/branches/${scene.branchId}/events`;
      for (let i = 0; i < 30; i++) {
        const stream = await server.openStream(path, { token: scene.rover.token });
        await stream.next('snapshot');
        stream.close();
      }
      const last = await server.openStream(path, { token: scene.rover.token });
      try {
        await last.next('snapshot');
        const made = await server.createRequest(scene.kiosk);
        expect(requestOf(await last.next('request')).id).toBe(made.id);
      } finally {
        last.close();
      }
    });
  },
  // A short heartbeat so the comment-line test does not wait 20 s; the events are unchanged.
  { heartbeatMs: 300 },
);
