// The floor (docs/API.md, "The floor"): presence, zones, staff languages and long-wait alerts,
// over HTTP on both stores. The floor's clock is driven by hand (`floor.check(aheadMs)`), so
// nothing here waits minutes for a wait to grow long.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { forEachStore, type Json, type Scene } from '../../support/server.js';
import type { SseStream } from '../../support/sse.js';

const ZONES = ['Ground floor', "Kids' area", 'Study rooms'];
const MINUTE = 60_000;

forEachStore(
  'the floor',
  (server) => {
    const floor = () => server.running!.floor;
    const staffStream = (scene: Scene, token = scene.rover.token) =>
      server.openStream(`/api/branches/${scene.branchId}/events`, { token });
    const presenceOf = async (stream: SseStream, staffId: string) => {
      for (;;) {
        const event = await stream.next('presence');
        const presence = (event.json as Json).presence;
        if (presence.staffId === staffId) return presence;
      }
    };
    const setZones = async (branchId: string, zones = ZONES) =>
      server.ok(
        'PATCH',
        `/api/branches/${branchId}`,
        { token: await server.adminToken(), body: { zones } },
        200,
      );
    const say = (token: string, body: unknown) =>
      server.call('PUT', '/api/presence', { token, body });

    it('signing in puts a rover on the floor, available; staff and the admin see the list', async () => {
      const scene = await server.scene();
      const path = `/api/branches/${scene.branchId}/presence`;
      for (const token of [scene.rover.token, await server.adminToken()]) {
        const answer = await server.get(path, token);
        expect(answer.status, answer.text).toBe(200);
        expect(answer.body.staff).toEqual([
          {
            staffId: scene.rover.staff.id,
            displayName: scene.rover.staff.displayName,
            state: 'available',
            zone: null,
            since: expect.any(String),
            busy: false,
            silent: false,
            signedIn: true,
            skills: scene.rover.staff.skills,
            languages: [],
          },
        ]);
      }
      // Kiosks, tablets without a rover, and staff of another branch do not.
      expect((await server.get(path, scene.kiosk.token)).status).toBe(403);
      expect((await server.get(path, scene.rover.tabletToken)).status).toBe(403);
      const stranger = await server.rover('main');
      expect((await server.get(path, stranger.token)).status).toBe(403);
      expect((await server.get(path)).status).toBe(401);
    });

    it('a break, a zone and back: each is a presence event; the snapshot carries the list', async () => {
      const scene = await server.scene();
      await setZones(scene.branchId);
      const stream = await staffStream(scene);
      try {
        const snapshot = (await stream.next('snapshot')).json as Json;
        expect(snapshot.presence.map((p: Json) => p.staffId)).toEqual([scene.rover.staff.id]);

        const onBreak = await say(scene.rover.token, { state: 'break', zone: "Kids' area" });
        expect(onBreak.status, onBreak.text).toBe(200);
        expect(onBreak.body.presence).toMatchObject({ state: 'break', zone: "Kids' area" });
        const heard = await presenceOf(stream, scene.rover.staff.id);
        expect(heard).toEqual(onBreak.body.presence);

        // Back in one call, the zone kept when not given.
        const back = await say(scene.rover.token, { state: 'available' });
        expect(back.body.presence).toMatchObject({ state: 'available', zone: "Kids' area" });
        expect(Date.parse(back.body.presence.since)).toBeGreaterThanOrEqual(
          Date.parse(onBreak.body.presence.since),
        );
        expect(await presenceOf(stream, scene.rover.staff.id)).toEqual(back.body.presence);
        const cleared = await say(scene.rover.token, { state: 'away', zone: null });
        expect(cleared.body.presence).toMatchObject({ state: 'away', zone: null });
      } finally {
        stream.close();
      }
    });

    it('refuses a state or zone that is not one, and changes nothing', async () => {
      const scene = await server.scene();
      await setZones(scene.branchId);
      for (const body of [
        { state: 'lunch' },
        { state: 'break', zone: 'The moon' },
        { state: 'break', zone: '' },
        { zone: 'Ground floor' },
        { state: 'available', extra: 1 },
      ]) {
        const answer = await say(scene.rover.token, body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.error.code).toBe('invalid');
      }
      const kiosk = await say(scene.kiosk.token, { state: 'break' });
      expect(kiosk.status).toBe(403);
      const [me] = (await server.get(`/api/branches/${scene.branchId}/presence`, scene.rover.token))
        .body.staff;
      expect(me).toMatchObject({ state: 'available', zone: null });
    });

    it('claiming makes a rover busy and resolving frees them, as presence events', async () => {
      const scene = await server.scene();
      const stream = await staffStream(scene);
      try {
        await stream.next('snapshot');
        const request = await server.createRequest(scene.kiosk);
        await server.must(scene.rover.token, request.id, 'claim');
        expect(await presenceOf(stream, scene.rover.staff.id)).toMatchObject({ busy: true });
        await server.must(scene.rover.token, request.id, 'start');
        await server.must(scene.rover.token, request.id, 'resolve', { outcome: 'answered' });
        expect(await presenceOf(stream, scene.rover.staff.id)).toMatchObject({ busy: false });
      } finally {
        stream.close();
      }
    });

    it('signing out takes a rover off the floor; signing in again brings back their zone', async () => {
      const scene = await server.scene();
      await setZones(scene.branchId);
      const colleague = await server.rover(scene.branchId);
      const stream = await staffStream(scene, colleague.token);
      try {
        await stream.next('snapshot');
        await say(scene.rover.token, { state: 'break', zone: 'Study rooms' });
        await presenceOf(stream, scene.rover.staff.id);
        const out = await server.call('DELETE', '/api/session', { token: scene.rover.token });
        expect(out.status).toBe(204);
        expect(await presenceOf(stream, scene.rover.staff.id)).toMatchObject({ signedIn: false });
        const list = await server.get(`/api/branches/${scene.branchId}/presence`, colleague.token);
        expect(list.body.staff.map((p: Json) => p.staffId)).toEqual([colleague.staff.id]);

        const { id, pin } = scene.rover.staff;
        await server.staffSession(scene.rover.tabletToken, id, pin);
        expect(await presenceOf(stream, id)).toMatchObject({
          signedIn: true,
          state: 'available',
          zone: 'Study rooms',
        });
      } finally {
        stream.close();
      }
    });

    it('a rover whose tablet is not heard from for 2 minutes goes silent, and comes back', async () => {
      const scene = await server.scene();
      const colleague = await server.rover(scene.branchId);
      const watch = await staffStream(scene, colleague.token);
      try {
        await watch.next('snapshot');
        await floor().check(MINUTE);
        // A minute: still heard from.
        await floor().check(2 * MINUTE + 5000);
        const silent = await presenceOf(watch, scene.rover.staff.id);
        expect(silent).toMatchObject({ silent: true, signedIn: true, state: 'available' });
        // Once only, however often the floor is checked.
        await Promise.all([floor().check(3 * MINUTE), floor().check(3 * MINUTE)]);
        const mine = await staffStream(scene);
        try {
          expect(await presenceOf(watch, scene.rover.staff.id)).toMatchObject({ silent: false });
        } finally {
          mine.close();
        }
        const events = watch.events.filter(
          (e) =>
            e.event === 'presence' && (e.json as Json).presence.staffId === scene.rover.staff.id,
        );
        expect(events.map((e) => (e.json as Json).presence.silent)).toEqual([true, false]);
      } finally {
        watch.close();
      }
    });

    it('a session that ends without a sign-out (deactivation) leaves the floor at the next check', async () => {
      const scene = await server.scene();
      const colleague = await server.rover(scene.branchId);
      const admin = await server.adminToken();
      await server.ok(
        'PATCH',
        `/api/staff/${scene.rover.staff.id}`,
        { token: admin, body: { active: false } },
        200,
      );
      await floor().check();
      const list = await server.get(`/api/branches/${scene.branchId}/presence`, colleague.token);
      expect(list.body.staff.map((p: Json) => p.staffId)).toEqual([colleague.staff.id]);
    });

    it('kiosks never hear presence', async () => {
      const scene = await server.scene();
      const kiosk = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
      try {
        await kiosk.next('snapshot');
        await say(scene.rover.token, { state: 'break' });
        const made = await server.createRequest(scene.kiosk);
        await kiosk.until((e) => e.event === 'request' && (e.json as Json).request.id === made.id);
        expect(kiosk.events.map((e) => e.event)).not.toContain('presence');
      } finally {
        kiosk.close();
      }
    });

    it('zones: trimmed, in order, none blank or repeated; 30 at most', async () => {
      const branchId = await server.newBranch();
      const admin = await server.adminToken();
      const path = `/api/branches/${branchId}`;
      const set = (body: unknown) => server.call('PATCH', path, { token: admin, body });
      const ok = await set({ zones: ['  2nd floor ', 'Kids’ area'], escalateAfterSeconds: 240 });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.body).toMatchObject({
        zones: ['2nd floor', 'Kids’ area'],
        escalateAfterSeconds: 240,
      });
      for (const body of [
        { zones: ['Ground', 'ground'] },
        { zones: ['  '] },
        { zones: Array.from({ length: 31 }, (_, i) => `Zone ${i}`) },
        { zones: ['a\nb'] },
        { escalateAfterSeconds: -1 },
        { escalateAfterSeconds: 86_401 },
        { escalateAfterSeconds: 1.5 },
      ]) {
        const answer = await set(body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
      }
      expect((await server.get(path, admin)).body).toMatchObject({
        zones: ['2nd floor', 'Kids’ area'],
        escalateAfterSeconds: 240,
      });
    });

    it('a kiosk enrolled in a zone (or given one later) puts it on its requests', async () => {
      const branchId = await server.newBranch();
      await setZones(branchId);
      const admin = await server.adminToken();
      const enrollment = (zone: string) =>
        server.call('POST', '/api/devices/enrollments', {
          token: admin,
          body: { branchId, kind: 'kiosk', label: 'Lobby', zone },
        });
      expect((await enrollment('The moon')).status).toBe(400);
      const made = await enrollment('Ground floor');
      expect(made.status, made.text).toBe(201);
      const kiosk = await server.ok(
        'POST',
        '/api/devices/enroll',
        { body: { code: made.body.code } },
        201,
      );
      expect(kiosk.device.zone).toBe('Ground floor');
      expect((await server.createRequest(kiosk)).zone).toBe('Ground floor');

      const moved = await server.call('PATCH', `/api/devices/${kiosk.device.id}`, {
        token: admin,
        body: { zone: 'Study rooms' },
      });
      expect(moved.status, moved.text).toBe(200);
      expect(moved.body.device.zone).toBe('Study rooms');
      const bad = await server.call('PATCH', `/api/devices/${kiosk.device.id}`, {
        token: admin,
        body: { zone: 'Roof' },
      });
      expect(bad.status).toBe(400);
      const notAdmin = await server.call('PATCH', `/api/devices/${kiosk.device.id}`, {
        token: kiosk.token,
        body: { zone: null },
      });
      expect(notAdmin.status).toBe(403);
      const cleared = await server.call('PATCH', `/api/devices/${kiosk.device.id}`, {
        token: admin,
        body: { zone: null },
      });
      expect(cleared.body.device.zone).toBeUndefined();
      const unknown = await server.call('PATCH', `/api/devices/${randomUUID()}`, {
        token: admin,
        body: { zone: null },
      });
      expect(unknown.status).toBe(404);
    });

    it('staff record the languages they speak; presence shows them', async () => {
      const branchId = await server.newBranch();
      const admin = await server.adminToken();
      const tablet = await server.enroll('tablet', branchId);
      const made = await server.call('POST', '/api/staff', {
        token: admin,
        body: {
          displayName: 'Ana',
          pin: '2468',
          skills: ['tech'],
          branchIds: [branchId],
          languages: ['es', 'pt-BR'],
        },
      });
      expect(made.status, made.text).toBe(201);
      expect(made.body.languages).toEqual(['es', 'pt-BR']);
      const bad = await server.call('PATCH', `/api/staff/${made.body.id}`, {
        token: admin,
        body: { languages: ['not a tag'] },
      });
      expect(bad.status).toBe(400);
      const token = await server.staffSession(tablet.token, made.body.id, '2468');
      const [ana] = (await server.get(`/api/branches/${branchId}/presence`, token)).body.staff;
      expect(ana.languages).toEqual(['es', 'pt-BR']);
    });

    it('a long wait alerts the branch once per interval, shows escalatedAt, and a claim ends it', async () => {
      const scene = await server.scene();
      const stream = await staffStream(scene);
      const kiosk = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
      try {
        await stream.next('snapshot');
        await kiosk.next('snapshot');
        const request = await server.createRequest(scene.kiosk);
        await floor().check(170_000);
        // Due at 180 s: a burst of checks raises it once.
        await Promise.all(Array.from({ length: 20 }, () => floor().check(185_000)));
        const shown = await stream.until(
          (e) => e.event === 'request' && (e.json as Json).request.escalatedAt !== undefined,
        );
        const escalated = (shown.at(-1)!.json as Json).request;
        expect(escalated).toMatchObject({ status: 'waiting', version: request.version });
        const alert = (await stream.next('alert')).json as Json;
        expect(alert.alert).toEqual({
          kind: 'long-wait',
          requestId: request.id,
          ticket: request.ticket,
          waitingSeconds: expect.any(Number),
          at: expect.any(String),
        });
        expect(alert.alert.waitingSeconds).toBeGreaterThanOrEqual(180);
        expect(alert.alert.waitingSeconds).toBeLessThan(200);
        // The patron's kiosk sees it too, to say it is taking longer.
        await kiosk.until(
          (e) => e.event === 'request' && (e.json as Json).request.escalatedAt !== undefined,
        );

        await floor().check(365_000);
        const second = (await stream.next('alert')).json as Json;
        expect(second.alert.waitingSeconds).toBeGreaterThanOrEqual(360);
        const alerts = () => stream.events.filter((e) => e.event === 'alert').length;
        expect(alerts()).toBe(2);

        const claimed = await server.must(scene.rover.token, request.id, 'claim');
        expect(claimed.escalatedAt).toBeUndefined();
        await floor().check(20 * MINUTE);
        const released = await server.must(scene.rover.token, request.id, 'release');
        expect(released.escalatedAt).toBeUndefined();
        // Waiting again: the count starts afresh from the release.
        await floor().check(170_000);
        await stream.until(
          (e) => e.event === 'request' && (e.json as Json).request.version === released.version,
        );
        expect(alerts()).toBe(2);
        await floor().check(185_000);
        await stream.next('alert');
        expect(alerts()).toBe(3);
      } finally {
        stream.close();
        kiosk.close();
      }
    });

    it('escalateAfterSeconds 0 never alerts; a shorter one alerts sooner', async () => {
      const scene = await server.scene();
      const admin = await server.adminToken();
      const path = `/api/branches/${scene.branchId}`;
      await server.ok('PATCH', path, { token: admin, body: { escalateAfterSeconds: 0 } }, 200);
      const quiet = await server.createRequest(scene.kiosk);
      await floor().check(24 * 60 * MINUTE);
      const read = await server.get(`/api/requests/${quiet.id}`, scene.rover.token);
      expect(read.body.request.escalatedAt).toBeUndefined();

      await server.ok('PATCH', path, { token: admin, body: { escalateAfterSeconds: 30 } }, 200);
      await server.must(scene.kiosk.token, quiet.id, 'cancel');
      const soon = await server.createRequest(scene.kiosk);
      await floor().check(31_000);
      const now = await server.get(`/api/requests/${soon.id}`, scene.rover.token);
      expect(now.body.request.escalatedAt).toEqual(expect.any(String));
    });
  },
  { floorCheckMs: 0 },
);
