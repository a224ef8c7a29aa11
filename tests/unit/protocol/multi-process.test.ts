// Two Rove servers on one PostgreSQL, as behind a load balancer: a change made through one
// reaches the streams of the other (LISTEN/NOTIFY carries the seq), and races stay single-winner.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WRONG_PINS } from '../../../src/server/store/staff.js';
import { freshDatabaseUrl, TestServer, type Json } from '../../support/server.js';

describe('two server processes on one PostgreSQL', () => {
  const one = new TestServer('postgres', { heartbeatMs: 1000 });
  const two = new TestServer('postgres', { heartbeatMs: 1000 });

  beforeAll(async () => {
    const url = await freshDatabaseUrl();
    one.databaseUrl = url;
    two.databaseUrl = url;
    // The first start migrates and seeds; the second finds it done.
    await one.start();
    await two.start();
  });

  afterAll(async () => {
    await Promise.all([one.close(), two.close()]);
  });

  it('both answer health on postgres', async () => {
    expect((await one.get('/api/health')).body).toEqual({ ok: true, store: 'postgres' });
    expect((await two.get('/api/health')).body).toEqual({ ok: true, store: 'postgres' });
  });

  it('sessions made on one work on the other', async () => {
    const scene = await one.scene();
    expect(
      (await two.get(`/api/branches/${scene.branchId}/requests`, scene.rover.token)).status,
    ).toBe(200);
    expect((await two.get('/api/session', scene.kiosk.token)).body.role).toBe('kiosk');
  });

  it('a tablet revoked through one ends its sessions on the other at once', async () => {
    const scene = await one.scene();
    const requests = `/api/branches/${scene.branchId}/requests`;
    // The other process has just read the rover's session, and remembers it.
    expect((await two.get(requests, scene.rover.token)).status).toBe(200);
    expect((await two.get(requests, scene.rover.token)).status).toBe(200);
    const tabletId = (await one.get('/api/session', scene.rover.tabletToken)).body.device.id;
    const admin = await one.adminToken();
    expect((await one.post(`/api/devices/${tabletId}/revoke`, {}, admin)).status).toBe(200);
    // The very next call on either process is refused: nothing remembered outlives it.
    expect((await two.get(requests, scene.rover.token)).status).toBe(401);
    expect((await two.get('/api/session', scene.rover.tabletToken)).body.role).toBe(null);
    expect((await one.get(requests, scene.rover.token)).status).toBe(401);
  });

  it('a kiosk revoked through one is refused by the other at once, every time', async () => {
    const admin = await one.adminToken();
    const branchId = await one.newBranch();
    // Several rounds: a change must never lose the race with the next call to the other.
    for (let round = 0; round < 5; round++) {
      const kiosk = await one.kiosk(branchId);
      const topicId = (await two.topicIds(branchId, kiosk.token))[0];
      const ask = () => two.post('/api/requests', { id: randomUUID(), topicId }, kiosk.token);
      expect((await ask()).status).toBe(201);
      expect((await ask()).status).toBe(201);
      expect((await one.post(`/api/devices/${kiosk.device.id}/revoke`, {}, admin)).status).toBe(
        200,
      );
      expect((await ask()).status).toBe(401);
    }
  });

  it('a sign-out through one is a sign-out on the other at once', async () => {
    const scene = await one.scene();
    const requests = `/api/branches/${scene.branchId}/requests`;
    expect((await two.get(requests, scene.rover.token)).status).toBe(200);
    expect((await one.call('DELETE', '/api/session', { token: scene.rover.token })).status).toBe(
      204,
    );
    expect((await two.get(requests, scene.rover.token)).status).toBe(401);
  });

  it('a zone set through one goes with the next request made through the other', async () => {
    const admin = await one.adminToken();
    const branchId = await one.newBranch();
    expect(
      (
        await one.call('PATCH', `/api/branches/${branchId}`, {
          token: admin,
          body: { zones: ['Stacks'] },
        })
      ).status,
    ).toBe(200);
    const kiosk = await one.kiosk(branchId);
    expect((await two.createRequest(kiosk)).zone).toBeUndefined();
    expect(
      (
        await one.call('PATCH', `/api/devices/${kiosk.device.id}`, {
          token: admin,
          body: { zone: 'Stacks' },
        })
      ).status,
    ).toBe(200);
    expect((await two.createRequest(kiosk)).zone).toBe('Stacks');
  });

  it('a request made through one arrives on the other’s staff and kiosk streams', async () => {
    const scene = await one.scene();
    const staff = await two.openStream(`/api/branches/${scene.branchId}/events`, {
      token: scene.rover.token,
    });
    const kiosk = await two.openStream('/api/kiosk/events', { token: scene.kiosk.token });
    try {
      await staff.next('snapshot');
      await kiosk.next('snapshot');
      const made = await one.createRequest(scene.kiosk);
      const claimed = await one.must(scene.rover.token, made.id, 'claim');
      const events = await staff.take(2);
      const requests = events
        .filter((e) => e.event === 'request')
        .map((e) => (e.json as Json).request);
      expect(requests).toEqual([made, claimed]);
      const kioskEvents = await kiosk.take(2);
      const statuses = kioskEvents
        .filter((e) => e.event === 'request')
        .map((e) => (e.json as Json).request.status);
      expect(statuses).toEqual(['waiting', 'claimed']);
    } finally {
      staff.close();
      kiosk.close();
    }
  });

  it('changes through both arrive on each stream once, in seq order', async () => {
    const scene = await one.scene();
    const streams = await Promise.all([
      one.openStream(`/api/branches/${scene.branchId}/events`, { token: scene.rover.token }),
      two.openStream(`/api/branches/${scene.branchId}/events`, { token: scene.rover.token }),
    ]);
    try {
      for (const stream of streams) await stream.next('snapshot');
      const made: string[] = [];
      for (let i = 0; i < 6; i++) {
        const server = i % 2 === 0 ? one : two;
        made.push((await server.createRequest(scene.kiosk)).id);
      }
      for (const stream of streams) {
        const events = (await stream.take(6)).filter((e) => e.event === 'request');
        expect(events.map((e) => (e.json as Json).request.id)).toEqual(made);
        const ids = events.map((e) => Number(e.id));
        expect([...ids].sort((a, b) => a - b)).toEqual(ids);
        expect(new Set(ids).size).toBe(6);
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('a stream resumed on the other server misses nothing', async () => {
    const scene = await one.scene();
    const first = await one.openStream(`/api/branches/${scene.branchId}/events`, {
      token: scene.rover.token,
    });
    const { seq } = (await first.next('snapshot')).json as Json;
    first.close();
    const a = await one.createRequest(scene.kiosk);
    const b = await two.createRequest(scene.kiosk);
    const resumed = await two.openStream(`/api/branches/${scene.branchId}/events`, {
      token: scene.rover.token,
      lastEventId: seq,
    });
    try {
      const events = (await resumed.take(2)).filter((e) => e.event === 'request');
      expect(events.map((e) => (e.json as Json).request.id)).toEqual([a.id, b.id]);
    } finally {
      resumed.close();
    }
  });

  it('a publish and a withdrawal through one reach the public scripts streams of both', async () => {
    const admin = await one.adminToken();
    const body = {
      title: `Two servers ${randomUUID().slice(0, 8)}`,
      purpose: 'For a test.',
      tags: [],
      topicIds: [],
      steps: [{ text: 'Say hello.', phrases: [] }],
    };
    const { script } = (await one.post('/api/scripts', body, admin)).body as Json;
    const streams = await Promise.all([
      one.openStream('/api/scripts/events'),
      two.openStream('/api/scripts/events'),
    ]);
    const about = (stream: (typeof streams)[number]) =>
      stream
        .until((e) => e.event === 'script' && (e.json as Json).script.id === script.id)
        .then((events) => (events.at(-1)!.json as Json).script);
    try {
      for (const stream of streams) await stream.next('snapshot');
      const published = await one.post(`/api/scripts/${script.id}/publish`, {}, admin);
      expect(published.status, published.text).toBe(200);
      for (const stream of streams) expect(await about(stream)).toEqual(published.body.script);
      const withdrawn = await one.post(`/api/scripts/${script.id}/unpublish`, {}, admin);
      expect(withdrawn.status, withdrawn.text).toBe(200);
      for (const stream of streams) {
        const heard = await about(stream);
        expect(heard.id).toBe(script.id);
        expect(heard.publishedVersion).toBeUndefined();
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('claims racing through both servers: exactly one wins', async () => {
    const scene = await one.scene();
    const request = await one.createRequest(scene.kiosk);
    const tablet = await one.enroll('tablet', scene.branchId);
    const rovers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const staff = await one.createStaff({ branchIds: [scene.branchId] });
        return one.staffSession(tablet.token, staff.id, staff.pin);
      }),
    );
    const answers = await Promise.all(
      rovers.map((token, i) => (i % 2 === 0 ? one : two).act(token, request.id, 'claim')),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(9);
  });

  it('an opId replayed on the other server answers the same', async () => {
    const scene = await one.scene();
    const request = await one.createRequest(scene.kiosk);
    const body = { opId: randomUUID() };
    const first = await one.post(`/api/requests/${request.id}/claim`, body, scene.rover.token);
    const again = await two.post(`/api/requests/${request.id}/claim`, body, scene.rover.token);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('one answer given on the spot, sent through both at once, is one row', async () => {
    const { rover, branchId } = await one.scene();
    const [topicId] = await one.topicIds(branchId, rover.token);
    const body = { id: randomUUID(), topicId, outcome: 'answered' };
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 === 0 ? one : two).post('/api/interactions', body, rover.token),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(199);
    const today = new Date().toISOString().slice(0, 10);
    const report = await two.get(
      `/api/branches/${branchId}/report?from=${today}&to=${today}`,
      await two.adminToken(),
    );
    expect(report.body.byOrigin).toEqual({ kiosk: 0, walkUp: 1, handOff: 0 });
  });

  it('one new skill, created 200 times through both at once, is made once', async () => {
    const id = `skill-${randomUUID().slice(0, 8)}`;
    const [tokenOne, tokenTwo] = await Promise.all([one.adminToken(), two.adminToken()]);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0
          ? one.post('/api/skills', { id, label: `One ${i}` }, tokenOne)
          : two.post('/api/skills', { id, label: `Two ${i}` }, tokenTwo),
      ),
    );
    const made = answers.filter((a) => a.status === 201);
    expect(made).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(199);
    const listed = (await two.get('/api/skills', tokenTwo)).body.skills as Json[];
    expect(listed.filter((skill) => skill.id === id)).toEqual([made[0]!.body.skill]);
  });

  it("one person's PIN lock-out holds for 200 guesses split between both servers", async () => {
    const branchId = await one.newBranch();
    const tablet = await one.enroll('tablet', branchId);
    const staff = await one.createStaff({ branchIds: [branchId], pin: '8642' });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 === 0 ? one : two).post(
          '/api/session/staff',
          { staffId: staff.id, pin: i === 151 ? staff.pin : String(1000 + i) },
          tablet.token,
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    // Each process keeps its own per-tablet count (30 each), so only the shared lock-out in
    // the store holds this to MAX_WRONG_PINS checked guesses across both.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_WRONG_PINS);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses[151]).toBe(429);
  });

  it('a branch taken or a PIN changed through one closes the streams on the other at once', async () => {
    const scene = await one.scene();
    const admin = await one.adminToken();
    const path = `/api/branches/${scene.branchId}/events`;
    const patch = async (body: object) =>
      expect(
        (await one.call('PATCH', `/api/staff/${scene.rover.staff.id}`, { token: admin, body }))
          .status,
      ).toBe(200);

    const removed = await two.openStream(path, { token: scene.rover.token });
    await removed.next('snapshot');
    await patch({ branchIds: ['main'] });
    await removed.whenEnded(5000);

    await patch({ branchIds: [scene.branchId] });
    const signedOut = await two.openStream(path, { token: scene.rover.token });
    await signedOut.next('snapshot');
    await patch({ pin: '97531' });
    await signedOut.whenEnded(5000);
  });

  it('both processes checking the floor at once raise each long-wait alert once', async () => {
    const scene = await one.scene();
    const watch = await two.openStream(`/api/branches/${scene.branchId}/events`, {
      token: scene.rover.token,
    });
    try {
      await watch.next('snapshot');
      const request = await one.createRequest(scene.kiosk);
      // 100 checks a process, all at once: one alert at 180 s, then one more at 360 s.
      const burst = (aheadMs: number) =>
        Promise.all(
          [one, two].flatMap((server) =>
            Array.from({ length: 100 }, () => server.running!.floor.check(aheadMs)),
          ),
        );
      await burst(190_000);
      await burst(370_000);
      await watch.take(2, 'alert');
      // Anything a second winner had sent would have come by the time a fresh change does.
      await one.must(scene.rover.token, request.id, 'claim');
      await watch.until(
        (e) => e.event === 'request' && (e.json as Json).request.status === 'claimed',
      );
      const alerts = watch.events
        .filter((e) => e.event === 'alert')
        .map((e) => (e.json as Json).alert);
      expect(alerts.map((a) => a.requestId)).toEqual([request.id, request.id]);
      expect(alerts[0].waitingSeconds).toBeLessThan(360);
      expect(alerts[1].waitingSeconds).toBeGreaterThanOrEqual(360);
      // Going silent is once only too: one presence event turns it on (the claim's, later,
      // still shows it).
      const silence = watch.events
        .filter(
          (e) =>
            e.event === 'presence' && (e.json as Json).presence.staffId === scene.rover.staff.id,
        )
        .map((e) => ({
          silent: (e.json as Json).presence.silent,
          busy: (e.json as Json).presence.busy,
        }));
      expect(silence).toEqual([
        { silent: true, busy: false },
        { silent: true, busy: true },
      ]);
    } finally {
      watch.close();
    }
  });
});
