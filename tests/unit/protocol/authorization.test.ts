// Who sees what: a kiosk only its own requests, staff only their branches, the admin no queue.
import { expect, it } from 'vitest';
import { expectError, expectErrorOf, forEachStore } from '../../support/server.js';

forEachStore('authorization', (server) => {
  it('a kiosk never sees another kiosk’s request, even in its own branch', async () => {
    const scene = await server.scene();
    const neighbour = await server.kiosk(scene.branchId);
    const request = await server.createRequest(scene.kiosk, {
      name: 'Private Person',
      note: 'secret words',
    });
    const answer = await server.get(`/api/requests/${request.id}`, neighbour.token);
    expectErrorOf(answer, [403, 404]);
    expect(answer.text).not.toContain('Private Person');
    expect(answer.text).not.toContain('secret words');
    expect(answer.body.request).toBeUndefined();
  });

  it('a kiosk may not cancel another kiosk’s request, and learns nothing from trying', async () => {
    const scene = await server.scene();
    const neighbour = await server.kiosk(scene.branchId);
    const request = await server.createRequest(scene.kiosk, { name: 'Dee' });
    const answer = await server.act(neighbour.token, request.id, 'cancel');
    expectErrorOf(answer, [403, 404]);
    expect(answer.body.request).toBeUndefined();
    expect(answer.text).not.toContain('Dee');
    const still = await server.get(`/api/requests/${request.id}`, scene.rover.token);
    expect(still.body.request.status).toBe('waiting');
  });

  it('a kiosk cannot read the queue or the staff stream', async () => {
    const scene = await server.scene();
    await server.createRequest(scene.kiosk);
    expectError(
      await server.get(`/api/branches/${scene.branchId}/requests`, scene.kiosk.token),
      403,
      'forbidden',
    );
    const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
      token: scene.kiosk.token,
    });
    expect(stream.status).toBe(403);
    expect(stream.errorJson).toMatchObject({ error: { code: 'forbidden' } });
    stream.close();
  });

  it('a tablet with nobody signed in cannot read the queue', async () => {
    const scene = await server.scene();
    expectError(
      await server.get(`/api/branches/${scene.branchId}/requests`, scene.rover.tabletToken),
      403,
      'forbidden',
    );
  });

  it('staff of another branch see neither its queue, its requests nor its stream', async () => {
    const scene = await server.scene();
    const outsider = await server.rover('main');
    const request = await server.createRequest(scene.kiosk, { name: 'Eve' });
    expectError(
      await server.get(`/api/branches/${scene.branchId}/requests`, outsider.token),
      403,
      'forbidden',
    );
    const read = await server.get(`/api/requests/${request.id}`, outsider.token);
    expectErrorOf(read, [403, 404]);
    expect(read.text).not.toContain('Eve');
    const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
      token: outsider.token,
    });
    expect(stream.status).toBe(403);
    stream.close();
  });

  it('staff of several branches work in each of them', async () => {
    const east = await server.newBranch();
    const west = await server.newBranch();
    const tablet = await server.enroll('tablet', east);
    const staff = await server.createStaff({ branchIds: [east, west] });
    const token = await server.staffSession(tablet.token, staff.id, staff.pin);
    const westKiosk = await server.kiosk(west);
    const request = await server.createRequest(westKiosk);
    expect((await server.get(`/api/branches/${west}/requests`, token)).status).toBe(200);
    const claimed = await server.must(token, request.id, 'claim');
    expect(claimed.claimedBy.id).toBe(staff.id);
  });

  it('requests lists of one branch never hold another branch’s requests', async () => {
    const a = await server.scene();
    const b = await server.scene();
    const mine = await server.createRequest(a.kiosk);
    const theirs = await server.createRequest(b.kiosk);
    const list = await server.ok(
      'GET',
      `/api/branches/${a.branchId}/requests`,
      { token: a.rover.token },
      200,
    );
    const ids = list.requests.map((r: { id: string }) => r.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
  });

  it('admin-only calls refuse staff, tablets and kiosks with 403', async () => {
    const scene = await server.scene();
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/branches'],
      ['GET', '/api/devices'],
      ['GET', '/api/staff'],
      ['POST', '/api/devices/enrollments', { branchId: scene.branchId, kind: 'kiosk', label: 'x' }],
      ['POST', `/api/branches/${scene.branchId}/topics`, { label: 'x', skill: 'general' }],
    ];
    for (const token of [scene.kiosk.token, scene.rover.token, scene.rover.tabletToken]) {
      for (const [method, path, body] of calls) {
        const answer = await server.call(method, path, { token, body });
        expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(403);
        expect(answer.body.error.code).toBe('forbidden');
      }
    }
  });

  it('the admin has no queue of requests to act on', async () => {
    const scene = await server.scene();
    const request = await server.createRequest(scene.kiosk);
    expectError(
      await server.act(await server.adminToken(), request.id, 'resolve', { outcome: 'answered' }),
      403,
      'forbidden',
    );
  });
});
