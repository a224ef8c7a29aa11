// docs/API.md "Walk-ups and answers given on the spot": staff start requests for the patron in
// front of them (queued for a specialist, or taken at once), record questions answered on the
// spot, and the report counts kiosk requests, walk-ups and hand-offs apart.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  expectError,
  forEachStore,
  type Json,
  type Rover,
  type TestServer,
} from '../../support/server.js';

/** Today in UTC, as the report's `from`/`to` (the report's default zone). */
const today = () => new Date().toISOString().slice(0, 10);

async function topicOf(server: TestServer, branchId: string, token: string, skill: string) {
  const body = await server.ok('GET', `/api/branches/${branchId}/topics`, { token }, 200);
  const topic = (body.topics as { id: string; skill: string }[]).find((t) => t.skill === skill);
  if (!topic) throw new Error(`no ${skill} topic`);
  return topic.id;
}

/** `POST /api/requests` as staff: a walk-up with a new id unless the body gives one. */
function walkUp(server: TestServer, rover: Rover, body: Record<string, unknown>) {
  return server.post(
    '/api/requests',
    { id: randomUUID(), origin: 'walk-up', ...body },
    rover.token,
  );
}

function interaction(server: TestServer, rover: Rover, body: Record<string, unknown>) {
  return server.post('/api/interactions', { id: randomUUID(), ...body }, rover.token);
}

