// Branches, staff and topics: what the admin manages (docs/API.md "Branches, staff, skills" and "Topics").
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectError, forEachStore, type Json } from '../../support/server.js';

const STARTER_SKILLS = ['tech', 'books', 'youth', 'history', 'careers', 'forms', 'access'];

forEachStore('admin: branches, staff, topics', (server) => {
  it('first start seeds branch main with starter topics mapped to skills', async () => {
    const admin = await server.adminToken();
    const branches = await server.get('/api/branches', admin);
    expect(branches.body.branches).toEqual(
      expect.arrayContaining([
        {
          id: 'main',
          name: expect.any(String),
          zones: [],
          escalateAfterSeconds: 180,
          languages: ['en'],
        },
      ]),
    );
    const topics = (await server.get('/api/branches/main/topics', admin)).body.topics as Json[];
    expect(topics.length).toBeGreaterThanOrEqual(7);
    for (const skill of STARTER_SKILLS) expect(topics.map((t) => t.skill)).toContain(skill);
    for (const topic of topics) {
      expect(topic).toMatchObject({
        id: expect.any(String),
        label: expect.any(String),
        skill: expect.any(String),
      });
      expect(topic.label.length).toBeGreaterThan(0);
    }
  });

  it('the admin creates a branch, which starts with the starter topics', async () => {
    const admin = await server.adminToken();
    const id = `east-${randomUUID().slice(0, 6)}`;
    const answer = await server.post('/api/branches', { id, name: 'East Branch' }, admin);
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toEqual({ id, name: 'East Branch' });
    const main = (await server.get('/api/branches/main/topics', admin)).body.topics as Json[];
    const east = (await server.get(`/api/branches/${id}/topics`, admin)).body.topics as Json[];
    expect(east.map((t) => t.skill).sort()).toEqual(
      main
        .filter((t) => !t.hidden)
        .map((t) => t.skill)
        .sort(),
    );
    expect((await server.get('/api/branches', admin)).body.branches).toContainEqual({
      id,
      name: 'East Branch',
      zones: [],
      escalateAfterSeconds: 180,
      languages: ['en'],
    });
  });

  it('a branch id that exists already is 409', async () => {
    const admin = await server.adminToken();
    expectError(
      await server.post('/api/branches', { id: 'main', name: 'Again' }, admin),
      409,
      'conflict',
    );
  });

  it('only the admin creates branches and staff', async () => {
    const scene = await server.scene();
    for (const token of [scene.kiosk.token, scene.rover.token, scene.rover.tabletToken]) {
      expectError(
        await server.post('/api/branches', { id: 'nope', name: 'Nope' }, token),
        403,
        'forbidden',
      );
      const staff = { displayName: 'Nope', pin: '1234', skills: [], branchIds: [scene.branchId] };
      expectError(await server.post('/api/staff', staff, token), 403, 'forbidden');
      expectError(await server.get('/api/staff', token), 403, 'forbidden');
    }
  });

  it('the admin creates staff; the answer never carries the PIN', async () => {
    const admin = await server.adminToken();
    const body = {
      displayName: 'Sam',
      pin: '8642',
      skills: ['tech', 'books'],
      branchIds: ['main'],
    };
    const answer = await server.post('/api/staff', body, admin);
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      displayName: 'Sam',
      skills: ['tech', 'books'],
      languages: [],
      branchIds: ['main'],
    });
    expect(answer.text).not.toContain('8642');
    const all = await server.get('/api/staff', admin);
    expect(all.body.staff).toContainEqual({ ...answer.body, active: true });
    expect(all.text).not.toContain('8642');
  });

  it('a branch lists its active staff by name for devices and staff of that branch', async () => {
    const scene = await server.scene();
    const other = await server.createStaff({ branchIds: [scene.branchId], skills: ['youth'] });
    for (const token of [
      scene.kiosk.token,
      scene.rover.tabletToken,
      scene.rover.token,
      await server.adminToken(),
    ]) {
      const answer = await server.get(`/api/branches/${scene.branchId}/staff`, token);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.staff).toContainEqual({
        id: other.id,
        displayName: other.displayName,
        skills: ['youth'],
      });
      expect(answer.body.staff).toHaveLength(2);
    }
    const outsider = await server.kiosk('main');
    expectError(
      await server.get(`/api/branches/${scene.branchId}/staff`, outsider.token),
      403,
      'forbidden',
    );
  });

  it('PATCH staff changes them; inactive staff lose their sessions and leave the list', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    const renamed = await server.call('PATCH', `/api/staff/${scene.rover.staff.id}`, {
      token: admin,
      body: { displayName: 'Renamed', skills: ['forms'] },
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.staff).toMatchObject({
      id: scene.rover.staff.id,
      displayName: 'Renamed',
      skills: ['forms'],
      active: true,
    });
    // Used just before (the server may remember the session): deactivating still ends it.
    expect(
      (await server.get(`/api/branches/${scene.branchId}/requests`, scene.rover.token)).status,
    ).toBe(200);
    const off = await server.call('PATCH', `/api/staff/${scene.rover.staff.id}`, {
      token: admin,
      body: { active: false },
    });
    expect(off.status, off.text).toBe(200);
    expect(off.body.staff.active).toBe(false);
    expectError(
      await server.get(`/api/branches/${scene.branchId}/requests`, scene.rover.token),
      401,
      'unauthenticated',
    );
    const names = await server.get(`/api/branches/${scene.branchId}/staff`, scene.kiosk.token);
    expect(names.body.staff.map((s: Json) => s.id)).not.toContain(scene.rover.staff.id);
    const unknown = await server.call('PATCH', `/api/staff/${randomUUID()}`, {
      token: admin,
      body: { active: false },
    });
    expectError(unknown, 404, 'not_found');
  });

  it('topics: kiosks and staff of the branch read them; others may not', async () => {
    const scene = await server.scene();
    for (const token of [scene.kiosk.token, scene.rover.token, scene.rover.tabletToken]) {
      const answer = await server.get(`/api/branches/${scene.branchId}/topics`, token);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.topics.length).toBeGreaterThan(0);
    }
    const outsider = await server.rover('main');
    const mainKiosk = await server.kiosk('main');
    expectError(
      await server.get(`/api/branches/${scene.branchId}/topics`, outsider.token),
      403,
      'forbidden',
    );
    expectError(
      await server.get(`/api/branches/${scene.branchId}/topics`, mainKiosk.token),
      403,
      'forbidden',
    );
    expectError(await server.get(`/api/branches/${scene.branchId}/topics`), 401, 'unauthenticated');
    expectError(
      await server.get('/api/branches/no-such-branch/topics', await server.adminToken()),
      404,
      'not_found',
    );
  });

  it('the admin adds, changes, hides and reorders topics', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    const base = `/api/branches/${scene.branchId}/topics`;
    const added = await server.post(
      base,
      { id: 'seed-library', label: 'Seed library', skill: 'general' },
      admin,
    );
    expect(added.status, added.text).toBe(201);
    expect(added.body.topic).toMatchObject({
      id: 'seed-library',
      label: 'Seed library',
      skill: 'general',
      hidden: false,
    });
    let ids = await server.topicIds(scene.branchId, scene.kiosk.token);
    expect(ids.at(-1)).toBe('seed-library');

    const patched = await server.call('PATCH', `${base}/seed-library`, {
      token: admin,
      body: { label: 'Seeds', hidden: true },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.topic).toMatchObject({ label: 'Seeds', hidden: true });
    ids = await server.topicIds(scene.branchId, scene.kiosk.token);
    expect(ids).not.toContain('seed-library');
    expect(await server.topicIds(scene.branchId, admin)).toContain('seed-library');

    const all = await server.topicIds(scene.branchId, admin);
    const reversed = [...all].reverse();
    const ordered = await server.call('PUT', `${base}/order`, {
      token: admin,
      body: { ids: reversed },
    });
    expect(ordered.status, ordered.text).toBe(200);
    expect(ordered.body.topics.map((t: Json) => t.id)).toEqual(reversed);
    expect(await server.topicIds(scene.branchId, admin)).toEqual(reversed);

    const partial = await server.call('PUT', `${base}/order`, {
      token: admin,
      body: { ids: reversed.slice(1) },
    });
    expectError(partial, 400, 'invalid');
    const missing = await server.call('PATCH', `${base}/nope`, {
      token: admin,
      body: { label: 'x' },
    });
    expectError(missing, 404, 'not_found');
    expectError(
      await server.post(base, { label: 'No', skill: 'general' }, scene.rover.token),
      403,
      'forbidden',
    );
  });
});
