// docs/API.md "Errors": bad input of every kind gets a clear 4xx in the error shape, never 500.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  expectError,
  expectErrorOf,
  forEachStore,
  type Answer,
  type Json,
} from '../../support/server.js';

/** Every refusal must be 4xx with `{error: {code, message}}`; a 500 fails with its body. */
function expectClearRefusal(answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${answer.text}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${what}: ${answer.text}`).toBeLessThan(500);
  expect(answer.body?.error, `${what}: ${answer.text}`).toMatchObject({
    code: expect.any(String),
    message: expect.any(String),
  });
}

forEachStore('bad input', (server) => {
  it('malformed JSON is 400 invalid on every POST', async () => {
    const scene = await server.scene();
    const request = await server.createRequest(scene.kiosk);
    const calls: [string, string][] = [
      ['/api/session/admin', ''],
      ['/api/branches', await server.adminToken()],
      ['/api/staff', await server.adminToken()],
      ['/api/devices/enrollments', await server.adminToken()],
      ['/api/devices/enroll', ''],
      ['/api/session/staff', scene.rover.tabletToken],
      ['/api/requests', scene.kiosk.token],
      [`/api/requests/${request.id}/claim`, scene.rover.token],
    ];
    for (const [path, token] of calls) {
      for (const rawBody of ['{"oops":', 'not json', '{"a":1}}', '']) {
        const answer = await server.call('POST', path, { token: token || undefined, rawBody });
        expect(answer.status, `${path} ${JSON.stringify(rawBody)}: ${answer.text}`).toBe(400);
        expect(answer.body.error.code).toBe('invalid');
      }
    }
  });

  it('wrong types, missing fields and unknown fields are 400 invalid, naming the field', async () => {
    const scene = await server.scene();
    const topicId = (await server.topicIds(scene.branchId, scene.kiosk.token))[0];
    const bodies: Json[] = [
      { id: 42, topicId },
      { id: 'not-a-uuid', topicId },
      { topicId },
      { id: randomUUID() },
      { id: randomUUID(), topicId, name: 7 },
      { id: randomUUID(), topicId, needs: 'private' },
      { id: randomUUID(), topicId, needs: ['teleport'] },
      { id: randomUUID(), topicId, note: 'x'.repeat(5000) },
      { id: randomUUID(), topicId, priority: 'high' },
      [{ id: randomUUID(), topicId }],
      'just a string',
      null,
    ];
    for (const body of bodies) {
      const answer = await server.call('POST', '/api/requests', {
        token: scene.kiosk.token,
        rawBody: JSON.stringify(body),
      });
      expectError(answer, 400, 'invalid');
    }
    const unknown = await server.post(
      '/api/requests',
      { id: randomUUID(), topicId, priority: 'high' },
      scene.kiosk.token,
    );
    expect(unknown.body.error.message).toMatch(/priority/);
    const wrongType = await server.post(
      '/api/requests',
      { id: randomUUID(), topicId, name: 7 },
      scene.kiosk.token,
    );
    expect(wrongType.body.error.message).toMatch(/name/);
  });

  it('action bodies are checked: opId, version, outcome, effort, skill', async () => {
    const scene = await server.scene();
    const claimed = await server.requestIn(scene, 'claimed');
    const path = `/api/requests/${claimed.id}`;
    const cases: [string, Json][] = [
      ['claim', {}],
      ['release', { opId: 'not-a-uuid' }],
      ['start', { opId: randomUUID(), version: 'three' }],
      ['start', { opId: randomUUID(), version: 0 }],
      ['start', { opId: randomUUID(), extra: true }],
      ['resolve', { opId: randomUUID() }],
      ['resolve', { opId: randomUUID(), outcome: 'vanished' }],
      ['resolve', { opId: randomUUID(), outcome: 'answered', effort: 7 }],
      ['resolve', { opId: randomUUID(), outcome: 'answered', effort: 2.5 }],
      ['transfer', { opId: randomUUID() }],
      ['transfer', { opId: randomUUID(), skill: 'Not A Skill!' }],
      ['transfer', { opId: randomUUID(), skill: 'tech', note: 'x'.repeat(1000) }],
    ];
    for (const [action, body] of cases) {
      const answer = await server.post(`${path}/${action}`, body, scene.rover.token);
      expect(answer.status, `${action} ${JSON.stringify(body)}: ${answer.text}`).toBe(400);
      expect(answer.body.error.code).toBe('invalid');
    }
    const unchanged = await server.get(path, scene.rover.token);
    expect(unchanged.body.request.version).toBe(claimed.version);
  });

  it('an unknown action is 404', async () => {
    const scene = await server.scene();
    const request = await server.createRequest(scene.kiosk);
    expectError(await server.act(scene.rover.token, request.id, 'teleport'), 404, 'not_found');
  });

  it('admin bodies are checked too', async () => {
    const admin = await server.adminToken();
    const cases: [string, string, Json][] = [
      ['POST', '/api/branches', { id: 'has spaces', name: 'X' }],
      ['POST', '/api/branches', { id: 'ok-id' }],
      ['POST', '/api/staff', { displayName: 'Al', pin: '12', skills: [], branchIds: ['main'] }],
      ['POST', '/api/staff', { displayName: 'Al', pin: 1234, skills: [], branchIds: ['main'] }],
      ['POST', '/api/staff', { displayName: 'Al', pin: '1234', skills: [], branchIds: [] }],
      ['POST', '/api/staff', { displayName: '', pin: '1234', skills: [], branchIds: ['main'] }],
      ['POST', '/api/devices/enrollments', { branchId: 'main', kind: 'toaster', label: 'x' }],
      ['POST', '/api/devices/enrollments', { branchId: 'main', kind: 'kiosk' }],
      ['POST', '/api/session/admin', { username: 'admin' }],
      ['PATCH', '/api/staff/whoever', {}],
      ['POST', '/api/branches/main/topics', { label: 'x', skill: 'UPPER CASE' }],
    ];
    for (const [method, path, body] of cases) {
      const answer = await server.call(method, path, { token: admin, body });
      expect(answer.status, `${method} ${path} ${JSON.stringify(body)}: ${answer.text}`).toBe(400);
      expect(answer.body.error.code).toBe('invalid');
    }
  });

  it('ids that name nothing are 404, or 400 when they sit in a body', async () => {
    const admin = await server.adminToken();
    const scene = await server.scene();
    expectError(await server.get('/api/branches/no-such-branch/requests', admin), 404, 'not_found');
    expectError(await server.get('/api/branches/no-such-branch/staff', admin), 404, 'not_found');
    // Not even the shape of an id: 400 or 404 are both clear.
    expectErrorOf(await server.get('/api/requests/not-even-a-uuid', scene.rover.token), [400, 404]);
    expectErrorOf(
      await server.post(
        '/api/devices/enrollments',
        { branchId: 'no-such-branch', kind: 'kiosk', label: 'x' },
        admin,
      ),
      [400, 404],
    );
    expectErrorOf(
      await server.post(
        '/api/staff',
        { displayName: 'Al', pin: '1234', skills: [], branchIds: ['no-such-branch'] },
        admin,
      ),
      [400, 404],
    );
    expectErrorOf(
      await server.post(
        '/api/session/staff',
        { staffId: randomUUID(), pin: '1234' },
        scene.rover.tabletToken,
      ),
      [401, 404],
    );
    expectError(await server.get('/api/no-such-endpoint', admin), 404, 'not_found');
  });

  it('a body over 16 KiB is 413 too_large', async () => {
    const scene = await server.scene();
    const topicId = (await server.topicIds(scene.branchId, scene.kiosk.token))[0];
    const rawBody = JSON.stringify({ id: randomUUID(), topicId, note: 'x'.repeat(17 * 1024) });
    const answer = await server.call('POST', '/api/requests', {
      token: scene.kiosk.token,
      rawBody,
    });
    expectError(answer, 413, 'too_large');
    const huge = JSON.stringify({ username: 'admin', password: 'y'.repeat(1024 * 1024) });
    expectError(
      await server.call('POST', '/api/session/admin', { rawBody: huge }),
      413,
      'too_large',
    );
  });

  it('odd content types, methods and headers are refused clearly', async () => {
    const scene = await server.scene();
    const token = scene.kiosk.token;
    const text = await server.call('POST', '/api/requests', {
      token,
      rawBody: 'id=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectClearRefusal(text, 'form body');
    expectClearRefusal(
      await server.call('DELETE', '/api/requests', { token }),
      'DELETE /api/requests',
    );
    expectClearRefusal(
      await server.call('GET', '/api/branches', { headers: { authorization: 'Bearer' } }),
      'empty bearer',
    );
    expectClearRefusal(
      await server.call('GET', '/api/branches', {
        headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
      }),
      'basic auth',
    );
    expectClearRefusal(
      await server.call('GET', '/api/branches', { headers: { cookie: 'rove_session=%E0%A4%A' } }),
      'broken cookie',
    );
  });

  it('a burst of random junk never gets a 500', async () => {
    const scene = await server.scene();
    const request = await server.createRequest(scene.kiosk);
    const paths = [
      '/api/requests',
      `/api/requests/${request.id}/claim`,
      `/api/requests/${request.id}/resolve`,
      `/api/requests/${request.id}/transfer`,
      '/api/session/staff',
      '/api/devices/enroll',
    ];
    const junk: unknown[] = [
      { id: { $gt: '' } },
      { opId: randomUUID(), version: 1e308 },
      { opId: randomUUID(), version: -1 },
      { code: ['a'] },
      { staffId: "' OR 1=1 --", pin: '1234' },
      { id: randomUUID(), topicId: "'; DROP TABLE requests; --" },
      { __proto__: { admin: true } },
      { constructor: { prototype: { polluted: true } } },
      { opId: randomUUID(), outcome: 'answered', effort: null },
      { id: randomUUID(), topicId: '\u0000' },
    ];
    for (const path of paths) {
      for (const token of [scene.kiosk.token, scene.rover.token, scene.rover.tabletToken]) {
        for (const body of junk) {
          const answer = await server.call('POST', path, { token, rawBody: JSON.stringify(body) });
          expectClearRefusal(answer, `${path} ${JSON.stringify(body)}`);
        }
      }
    }
    expect((await server.get('/api/health')).status).toBe(200);
  });
});