forEachStore('walk-ups and hand-offs', (server) => {
  describe('a greeter sends for a specialist', () => {
    it('the walk-up waits in the queue, shows its origin and maker, and is announced', async () => {
      const { branchId, rover: greeter } = await server.scene();
      const history = await topicOf(server, branchId, greeter.token, 'history');
      const stream = await server.openStream(`/api/branches/${branchId}/events`, {
        token: greeter.token,
      });
      try {
        await stream.next('snapshot');
        const answer = await walkUp(server, greeter, {
          topicId: history,
          name: 'By the front doors, red coat',
          note: 'Looking for 1920s census records',
          language: 'es',
          zone: 'Entrance',
        });
        expect(answer.status, answer.text).toBe(201);
        const request = answer.body.request;
        expect(request).toMatchObject({
          branchId,
          topicId: history,
          skill: 'history',
          status: 'waiting',
          origin: 'walk-up',
          createdBy: { id: greeter.staff.id, displayName: greeter.staff.displayName },
          name: 'By the front doors, red coat',
          note: 'Looking for 1920s census records',
          language: 'es',
          zone: 'Entrance',
          version: 1,
        });
        expect(request.ticket).toMatch(/^[A-Z][0-9]+$/);
        expect(request.claimedBy).toBeUndefined();
        const event = await stream.next('request');
        expect((event.json as Json).request).toEqual(request);
        const list = await server.ok(
          'GET',
          `/api/branches/${branchId}/requests`,
          { token: greeter.token },
          200,
        );
        expect(list.requests).toEqual([request]);
      } finally {
        stream.close();
      }
    });

    it('a specialist claims it and the greeter reads who is on the way', async () => {
      const { branchId, rover: greeter } = await server.scene();
      const kim = await server.rover(branchId, { displayName: 'Kim', skills: ['history'] });
      const history = await topicOf(server, branchId, greeter.token, 'history');
      const sent = (await walkUp(server, greeter, { topicId: history })).body.request;
      await server.must(kim.token, sent.id, 'claim');
      const seen = await server.ok(
        'GET',
        `/api/requests/${sent.id}`,
        { token: greeter.token },
        200,
      );
      expect(seen.request).toMatchObject({
        status: 'claimed',
        claimedBy: { id: kim.staff.id, displayName: 'Kim' },
        createdBy: { id: greeter.staff.id },
      });
    });

    it('the greeter may cancel it while it waits (the patron left)', async () => {
      const { branchId, rover: greeter } = await server.scene();
      const topicId = await topicOf(server, branchId, greeter.token, 'history');
      const sent = (await walkUp(server, greeter, { topicId })).body.request;
      const cancelled = await server.must(greeter.token, sent.id, 'cancel');
      expect(cancelled).toMatchObject({ status: 'cancelled', origin: 'walk-up' });
    });

    it('kiosk requests show origin "kiosk" and no maker, to staff and to the kiosk', async () => {
      const { kiosk, rover } = await server.scene();
      const made = await server.createRequest(kiosk);
      expect(made.origin).toBe('kiosk');
      expect(made.createdBy).toBeUndefined();
      const byStaff = await server.ok(
        'GET',
        `/api/requests/${made.id}`,
        { token: rover.token },
        200,
      );
      expect(byStaff.request.origin).toBe('kiosk');
      expect(byStaff.request.createdBy).toBeUndefined();
    });
  });

  describe('take it myself', () => {
    it('claim: true makes it claimed by the caller in one change, one event', async () => {
      const { branchId, rover } = await server.scene();
      const topicId = await topicOf(server, branchId, rover.token, 'tech');
      const stream = await server.openStream(`/api/branches/${branchId}/events`, {
        token: rover.token,
      });
      try {
        await stream.next('snapshot');
        const answer = await walkUp(server, rover, { topicId, claim: true });
        expect(answer.status, answer.text).toBe(201);
        const request = answer.body.request;
        const me = { id: rover.staff.id, displayName: rover.staff.displayName };
        expect(request).toMatchObject({
          status: 'claimed',
          origin: 'walk-up',
          createdBy: me,
          claimedBy: me,
          version: 1,
        });
        expect(request.claimedAt).toBe(request.createdAt);
        // One event, already claimed: no tablet ever sees it waiting (nor beeps for it).
        const marker = (await walkUp(server, rover, { topicId })).body.request;
        const events = await stream.until(
          (e) => (e.json as Json)?.request?.id === marker.id,
          'marker event',
        );
        const mine = events.filter((e) => (e.json as Json)?.request?.id === request.id);
        expect(mine.map((e) => (e.json as Json).request.status)).toEqual(['claimed']);
        // Then worked like any request.
        await server.must(rover.token, request.id, 'start');
        const done = await server.must(rover.token, request.id, 'resolve', { outcome: 'answered' });
        expect(done).toMatchObject({ status: 'done', origin: 'walk-up' });
      } finally {
        stream.close();
      }
    });
  });

  describe('who may start a walk-up, and with what', () => {
    it('the same id again answers 200 with what was stored, and makes nothing new', async () => {
      const { branchId, rover } = await server.scene();
      const topicId = await topicOf(server, branchId, rover.token, 'tech');
      const id = randomUUID();
      const first = await walkUp(server, rover, { id, topicId, name: 'Green scarf' });
      expect(first.status, first.text).toBe(201);
      const again = await walkUp(server, rover, { id, topicId, name: 'Changed', claim: true });
      expect(again.status, again.text).toBe(200);
      expect(again.body.request).toEqual(first.body.request);
      const list = await server.ok(
        'GET',
        `/api/branches/${branchId}/requests`,
        { token: rover.token },
        200,
      );
      expect(list.requests).toHaveLength(1);
      // Someone else's id is not theirs to read back.
      const other = await server.rover(branchId);
      expectError(await walkUp(server, other, { id, topicId }), 409, 'conflict');
    });

    it('a kiosk cannot pass origin, claim or zone', async () => {
      const { kiosk, branchId, rover } = await server.scene();
      const [topicId] = await server.topicIds(branchId, kiosk.token);
      for (const extra of [
        { origin: 'walk-up' },
        { origin: 'kiosk' },
        { claim: true },
        { zone: 'Entrance' },
      ]) {
        const answer = await server.post(
          '/api/requests',
          { id: randomUUID(), topicId, ...extra },
          kiosk.token,
        );
        expectError(answer, 400, 'invalid');
      }
      // Nothing was made.
      const list = await server.ok(
        'GET',
        `/api/branches/${branchId}/requests`,
        { token: rover.token },
        200,
      );
      expect(list.requests).toEqual([]);
    });

    it('staff must say origin "walk-up"; language and zone are checked', async () => {
      const { branchId, rover } = await server.scene();
      const topicId = await topicOf(server, branchId, rover.token, 'tech');
      const without = await server.post(
        '/api/requests',
        { id: randomUUID(), topicId },
        rover.token,
      );
      expectError(without, 400, 'invalid');
      expect(without.body.error.message).toContain('origin');
      for (const bad of [
        { language: 'not a tag' },
        { language: 'e' },
        { zone: 'Entrance\u0007' },
        { zone: 'Line one\nline two' },
        { zone: '   ' },
        { zone: 'x'.repeat(61) },
      ]) {
        expectError(await walkUp(server, rover, { topicId, ...bad }), 400, 'invalid');
      }
      const ok = await walkUp(server, rover, { topicId, language: 'pt-BR', zone: " Kids' area " });
      expect(ok.status, ok.text).toBe(201);
      expect(ok.body.request).toMatchObject({ language: 'pt-BR', zone: "Kids' area" });
      expectError(await walkUp(server, rover, { topicId: 'no-such-topic' }), 404, 'not_found');
    });

    it('staff of another branch are refused, at the branch of their tablet too', async () => {
      const scene = await server.scene();
      const topicId = await topicOf(server, scene.branchId, scene.rover.token, 'tech');
      // Signed in on the scene's tablet, then moved to another branch by a supervisor.
      const mover = await server.rover(scene.branchId);
      const patched = await server.call('PATCH', `/api/staff/${mover.staff.id}`, {
        token: await server.adminToken(),
        body: { branchIds: ['main'] },
      });
      expect(patched.status, patched.text).toBe(200);
      expectError(await walkUp(server, mover, { topicId }), 403, 'forbidden');
      expectError(
        await interaction(server, mover, { topicId, outcome: 'answered' }),
        403,
        'forbidden',
      );
      // A rover of `main` reaches only main's queue: nothing landed in the scene's branch.
      const list = await server.ok(
        'GET',
        `/api/branches/${scene.branchId}/requests`,
        { token: scene.rover.token },
        200,
      );
      expect(list.requests).toEqual([]);
      // Neither a kiosk's device token nor an admin may record an interaction.
      expectError(
        await server.post(
          '/api/interactions',
          { id: randomUUID(), topicId, outcome: 'answered' },
          scene.kiosk.token,
        ),
        403,
        'forbidden',
      );
      expectError(
        await server.post('/api/interactions', { id: randomUUID(), topicId, outcome: 'answered' }),
        401,
        'unauthenticated',
      );
    });
  });

  describe('answered on the spot', () => {
    it('is stored already done, resolved by the caller, with no patron text', async () => {
      const { branchId, rover } = await server.scene();
      const topicId = await topicOf(server, branchId, rover.token, 'books');
      const stream = await server.openStream(`/api/branches/${branchId}/events`, {
        token: rover.token,
      });
      try {
        await stream.next('snapshot');
        const answer = await interaction(server, rover, {
          topicId,
          outcome: 'referred',
          effort: 2,
          language: 'fr',
          minutes: 4,
        });
        expect(answer.status, answer.text).toBe(201);
        const request = answer.body.request;
        const me = { id: rover.staff.id, displayName: rover.staff.displayName };
        expect(request).toMatchObject({
          status: 'done',
          origin: 'walk-up',
          createdBy: me,
          claimedBy: me,
          outcome: 'referred',
          effort: 2,
          language: 'fr',
          minutes: 4,
          needs: [],
        });
        expect(request.name).toBeUndefined();
        expect(request.note).toBeUndefined();
        expect(request.closedAt).toBe(request.createdAt);
        // Tablets hear it (so their copy and the kiosk's "helped today" agree) ...
        expect((await stream.next('request')).json).toEqual({ request });
        // ... but it is never in the queue.
        const list = await server.ok(
          'GET',
          `/api/branches/${branchId}/requests`,
          { token: rover.token },
          200,
        );
        expect(list.requests).toEqual([]);
      } finally {
        stream.close();
      }
    });

    it('refuses patron text and what an on-the-spot answer cannot be', async () => {
      const { branchId, rover } = await server.scene();
      const topicId = await topicOf(server, branchId, rover.token, 'books');
      for (const bad of [
        { name: 'Ana' },
        { note: 'wanted a cookbook' },
        { zone: 'Entrance' },
        { outcome: 'no-show' },
        { outcome: undefined },
        { effort: 7 },
        { minutes: 0 },
        { minutes: 241 },
        { language: 'fr\u0000' },
      ]) {
        const answer = await interaction(server, rover, { topicId, outcome: 'answered', ...bad });
        expectError(answer, 400, 'invalid');
      }
      expectError(
        await interaction(server, rover, { topicId: 'no-such-topic', outcome: 'answered' }),
        404,
        'not_found',
      );
    });

    it('is idempotent by id, also for a burst of the same id at once', async () => {
      const { branchId, rover } = await server.scene();
      const topicId = await topicOf(server, branchId, rover.token, 'tech');
      const id = randomUUID();
      const body = { id, topicId, outcome: 'answered', effort: 1 };
      const answers = await Promise.all(
        Array.from({ length: 200 }, () => server.post('/api/interactions', body, rover.token)),
      );
      const statuses = answers.map((a) => a.status);
      expect(
        statuses.filter((s) => s === 201),
        statuses.join(),
      ).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(199);
      const stored = answers.find((a) => a.status === 201)!.body.request;
      for (const answer of answers) expect(answer.body.request).toEqual(stored);
      // Later, with other fields: still what was stored.
      const again = await interaction(server, rover, { id, topicId, outcome: 'follow-up' });
      expect(again.status, again.text).toBe(200);
      expect(again.body.request).toEqual(stored);
      // One row: the report counts one answer.
      const report = await server.ok(
        'GET',
        `/api/branches/${branchId}/report?from=${today()}&to=${today()}`,
        { token: await server.adminToken() },
        200,
      );
      expect(report.requests.total).toBe(1);
      expect(report.outcomes.answered).toBe(1);
    });
  });

  describe('the report by origin', () => {
    it('counts kiosk requests, walk-ups and hand-offs apart, in all and by topic', async () => {
      const { branchId, kiosk, rover: greeter } = await server.scene();
      const kim = await server.rover(branchId, { displayName: 'Kim', skills: ['history'] });
      const history = await topicOf(server, branchId, greeter.token, 'history');
      const tech = await topicOf(server, branchId, greeter.token, 'tech');

      // Kiosk: two requests, one answered by Kim.
      const asked = await server.createRequest(kiosk, { topicId: tech });
      await server.createRequest(kiosk, { topicId: history });
      await server.must(kim.token, asked.id, 'claim');
      await server.must(kim.token, asked.id, 'resolve', { outcome: 'answered' });
      // Hand-offs: sent for Kim and served by her; sent and cancelled (the patron left);
      // taken at once by the greeter, then handed on to history.
      const sent = (await walkUp(server, greeter, { topicId: history })).body.request;
      await server.must(kim.token, sent.id, 'claim');
      await server.must(kim.token, sent.id, 'resolve', { outcome: 'answered' });
      const left = (await walkUp(server, greeter, { topicId: history })).body.request;
      await server.must(greeter.token, left.id, 'cancel');
      const passed = (await walkUp(server, greeter, { topicId: tech, claim: true })).body.request;
      await server.must(greeter.token, passed.id, 'transfer', { skill: 'history' });
      // Walk-ups kept: two answered on the spot; one taken at once and resolved by the taker.
      await interaction(server, greeter, { topicId: tech, outcome: 'answered', minutes: 3 });
      await interaction(server, kim, { topicId: history, outcome: 'follow-up' });
      const kept = (await walkUp(server, greeter, { topicId: tech, claim: true })).body.request;
      await server.must(greeter.token, kept.id, 'resolve', { outcome: 'answered' });

      const report = await server.ok(
        'GET',
        `/api/branches/${branchId}/report?from=${today()}&to=${today()}`,
        { token: await server.adminToken() },
        200,
      );
      expect(report.requests.total).toBe(8);
      expect(report.byOrigin).toEqual({ kiosk: 2, walkUp: 3, handOff: 3 });
      const byTopic = Object.fromEntries(report.topics.map((t: Json) => [t.topicId, t.byOrigin]));
      expect(byTopic[tech]).toEqual({ kiosk: 1, walkUp: 2, handOff: 1 });
      expect(byTopic[history]).toEqual({ kiosk: 1, walkUp: 1, handOff: 2 });
      // Only requests that waited for someone have a wait: the kiosk's and the sent one.
      expect(report.wait.count).toBe(2);
      // The 3 minutes given on the spot are time with a patron.
      expect(report.withPatron.count).toBe(1);
      expect(report.withPatron.medianSeconds).toBe(180);
      expect(report.requests.done).toBe(5);
      expect(report.outcomes).toMatchObject({ answered: 4, 'follow-up': 1 });
      const kimResolved = report.staff.find((s: Json) => s.staffId === kim.staff.id);
      expect(kimResolved.resolved).toBe(3);
    });

    it('a walk-up claimed by a colleague after its maker let it go is a hand-off', async () => {
      const { branchId, rover: taker } = await server.scene();
      const colleague = await server.rover(branchId);
      const tech = await topicOf(server, branchId, taker.token, 'tech');
      const taken = (await walkUp(server, taker, { topicId: tech, claim: true })).body.request;
      await server.must(taker.token, taken.id, 'release');
      const before = await server.ok(
        'GET',
        `/api/branches/${branchId}/report?from=${today()}&to=${today()}`,
        { token: await server.adminToken() },
        200,
      );
      expect(before.byOrigin).toEqual({ kiosk: 0, walkUp: 1, handOff: 0 });
      await server.must(colleague.token, taken.id, 'claim');
      const after = await server.ok(
        'GET',
        `/api/branches/${branchId}/report?from=${today()}&to=${today()}`,
        { token: await server.adminToken() },
        200,
      );
      expect(after.byOrigin).toEqual({ kiosk: 0, walkUp: 0, handOff: 1 });
    });
  });
});
