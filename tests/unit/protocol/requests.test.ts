// docs/API.md "Help requests": create (and create again), get, list, and what a kiosk may see.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectError, expectErrorOf, forEachStore } from '../../support/server.js';

forEachStore('help requests', (server) => {
  it('a kiosk creates a waiting request with a ticket to read aloud', async () => {
    const { kiosk, branchId } = await server.scene();
    const topics = await server.ok(
      'GET',
      `/api/branches/${branchId}/topics`,
      { token: kiosk.token },
      200,
    );
    const topic = topics.topics[0];
    const id = randomUUID();
    const body = { id, topicId: topic.id, name: 'Ana', note: 'By the atlases', needs: ['private'] };
    const answer = await server.post('/api/requests', body, kiosk.token);
    expect(answer.status, answer.text).toBe(201);
    const request = answer.body.request;
    expect(request).toMatchObject({
      id,
      branchId,
      topicId: topic.id,
      skill: topic.skill,
      status: 'waiting',
      name: 'Ana',
      note: 'By the atlases',
      needs: ['private'],
    });
    expect(request.ticket).toMatch(/^[A-Z][0-9]+$/);
    expect(request.version).toBeGreaterThanOrEqual(1);
    expect(new Date(request.createdAt).toISOString()).toBe(request.createdAt);
    expect(request.claimedBy).toBeUndefined();
  });

  it('needs, name and note are optional', async () => {
    const { kiosk } = await server.scene();
    const request = await server.createRequest(kiosk);
    expect(request.needs).toEqual([]);
    expect(request.name).toBeUndefined();
    expect(request.note).toBeUndefined();
  });

  it('the same id again answers 200 with the stored request and creates nothing', async () => {
    const { kiosk, rover, branchId } = await server.scene();
    const first = await server.createRequest(kiosk, { name: 'Bo' });
    const topicIds = await server.topicIds(branchId, kiosk.token);
    // A retry from a flaky network, even with different fields, must not make a second one.
    const again = await server.post(
      '/api/requests',
      { id: first.id, topicId: topicIds[1] ?? topicIds[0], name: 'Changed' },
      kiosk.token,
    );
    expect(again.status, again.text).toBe(200);
    expect(again.body.request).toEqual(first);
    const list = await server.ok(
      'GET',
      `/api/branches/${branchId}/requests`,
      { token: rover.token },
      200,
    );
    expect(list.requests.filter((r: { id: string }) => r.id === first.id)).toHaveLength(1);
    expect(list.requests).toHaveLength(1);
  });

  it('tickets differ within a branch on one day', async () => {
    const { kiosk } = await server.scene();
    const tickets = new Set<string>();
    for (let i = 0; i < 12; i++) tickets.add((await server.createRequest(kiosk)).ticket);
    expect(tickets.size).toBe(12);
  });

  it('its kiosk and staff of its branch can read it', async () => {
    const { kiosk, rover } = await server.scene();
    const request = await server.createRequest(kiosk, { name: 'Cy' });
    const byKiosk = await server.get(`/api/requests/${request.id}`, kiosk.token);
    expect(byKiosk.status, byKiosk.text).toBe(200);
    expect(byKiosk.body.request).toMatchObject({ id: request.id, status: 'waiting' });
    const byStaff = await server.get(`/api/requests/${request.id}`, rover.token);
    expect(byStaff.status, byStaff.text).toBe(200);
    expect(byStaff.body.request).toEqual(request);
  });

  it('an unknown request id is 404', async () => {
    const { rover } = await server.scene();
    expectError(await server.get(`/api/requests/${randomUUID()}`, rover.token), 404, 'not_found');
    expectError(await server.act(rover.token, randomUUID(), 'claim'), 404, 'not_found');
  });

  it('the branch list holds only open requests, oldest first, with the seq', async () => {
    const scene = await server.scene();
    const waiting = await server.requestIn(scene, 'waiting');
    const claimed = await server.requestIn(scene, 'claimed');
    const serving = await server.requestIn(scene, 'serving');
    await server.requestIn(scene, 'done');
    await server.requestIn(scene, 'cancelled');
    const list = await server.ok(
      'GET',
      `/api/branches/${scene.branchId}/requests`,
      { token: scene.rover.token },
      200,
    );
    expect(list.requests.map((r: { id: string }) => r.id)).toEqual([
      waiting.id,
      claimed.id,
      serving.id,
    ]);
    expect(Number.isInteger(list.seq)).toBe(true);
    expect(list.seq).toBeGreaterThan(0);
  });

  it('the seq of the list grows with every change', async () => {
    const scene = await server.scene();
    const path = `/api/branches/${scene.branchId}/requests`;
    const before = (await server.ok('GET', path, { token: scene.rover.token }, 200)).seq;
    await server.createRequest(scene.kiosk);
    const after = (await server.ok('GET', path, { token: scene.rover.token }, 200)).seq;
    expect(after).toBeGreaterThan(before);
  });

  it('a kiosk sees who is coming by name only, never the hand-off note', async () => {
    const scene = await server.scene();
    const serving = await server.requestIn(scene, 'serving');
    await server.must(scene.rover.token, serving.id, 'transfer', {
      skill: 'forms',
      note: 'Staff-only words',
    });
    const specialist = await server.rover(scene.branchId, { skills: ['forms'] });
    await server.must(specialist.token, serving.id, 'claim');
    const seen = await server.get(`/api/requests/${serving.id}`, scene.kiosk.token);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.request.claimedBy).toEqual({ displayName: specialist.staff.displayName });
    expect(seen.text).not.toContain('Staff-only words');
    expect(seen.text).not.toContain(specialist.staff.id);
    const staffView = await server.get(`/api/requests/${serving.id}`, scene.rover.token);
    expect(staffView.body.request.handoff.note).toBe('Staff-only words');
    expect(staffView.body.request.claimedBy.id).toBe(specialist.staff.id);
  });

  it('a request needs a topic of the kiosk branch', async () => {
    const { kiosk } = await server.scene();
    const answer = await server.post(
      '/api/requests',
      { id: randomUUID(), topicId: 'no-such-topic' },
      kiosk.token,
    );
    expectErrorOf(answer, [400, 404]);
  });

  it('only a kiosk, or staff for a walk-up (see walk-ups.test.ts), creates requests', async () => {
    const { rover, kiosk, branchId } = await server.scene();
    const topicId = (await server.topicIds(branchId, kiosk.token))[0];
    // Staff must say it is a walk-up; a tablet with nobody signed in cannot ask at all.
    expectError(
      await server.post('/api/requests', { id: randomUUID(), topicId }, rover.token),
      400,
      'invalid',
    );
    expectError(
      await server.post('/api/requests', { id: randomUUID(), topicId }, rover.tabletToken),
      403,
      'forbidden',
    );
    expectError(
      await server.post('/api/requests', { id: randomUUID(), topicId }, await server.adminToken()),
      403,
      'forbidden',
    );
    expectError(
      await server.post('/api/requests', { id: randomUUID(), topicId }),
      401,
      'unauthenticated',
    );
  });
});
