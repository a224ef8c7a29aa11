// The patron's side (docs/API.md, "The patron's side"): paging and "I'm here", notices, the
// follow link and its stream, and feedback, over HTTP on both stores.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { forEachStore, type Json, type Scene } from '../../support/server.js';

const HOUR = 3_600_000;

forEachStore('the patron’s side', (server) => {
  /** A kiosk request and its follow token (from the create answer's followUrl). */
  const followed = async (scene: Scene, extra: Record<string, unknown> = {}) => {
    const topicId = (await server.topicIds(scene.branchId, scene.kiosk.token))[0];
    const made = await server.call('POST', '/api/requests', {
      token: scene.kiosk.token,
      body: { id: randomUUID(), topicId, ...extra },
    });
    expect(made.status, made.text).toBe(201);
    const url = new URL(made.body.followUrl);
    expect(url.pathname).toMatch(/^\/follow\/[A-Za-z0-9_-]{43}$/);
    return { request: made.body.request as Json, token: url.pathname.split('/')[2]! };
  };
  const follow = (token: string, rest = '', body?: unknown) =>
    body === undefined
      ? server.get(`/api/follow/${token}${rest}`)
      : server.post(`/api/follow/${token}${rest}`, body);

  it('paging: the claimer pages, the kiosk says "here"; nobody else may', async () => {
    const scene = await server.scene();
    const colleague = await server.rover(scene.branchId);
    const request = await server.requestIn(scene, 'claimed');
    // Not paged yet: "here" has nothing to answer.
    expect((await server.act(scene.kiosk.token, request.id, 'here')).status).toBe(409);
    expect((await server.act(colleague.token, request.id, 'page')).status).toBe(409);
    const paged = await server.must(scene.rover.token, request.id, 'page');
    expect(paged).toMatchObject({ status: 'claimed', pagedAt: expect.any(String) });
    expect((await server.act(scene.rover.token, request.id, 'here')).status).toBe(403);
    const other = await server.kiosk(scene.branchId);
    expect((await server.act(other.token, request.id, 'here')).status).toBe(403);
    const here = await server.must(scene.kiosk.token, request.id, 'here');
    expect(here.pagedAt).toBeUndefined();
    expect(here).toMatchObject({ status: 'claimed', patronHereAt: expect.any(String) });
    // Paging again clears the last "here"; resolving ends the page.
    const again = await server.must(scene.rover.token, request.id, 'page');
    expect(again.patronHereAt).toBeUndefined();
    const done = await server.must(scene.rover.token, request.id, 'resolve', {
      outcome: 'no-show',
    });
    expect(done.pagedAt).toBeUndefined();
  });

  it('the kiosk hears its request paged on its stream', async () => {
    const scene = await server.scene();
    const stream = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
    try {
      await stream.next('snapshot');
      const request = await server.requestIn(scene, 'claimed');
      await server.must(scene.rover.token, request.id, 'page');
      await stream.until(
        (e) => e.event === 'request' && (e.json as Json).request.pagedAt !== undefined,
      );
    } finally {
      stream.close();
    }
  });

  it('notices: staff and the admin post; kiosks and staff read and hear them; any may withdraw', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    const path = `/api/branches/${scene.branchId}/notices`;
    const until = new Date(Date.now() + 2 * HOUR).toISOString();
    const kiosk = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
    try {
      await kiosk.next('snapshot');
      const posted = await server.post(
        path,
        { text: '  The printers are down until 2 pm ', until },
        scene.rover.token,
      );
      expect(posted.status, posted.text).toBe(201);
      expect(posted.body.notice).toEqual({
        id: expect.any(String),
        branchId: scene.branchId,
        text: 'The printers are down until 2 pm',
        until,
        by: scene.rover.staff.displayName,
      });
      const heard = (await kiosk.next('notice')).json as Json;
      expect(heard).toEqual({ notice: posted.body.notice });
      const byAdmin = await server.post(path, { text: 'Story time at 3', until }, admin);
      expect(byAdmin.body.notice.by).toBe('Supervisor');
      for (const token of [scene.kiosk.token, scene.rover.token, admin]) {
        const list = await server.get(path, token);
        expect(list.status).toBe(200);
        expect(list.body.notices.map((n: Json) => n.text)).toEqual([
          'The printers are down until 2 pm',
          'Story time at 3',
        ]);
      }
      // A fresh kiosk stream starts with them.
      const fresh = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
      const snapshot = (await fresh.next('snapshot')).json as Json;
      fresh.close();
      expect(snapshot.notices).toHaveLength(2);

      // The admin withdraws the rover's; once, then again changes nothing.
      const id = posted.body.notice.id;
      expect((await server.call('DELETE', `/api/notices/${id}`, { token: admin })).status).toBe(
        204,
      );
      const withdrawn = await kiosk.until(
        (e) => e.event === 'notice' && (e.json as Json).withdrawn,
      );
      expect((withdrawn.at(-1)!.json as Json).notice.id).toBe(id);
      expect((await server.call('DELETE', `/api/notices/${id}`, { token: admin })).status).toBe(
        204,
      );
      expect((await server.get(path, scene.kiosk.token)).body.notices).toHaveLength(1);
      const unknown = await server.call('DELETE', `/api/notices/${randomUUID()}`, { token: admin });
      expect(unknown.status).toBe(404);
    } finally {
      kiosk.close();
    }
  });

  it('notices: refused for kiosks and other branches, and for bad text or times', async () => {
    const scene = await server.scene();
    const path = `/api/branches/${scene.branchId}/notices`;
    const until = new Date(Date.now() + HOUR).toISOString();
    expect((await server.post(path, { text: 'x', until }, scene.kiosk.token)).status).toBe(403);
    const stranger = await server.rover('main');
    expect((await server.post(path, { text: 'x', until }, stranger.token)).status).toBe(403);
    expect((await server.get(path, stranger.token)).status).toBe(403);
    expect((await server.get(path, scene.rover.tabletToken)).status).toBe(403);
    for (const body of [
      { text: '   ', until },
      { text: 'x'.repeat(201), until },
      { text: 'two\nlines', until },
      { text: 'past', until: new Date(Date.now() - 1000).toISOString() },
      { text: 'too long', until: new Date(Date.now() + 25 * HOUR).toISOString() },
      { text: 'no time' },
      { text: 'bad time', until: 'tomorrow' },
    ]) {
      const answer = await server.post(path, body, scene.rover.token);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    const posted = await server.post(path, { text: 'ok', until }, scene.rover.token);
    const id = posted.body.notice.id;
    expect(
      (await server.call('DELETE', `/api/notices/${id}`, { token: stranger.token })).status,
    ).toBe(403);
    // A notice past its time is gone.
    await server.running!.store.query(
      "UPDATE notices SET until = now() - interval '1 second' WHERE id = $1",
      [id],
    );
    expect((await server.get(path, scene.rover.token)).body.notices).toEqual([]);
  });

  it('the follow link shows the request as the patron may see it, and staff that they follow', async () => {
    const scene = await server.scene();
    const { request, token } = await followed(scene, { name: 'Priya', note: 'by the printers' });
    const answer = await follow(token);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({
      request: {
        ticket: request.ticket,
        status: 'waiting',
        topicLabel: expect.any(String),
        claimedBy: null,
        pagedAt: null,
        patronHereAt: null,
        place: { position: 1, estimateMinutes: expect.any(Number) },
        version: 1,
        feedback: false,
      },
      notices: [],
    });
    expect(answer.text).not.toMatch(/Priya|printers|"id"/);
    const seen = await server.get(`/api/requests/${request.id}`, scene.rover.token);
    expect(seen.body.request.followedAt).toEqual(expect.any(String));
    // Walk-ups have no follow link; a link never made is 404.
    const walkUp = await server.post(
      '/api/requests',
      { id: randomUUID(), topicId: request.topicId, origin: 'walk-up' },
      scene.rover.token,
    );
    expect(walkUp.body.followUrl).toBeUndefined();
    expect((await follow('A'.repeat(43))).status).toBe(404);
    expect((await follow('bad token!')).status).toBe(400);
  });

  it('the follow stream shows each change: claimed, paged; "I\'m here" from the phone', async () => {
    const scene = await server.scene();
    const { request, token } = await followed(scene);
    const stream = await server.openStream(`/api/follow/${token}/events`);
    try {
      const first = (await stream.next('request')).json as Json;
      expect(first.request).toMatchObject({ status: 'waiting', place: { position: 1 } });
      await server.must(scene.rover.token, request.id, 'claim');
      const claimed = (await stream.next('request')).json as Json;
      expect(claimed.request).toMatchObject({
        status: 'claimed',
        claimedBy: { displayName: scene.rover.staff.displayName },
        place: null,
      });
      await server.must(scene.rover.token, request.id, 'page');
      const paged = (await stream.next('request')).json as Json;
      expect(paged.request.pagedAt).toEqual(expect.any(String));
      const here = await follow(token, '/here', { opId: randomUUID() });
      expect(here.status, here.text).toBe(200);
      expect(here.body.request).toMatchObject({ pagedAt: null, patronHereAt: expect.any(String) });
      const heard = (await stream.next('request')).json as Json;
      expect(heard.request.patronHereAt).toEqual(expect.any(String));
      expect(stream.events.map((e) => e.data).join('')).not.toContain(request.id);
      // Once more: nothing to answer.
      expect((await follow(token, '/here', { opId: randomUUID() })).status).toBe(409);
    } finally {
      stream.close();
    }
  });

  it('the phone may cancel; its streams are capped; an hour after the end the link is dead', async () => {
    const scene = await server.scene();
    const { request, token } = await followed(scene);
    const streams = await Promise.all(
      Array.from({ length: 4 }, () => server.openStream(`/api/follow/${token}/events`)),
    );
    try {
      const fifth = await fetch(`${server.url}/api/follow/${token}/events`);
      expect(fifth.status).toBe(429);
      await fifth.body?.cancel();
    } finally {
      for (const stream of streams) stream.close();
    }
    const cancelled = await follow(token, '/cancel', { opId: randomUUID() });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.request.status).toBe('cancelled');
    expect((await follow(token)).status).toBe(200);
    await server.running!.store.query(
      "UPDATE requests SET closed_at = now() - interval '61 minutes' WHERE id = $1",
      [request.id],
    );
    expect((await follow(token)).status).toBe(404);
    expect((await follow(token, '/feedback', { satisfaction: 5 })).status).toBe(404);
  });

  it('feedback: once per done request, from its kiosk or its phone, and the report counts it', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    const { request, token } = await followed(scene);
    const early = await server.post(
      `/api/requests/${request.id}/feedback`,
      { satisfaction: 4 },
      scene.kiosk.token,
    );
    expect(early.status).toBe(409);
    await server.must(scene.rover.token, request.id, 'claim');
    await server.must(scene.rover.token, request.id, 'resolve', { outcome: 'answered' });
    // Another kiosk's feedback for it: as if it did not exist.
    const other = await server.kiosk(scene.branchId);
    const stranger = await server.post(
      `/api/requests/${request.id}/feedback`,
      { satisfaction: 1 },
      other.token,
    );
    expect(stranger.status).toBe(404);
    for (const body of [
      { satisfaction: 0 },
      { satisfaction: 6 },
      { satisfaction: 3, note: 'x' },
      {},
    ]) {
      expect((await follow(token, '/feedback', body)).status, JSON.stringify(body)).toBe(400);
    }
    // 200 at once, from the kiosk and the phone: exactly one counts.
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2
          ? follow(token, '/feedback', { satisfaction: 5, importance: 4 })
          : server.post(
              `/api/requests/${request.id}/feedback`,
              { satisfaction: 5, importance: 4 },
              scene.kiosk.token,
            ),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(199);
    expect((await follow(token)).body.request.feedback).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const report = await server.get(
      `/api/branches/${scene.branchId}/report?from=${today}&to=${today}`,
      admin,
    );
    expect(report.body.feedback).toEqual({
      responses: 1,
      satisfaction: [0, 0, 0, 0, 1],
      byTopic: [{ topicId: request.topicId, responses: 1, satisfactionMean: 5, importanceMean: 4 }],
    });
  });
});
