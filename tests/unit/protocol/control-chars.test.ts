// Issue 9, finding 4: U+0000 (and the other control characters) in any text field, a report
// for year 0000 and a broken address each answered 500. One definition of text
// (`Text` in src/shared/schemas.ts) now refuses them with 400 `invalid`, on both stores.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectError, forEachStore, type Json } from '../../support/server.js';

const NUL = 'a\u0000b';

forEachStore('control characters and bad ranges', (server) => {
  it('U+0000 in every text field is 400 invalid, naming the field', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    const topicId = (await server.topicIds(scene.branchId, scene.kiosk.token))[0];
    const waiting = await server.createRequest(scene.kiosk);
    const claimed = await server.requestIn(scene, 'claimed');
    const script = {
      title: 'Welcome',
      purpose: 'one line',
      tags: [],
      topicIds: [],
      steps: [{ text: 'Say hello', phrases: [] }],
    };
    const cases: [string, string, string | undefined, Json, string][] = [
      [
        'POST',
        '/api/requests',
        scene.kiosk.token,
        { id: randomUUID(), topicId, name: NUL },
        'name',
      ],
      [
        'POST',
        '/api/requests',
        scene.kiosk.token,
        { id: randomUUID(), topicId, note: NUL },
        'note',
      ],
      [
        'POST',
        '/api/requests',
        scene.rover.token,
        { id: randomUUID(), topicId, origin: 'walk-up', zone: NUL },
        'zone',
      ],
      [
        'POST',
        `/api/requests/${claimed.id}/transfer`,
        scene.rover.token,
        { opId: randomUUID(), skill: 'general', note: NUL },
        'note',
      ],
      ['POST', '/api/session/admin', undefined, { username: NUL, password: 'x' }, 'username'],
      [
        'POST',
        '/api/session/admin/password',
        admin,
        { current: 'x', next: `twelve chars${NUL}` },
        'next',
      ],
      [
        'POST',
        '/api/session/staff',
        scene.rover.tabletToken,
        { staffId: NUL, pin: '1234' },
        'staffId',
      ],
      [
        'POST',
        '/api/staff',
        admin,
        { displayName: NUL, pin: '1234', skills: [], branchIds: [scene.branchId] },
        'displayName',
      ],
      ['POST', '/api/branches', admin, { id: `b-${randomUUID().slice(0, 6)}`, name: NUL }, 'name'],
      ['PATCH', `/api/branches/${scene.branchId}`, admin, { name: NUL }, 'name'],
      ['PATCH', `/api/branches/${scene.branchId}`, admin, { serviceDesk: NUL }, 'serviceDesk'],
      [
        'POST',
        '/api/devices/enrollments',
        admin,
        { branchId: scene.branchId, kind: 'kiosk', label: NUL },
        'label',
      ],
      ['POST', '/api/devices/enroll', undefined, { code: NUL }, 'code'],
      [
        'POST',
        `/api/branches/${scene.branchId}/topics`,
        admin,
        { label: NUL, skill: 'general' },
        'label',
      ],
      [
        'POST',
        `/api/branches/${scene.branchId}/topics`,
        admin,
        { label: 'Printing', skill: 'general', icon: NUL },
        'icon',
      ],
      [
        'PATCH',
        `/api/branches/${scene.branchId}/topics/${topicId}`,
        admin,
        { label: NUL },
        'label',
      ],
      ['POST', '/api/scripts', admin, { ...script, title: NUL }, 'title'],
      [
        'POST',
        '/api/scripts',
        admin,
        { ...script, steps: [{ text: 'a\u0007b', phrases: [] }] },
        'text',
      ],
    ];
    for (const [method, path, token, body, field] of cases) {
      const answer = await server.call(method, path, { token, body });
      expectError(answer, 400, 'invalid');
      expect(answer.body.error.message, `${method} ${path}`).toMatch(field);
      expect(answer.body.error.message).toMatch(/control characters/);
    }
    // Query strings and URL parts too.
    for (const path of [
      `/api/session?staffId=${encodeURIComponent(NUL)}`,
      `/api/staff/${encodeURIComponent(NUL)}`,
    ]) {
      const method = path.startsWith('/api/session') ? 'DELETE' : 'PATCH';
      const body = method === 'PATCH' ? { active: false } : undefined;
      const answer = await server.call(method, path, {
        token: method === 'PATCH' ? admin : scene.rover.token,
        body,
      });
      expectError(answer, 400, 'invalid');
    }
    // The request made before any of this is untouched.
    const still = await server.get(`/api/requests/${waiting.id}`, scene.rover.token);
    expect(still.status).toBe(200);
  });

  it('a note keeps its line breaks and tabs; a name may not hold one', async () => {
    const scene = await server.scene();
    const note = 'Red coat\nby the\tprinters';
    const request = await server.createRequest(scene.kiosk, { note });
    expect(request.note).toBe(note);
    const topicId = (await server.topicIds(scene.branchId, scene.kiosk.token))[0];
    const answer = await server.post(
      '/api/requests',
      { id: randomUUID(), topicId, name: 'Ana\nMaria' },
      scene.kiosk.token,
    );
    expectError(answer, 400, 'invalid');
  });

  it('a report for a year PostgreSQL cannot hold is 400 invalid', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    for (const [from, to] of [
      ['0000-01-01', '0000-01-31'],
      ['0000-12-31', '0001-01-01'],
      ['1969-12-31', '1970-01-02'],
    ]) {
      const answer = await server.get(
        `/api/branches/${scene.branchId}/report?from=${from}&to=${to}`,
        admin,
      );
      expectError(answer, 400, 'invalid');
    }
    const fine = await server.get(
      `/api/branches/${scene.branchId}/report?from=2026-01-01&to=2026-01-31`,
      admin,
    );
    expect(fine.status, fine.text).toBe(200);
  });

  it("Fastify's own refusals answer in Rove's error shape", async () => {
    const admin = await server.adminToken();
    expectError(await server.get('/api/requests/%zz', admin), 400, 'invalid');
    expectError(await server.get('/api/staff/%E0%A4%A', admin), 400, 'invalid');
    expectError(await server.get('/api/no-such-thing', admin), 404, 'not_found');
    expectError(await server.call('DELETE', '/api/branches', { token: admin }), 404, 'not_found');
    expectError(
      await server.call('POST', '/api/branches', { token: admin, rawBody: '{"id":' }),
      400,
      'invalid',
    );
    expectError(
      await server.call('POST', '/api/branches', {
        token: admin,
        rawBody: JSON.stringify({ id: 'b-big', name: 'x'.repeat(20_000) }),
      }),
      413,
      'too_large',
    );
  });
});
