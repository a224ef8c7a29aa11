// docs/API.md "Scripts" live, on both stores: the public scripts stream (no credentials, a
// snapshot of every published script, then each publish and withdrawal, heartbeats, nothing
// else), and withdrawing a script (admin only, idempotent, published again later).
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  expectError,
  forEachStore,
  type Json,
  type Scene,
  type TestServer,
} from '../../support/server.js';
import type { SseStream } from '../../support/sse.js';

const draft = (title: string) => ({
  title,
  purpose: 'For a test.',
  tags: ['test'],
  topicIds: ['tech'],
  steps: [{ text: 'Say hello.', phrases: ['Hello!'] }],
});

async function newScript(server: TestServer, title = `Test ${randomUUID().slice(0, 8)}`) {
  const token = await server.adminToken();
  return (await server.ok('POST', '/api/scripts', { token, body: draft(title) }, 201))
    .script as Json;
}

const publish = async (server: TestServer, id: string) =>
  (
    await server.ok(
      'POST',
      `/api/scripts/${id}/publish`,
      { token: await server.adminToken(), body: {} },
      200,
    )
  ).script as Json;

const unpublish = async (server: TestServer, id: string) =>
  (
    await server.ok(
      'POST',
      `/api/scripts/${id}/unpublish`,
      { token: await server.adminToken(), body: {} },
      200,
    )
  ).script as Json;

/** The public stream, opened with no credentials, past its snapshot. */
async function publicStream(server: TestServer): Promise<SseStream> {
  const stream = await server.openStream('/api/scripts/events');
  await stream.next('snapshot');
  return stream;
}

/** The next `script` event about `id` (others' tests publish on the same server). */
const nextAbout = (stream: SseStream, id: string) =>
  stream
    .until((e) => e.event === 'script' && (e.json as Json).script.id === id, `script ${id}`)
    .then((events) => events.at(-1)!);

