// What a kiosk sees of its own request after a rover hands it on or lets it go: a hand-off
// shows only when it happened (`handoff: {at}`), never the staff-to-staff note nor a staff id,
// on every path (its GET, its own action's answer, its stream's snapshot and live events).
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { expect, it } from 'vitest';
import { HelpRequest } from '../../../src/shared/schemas.js';
import { forEachStore, type Json } from '../../support/server.js';
import type { SseEvent } from '../../support/sse.js';

// The formats the server's validator knows, so the strict schema can be checked here too.
if (!FormatRegistry.Has('uuid'))
  FormatRegistry.Set('uuid', (v) => /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(v));
if (!FormatRegistry.Has('date-time'))
  FormatRegistry.Set('date-time', (v) => new Date(v).toISOString() === v);

const NOTE = 'Staff-only: she needs the tax form from 2019';
const requestOf = (e: SseEvent) => (e.json as Json | undefined)?.request as Json | undefined;

/** What a kiosk may hold of a handed-on request: strict schema, `at` only, nothing of staff. */
function expectKioskView(request: Json, text: string, staffIds: string[]) {
  expect(Value.Check(HelpRequest, request), JSON.stringify(request)).toBe(true);
  expect(Object.keys(request.handoff)).toEqual(['at']);
  expect(Date.parse(request.handoff.at)).not.toBeNaN();
  expect(text).not.toContain(NOTE);
  for (const id of staffIds) expect(text).not.toContain(id);
}

forEachStore('a kiosk’s view of a handed-on request', (server) => {
  it('its GET says when it was handed on, with no note and no staff id', async () => {
    const scene = await server.scene();
    const serving = await server.requestIn(scene, 'serving');
    await server.must(scene.rover.token, serving.id, 'transfer', { skill: 'forms', note: NOTE });

    const seen = await server.get(`/api/requests/${serving.id}`, scene.kiosk.token);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.request.status).toBe('waiting');
    expectKioskView(seen.body.request, seen.text, [scene.rover.staff.id]);

    // Staff still get the whole hand-off.
    const staff = await server.get(`/api/requests/${serving.id}`, scene.rover.token);
    expect(staff.body.request.handoff).toMatchObject({
      from: { id: scene.rover.staff.id, displayName: scene.rover.staff.displayName },
      note: NOTE,
    });
    expect(staff.body.request.handoff.at).toBe(seen.body.request.handoff.at);
  });

  it('a release leaves no hand-off, so the kiosk can tell the two apart', async () => {
    const scene = await server.scene();
    const claimed = await server.requestIn(scene, 'claimed');
    await server.must(scene.rover.token, claimed.id, 'release');
    const seen = await server.get(`/api/requests/${claimed.id}`, scene.kiosk.token);
    expect(seen.body.request).toMatchObject({ status: 'waiting' });
    expect(seen.body.request.version).toBeGreaterThan(1);
    expect(seen.body.request.handoff).toBeUndefined();
    expect(Value.Check(HelpRequest, seen.body.request)).toBe(true);
  });

  it('the answer to its own cancel holds no note and no staff id either', async () => {
    const scene = await server.scene();
    const serving = await server.requestIn(scene, 'serving');
    await server.must(scene.rover.token, serving.id, 'transfer', { skill: 'forms', note: NOTE });
    const specialist = await server.rover(scene.branchId, { skills: ['forms'] });
    await server.must(specialist.token, serving.id, 'claim');
    const answer = await server.post(
      `/api/requests/${serving.id}/cancel`,
      { opId: crypto.randomUUID() },
      scene.kiosk.token,
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.request.status).toBe('cancelled');
    expectKioskView(answer.body.request, answer.text, [scene.rover.staff.id, specialist.staff.id]);
  });

  it('its stream, live and in a fresh snapshot, holds no note and no staff id', async () => {
    const scene = await server.scene();
    const serving = await server.requestIn(scene, 'serving');
    const live = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
    try {
      await live.next('snapshot');
      await server.must(scene.rover.token, serving.id, 'transfer', {
        skill: 'forms',
        note: NOTE,
      });
      const events = await live.until(
        (e) => requestOf(e)?.id === serving.id && requestOf(e)?.handoff !== undefined,
        'the hand-off event',
      );
      expectKioskView(requestOf(events.at(-1)!)!, JSON.stringify(live.events), [
        scene.rover.staff.id,
      ]);
    } finally {
      live.close();
    }
    const fresh = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
    try {
      const snapshot = (await fresh.next('snapshot')).json as Json;
      const mine = snapshot.requests.find((r: Json) => r.id === serving.id);
      expectKioskView(mine, JSON.stringify(snapshot), [scene.rover.staff.id]);
    } finally {
      fresh.close();
    }
  });
});