forEachStore(
  'public scripts stream',
  (server) => {
    it('opens for anyone with every published script as its snapshot', async () => {
      const stream = await server.openStream('/api/scripts/events');
      try {
        expect(stream.status).toBe(200);
        expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
        const snapshot = await stream.next('snapshot');
        const list = (await server.ok('GET', '/api/scripts', {}, 200)).scripts;
        expect((snapshot.json as Json).scripts).toEqual(list);
        expect((snapshot.json as Json).seq).toBe(Number(snapshot.id));
      } finally {
        stream.close();
      }
    });

    it('sends a publish to the public stream exactly as to a staff stream', async () => {
      const script = await newScript(server);
      const scene: Scene = await server.scene();
      const staff = await server.openStream(`/api/branches/${scene.branchId}/events`, {
        token: scene.rover.token,
      });
      const open = await publicStream(server);
      try {
        await staff.next('snapshot');
        const published = await publish(server, script.id);
        const heard = await nextAbout(open, script.id);
        expect((heard.json as Json).script).toEqual(published);
        const staffHeard = await nextAbout(staff, script.id);
        expect(heard.id).toBe(staffHeard.id);
        expect(heard.data).toBe(staffHeard.data);
      } finally {
        staff.close();
        open.close();
      }
    });

    it('sends a withdrawal: the script as devices showed it, with no publishedVersion', async () => {
      const script = await newScript(server, 'Shown words');
      await publish(server, script.id);
      const token = await server.adminToken();
      // A newer draft waits: a withdrawal must not show it to anyone.
      const body = { version: 1, ...draft('Secret draft words') };
      await server.ok('PUT', `/api/scripts/${script.id}`, { token, body }, 200);
      const scene = await server.scene();
      const staff = await server.openStream(`/api/branches/${scene.branchId}/events`, {
        token: scene.rover.token,
      });
      const open = await publicStream(server);
      try {
        await staff.next('snapshot');
        const answer = await unpublish(server, script.id);
        expect(answer).toMatchObject({ id: script.id, version: 2, latestVersion: 2 });
        expect(answer.publishedVersion).toBeUndefined();
        for (const stream of [open, staff]) {
          const event = await nextAbout(stream, script.id);
          const withdrawn = (event.json as Json).script;
          expect(withdrawn).toMatchObject({ id: script.id, title: 'Shown words', version: 1 });
          expect(withdrawn.publishedVersion).toBeUndefined();
          expect(withdrawn.publishedAt).toBeUndefined();
          expect(event.data).not.toContain('Secret draft words');
        }
      } finally {
        staff.close();
        open.close();
      }
      expectError(await server.get(`/api/scripts/${script.id}`), 404, 'not_found');
      const list = (await server.ok('GET', '/api/scripts', {}, 200)).scripts as Json[];
      expect(list.map((s) => s.id)).not.toContain(script.id);
      const fresh = await server.openStream('/api/scripts/events');
      try {
        const ids = ((await fresh.next('snapshot')).json as Json).scripts.map((s: Json) => s.id);
        expect(ids).not.toContain(script.id);
      } finally {
        fresh.close();
      }
    });

    it('withdraws idempotently, and a withdrawn script can be published again', async () => {
      const script = await newScript(server);
      await publish(server, script.id);
      const open = await publicStream(server);
      try {
        const first = await unpublish(server, script.id);
        const second = await unpublish(server, script.id);
        expect(second).toEqual(first);
        const again = await publish(server, script.id);
        expect(again.publishedVersion).toBe(1);
        // One withdrawal event (the second call changed nothing), then the new publish.
        const withdrawn = await nextAbout(open, script.id);
        expect((withdrawn.json as Json).script.publishedVersion).toBeUndefined();
        const republished = await nextAbout(open, script.id);
        expect((republished.json as Json).script).toEqual(again);
      } finally {
        open.close();
      }
      const shown = (await server.ok('GET', `/api/scripts/${script.id}`, {}, 200)).script;
      expect(shown).toEqual(
        (await server.ok('GET', '/api/scripts', {}, 200)).scripts.find(
          (s: Json) => s.id === script.id,
        ),
      );
    });

    it('carries scripts and nothing else: no requests, topics or line', async () => {
      const scene = await server.scene();
      const open = await publicStream(server);
      try {
        const made = await server.createRequest(scene.kiosk, { name: 'Robin', note: 'private' });
        await server.must(scene.rover.token, made.id, 'claim');
        const admin = await server.adminToken();
        await server.post(
          `/api/branches/${scene.branchId}/topics`,
          { label: 'Maker space', skill: 'tech' },
          admin,
        );
        const script = await newScript(server);
        await publish(server, script.id);
        const events = await open.until(
          (e) => e.event === 'script' && (e.json as Json).script.id === script.id,
        );
        expect(events.every((e) => e.event === 'script')).toBe(true);
        const text = events.map((e) => e.data).join('\n');
        expect(text).not.toContain(made.id);
        expect(text).not.toContain('Robin');
      } finally {
        open.close();
      }
    });

    it('always opens with a snapshot, whatever Last-Event-ID it is given', async () => {
      for (const lastEventId of [0, 1, 99_999_999]) {
        const stream = await server.openStream('/api/scripts/events', { lastEventId });
        try {
          expect((await stream.next()).event).toBe('snapshot');
        } finally {
          stream.close();
        }
      }
    });

    it('keeps the stream open with comment lines, and lets closed ones go', async () => {
      const open = await publicStream(server);
      try {
        expect(await open.nextComment()).toBe('ping');
      } finally {
        open.close();
      }
      for (let i = 0; i < 30; i++) (await publicStream(server)).close();
      const last = await publicStream(server);
      try {
        const script = await newScript(server);
        const published = await publish(server, script.id);
        expect(((await nextAbout(last, script.id)).json as Json).script).toEqual(published);
      } finally {
        last.close();
      }
    });

    it('withdraws only for a supervisor: 401, 403, 404 and 400 as for publish', async () => {
      const script = await newScript(server);
      await publish(server, script.id);
      const rover = await server.rover();
      const kiosk = await server.kiosk();
      for (const token of [undefined, rover.token, rover.tabletToken, kiosk.token]) {
        const answer = await server.call('POST', `/api/scripts/${script.id}/unpublish`, {
          token,
          body: {},
        });
        expectError(answer, token ? 403 : 401, token ? 'forbidden' : 'unauthenticated');
      }
      expect((await server.get(`/api/scripts/${script.id}`)).status).toBe(200);

      const token = await server.adminToken();
      const path = `/api/scripts/${script.id}/unpublish`;
      expectError(await server.call('POST', path, { token, body: { now: true } }), 400, 'invalid');
      expectError(await server.call('POST', path, { token, body: [] }), 400, 'invalid');
      const unknown = '/api/scripts/no-such-script/unpublish';
      expectError(await server.call('POST', unknown, { token, body: {} }), 404, 'not_found');
      const badId = await server.call('POST', '/api/scripts/Not%20an%20id/unpublish', {
        token,
        body: {},
      });
      expectError(badId, 400, 'invalid');
    });

    it('keeps the stream’s path from becoming a script id', async () => {
      const token = await server.adminToken();
      const named = await server.call('POST', '/api/scripts', {
        token,
        body: { id: 'events', ...draft('x') },
      });
      expectError(named, 400, 'invalid');
      const titled = await server.call('POST', '/api/scripts', { token, body: draft('Events') });
      expect(titled.status, titled.text).toBe(201);
      expect(titled.body.script.id).toBe('events-script');
    });
  },
  // A short heartbeat so the comment-line test does not wait 15 s; the events are unchanged.
  { heartbeatMs: 300 },
);
