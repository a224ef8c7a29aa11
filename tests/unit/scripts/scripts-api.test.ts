// docs/API.md "Scripts" over HTTP on both stores: reading without credentials, a supervisor's
// create / save (with optimistic concurrency) / publish / restore, the `script` event on every
// branch's staff stream, and bad input answered 400/404, never 500.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { STARTER_SCRIPTS } from '../../../src/server/seed/scripts.js';
import { TestServer, expectError, forEachStore, type Json } from '../../support/server.js';

const draft = (title: string) => ({
  title,
  purpose: 'For a test.',
  tags: ['test'],
  topicIds: ['tech'],
  steps: [
    { text: 'Say hello.', phrases: ['Hello!'] },
    { text: 'Listen.', phrases: [] },
  ],
});

/** A new unpublished script of the test's own; answers it as created. */
async function newScript(server: TestServer, title = `Test ${randomUUID().slice(0, 8)}`) {
  const token = await server.adminToken();
  return (await server.ok('POST', '/api/scripts', { token, body: draft(title) }, 201))
    .script as Json;
}

forEachStore('scripts', (server) => {
  it('seeds every starter script, published, readable with no credentials', async () => {
    const answer = await server.ok('GET', '/api/scripts', {}, 200);
    const ids = (answer.scripts as Json[]).map((s) => s.id);
    for (const starter of STARTER_SCRIPTS) expect(ids).toContain(starter.id);
    const welcome = (answer.scripts as Json[]).find((s) => s.id === 'welcome-at-the-door');
    expect(welcome).toMatchObject({
      title: 'Welcome at the door',
      version: 1,
      latestVersion: 1,
      publishedVersion: 1,
      steps: STARTER_SCRIPTS[0]!.steps,
    });
    const one = await server.ok('GET', '/api/scripts/welcome-at-the-door', {}, 200);
    expect(one.script).toEqual(welcome);
    // A step that offers the hand-off on a tablet keeps its offer.
    const history = (answer.scripts as Json[]).find((s) => s.id === 'local-history');
    const offers = history.steps.filter((step: Json) => step.offer === 'hand-off');
    expect(offers).toHaveLength(1);
    expect(offers[0].text).toMatch(/hand off to the local history specialist/);
  });

  it('seeds once: a restart on the same store keeps edits and adds nothing twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rove-scripts-'));
    const first = await new TestServer(server.store, { dataDir }).start();
    let before: Json;
    try {
      const token = await first.adminToken();
      const body = { version: 1, ...draft('Our own welcome') };
      await first.ok('PUT', '/api/scripts/welcome-at-the-door', { token, body }, 200);
      await first.ok('POST', '/api/scripts/welcome-at-the-door/publish', { token, body: {} }, 200);
      before = (await first.ok('GET', '/api/scripts?drafts=true', { token }, 200)).scripts;
    } finally {
      await first.close();
    }
    const again = new TestServer(server.store, { dataDir });
    again.databaseUrl = first.databaseUrl;
    await again.start();
    try {
      const token = await again.adminToken();
      const after = (await again.ok('GET', '/api/scripts?drafts=true', { token }, 200)).scripts;
      expect(after).toEqual(before);
      expect((after as Json[]).length).toBe(STARTER_SCRIPTS.length);
      const welcome = (await again.ok('GET', '/api/scripts/welcome-at-the-door', {}, 200)).script;
      expect(welcome).toMatchObject({ title: 'Our own welcome', publishedVersion: 2 });
    } finally {
      await again.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps drafts, versions and editing to the supervisor', async () => {
    const script = await newScript(server);
    const rover = await server.rover();
    for (const token of [undefined, rover.token, rover.tabletToken]) {
      const drafts = await server.call('GET', '/api/scripts?drafts=true', { token });
      expectError(drafts, token ? 403 : 401, token ? 'forbidden' : 'unauthenticated');
      const versions = await server.call('GET', `/api/scripts/${script.id}/versions`, { token });
      expect([401, 403]).toContain(versions.status);
      const created = await server.call('POST', '/api/scripts', { token, body: draft('No') });
      expect([401, 403]).toContain(created.status);
      const put = await server.call('PUT', `/api/scripts/${script.id}`, {
        token,
        body: { version: 1, ...draft('No') },
      });
      expect([401, 403]).toContain(put.status);
      const publish = await server.call('POST', `/api/scripts/${script.id}/publish`, {
        token,
        body: {},
      });
      expect([401, 403]).toContain(publish.status);
    }
    // Unpublished: nobody but the supervisor sees it.
    expectError(await server.get(`/api/scripts/${script.id}`), 404, 'not_found');
    const list = await server.ok('GET', '/api/scripts', { token: rover.token }, 200);
    expect((list.scripts as Json[]).map((s) => s.id)).not.toContain(script.id);
    const asAdmin = await server.ok(
      'GET',
      `/api/scripts/${script.id}`,
      { token: await server.adminToken() },
      200,
    );
    expect(asAdmin.script).toMatchObject({ id: script.id, latestVersion: 1 });
    expect(asAdmin.script.publishedVersion).toBeUndefined();
  });

  it('saves each edit as a new version, refusing a stale one with 409', async () => {
    const token = await server.adminToken();
    const script = await newScript(server);
    expect(script).toMatchObject({ version: 1, latestVersion: 1, steps: draft('x').steps });
    const body = {
      version: 1,
      ...draft('Second'),
      levels: { standard: 'a', extended: 'b', exceptional: 'c' },
    };
    const second = await server.ok('PUT', `/api/scripts/${script.id}`, { token, body }, 200);
    expect(second.script).toMatchObject({ title: 'Second', version: 2, latestVersion: 2 });
    expect(second.script.levels).toEqual(body.levels);

    const stale = await server.call('PUT', `/api/scripts/${script.id}`, { token, body });
    expectError(stale, 409, 'conflict');
    const versions = await server.ok('GET', `/api/scripts/${script.id}/versions`, { token }, 200);
    expect((versions.versions as Json[]).map((v) => [v.version, v.title, v.published])).toEqual([
      [2, 'Second', false],
      [1, script.title, false],
    ]);
  });

  it('makes up the id from the title, and refuses a taken id with 409', async () => {
    const token = await server.adminToken();
    const title = `Lost Property ${randomUUID().slice(0, 6)}!`;
    const made = await newScript(server, title);
    expect(made.id).toBe(
      title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/-$/, ''),
    );
    const again = await server.call('POST', '/api/scripts', {
      token,
      body: { id: made.id, ...draft('Other') },
    });
    expectError(again, 409, 'conflict');
  });

  it('publishes to every branch: each staff stream hears `event: script`', async () => {
    const token = await server.adminToken();
    const script = await newScript(server);
    const [here, there] = await Promise.all([server.scene(), server.scene()]);
    const streams = await Promise.all(
      [here, there].map((scene) =>
        server.openStream(`/api/branches/${scene.branchId}/events`, { token: scene.rover.token }),
      ),
    );
    try {
      for (const stream of streams) await stream.next('snapshot');
      const published = await server.ok(
        'POST',
        `/api/scripts/${script.id}/publish`,
        { token, body: {} },
        200,
      );
      expect(published.script).toMatchObject({ id: script.id, version: 1, publishedVersion: 1 });
      for (const stream of streams) {
        const event = await stream.next('script');
        expect(Number(event.id)).toBeGreaterThan(0);
        expect((event.json as Json).script).toEqual(published.script);
      }
    } finally {
      for (const stream of streams) stream.close();
    }
    const list = await server.ok('GET', '/api/scripts', {}, 200);
    expect((list.scripts as Json[]).find((s) => s.id === script.id)).toEqual(
      (await server.ok('GET', `/api/scripts/${script.id}`, {}, 200)).script,
    );
  });

  it('replays a publish to a stream resuming from before it', async () => {
    const token = await server.adminToken();
    const script = await newScript(server);
    const scene = await server.scene();
    const path = `/api/branches/${scene.branchId}/events`;
    const first = await server.openStream(path, { token: scene.rover.token });
    const { seq } = (await first.next('snapshot')).json as Json;
    first.close();
    await server.ok('POST', `/api/scripts/${script.id}/publish`, { token, body: {} }, 200);
    const resumed = await server.openStream(path, { token: scene.rover.token, lastEventId: seq });
    try {
      const [event] = await resumed
        .until((e) => e.event === 'script' && (e.json as Json).script.id === script.id)
        .then((events) => events.filter((e) => e.event === 'script').slice(-1));
      expect((event!.json as Json).script.publishedVersion).toBe(1);
    } finally {
      resumed.close();
    }
  });

  it('keeps devices on the published version while a newer draft waits', async () => {
    const token = await server.adminToken();
    const script = await newScript(server, 'Published title');
    await server.ok('POST', `/api/scripts/${script.id}/publish`, { token, body: {} }, 200);
    await server.ok(
      'PUT',
      `/api/scripts/${script.id}`,
      { token, body: { version: 1, ...draft('Draft title') } },
      200,
    );
    const shown = (await server.ok('GET', `/api/scripts/${script.id}`, {}, 200)).script;
    expect(shown).toMatchObject({ title: 'Published title', version: 1, latestVersion: 2 });
    const drafts = (await server.ok('GET', '/api/scripts?drafts=true', { token }, 200)).scripts;
    expect((drafts as Json[]).find((s) => s.id === script.id)).toMatchObject({
      title: 'Draft title',
      version: 2,
      publishedVersion: 1,
    });
    const older = await server.ok(
      'POST',
      `/api/scripts/${script.id}/publish`,
      { token, body: { version: 2 } },
      200,
    );
    expect(older.script).toMatchObject({ title: 'Draft title', publishedVersion: 2 });
    const missing = await server.call('POST', `/api/scripts/${script.id}/publish`, {
      token,
      body: { version: 9 },
    });
    expectError(missing, 404, 'not_found');
  });

  it('restores an old version as the newest, without publishing it', async () => {
    const token = await server.adminToken();
    const script = await newScript(server, 'First words');
    await server.ok('POST', `/api/scripts/${script.id}/publish`, { token, body: {} }, 200);
    await server.ok(
      'PUT',
      `/api/scripts/${script.id}`,
      { token, body: { version: 1, ...draft('Second words') } },
      200,
    );
    const restored = await server.ok(
      'POST',
      `/api/scripts/${script.id}/versions/1/restore`,
      { token, body: { version: 2 } },
      200,
    );
    expect(restored.script).toMatchObject({
      title: 'First words',
      version: 3,
      latestVersion: 3,
      publishedVersion: 1,
    });
    const stale = await server.call('POST', `/api/scripts/${script.id}/versions/2/restore`, {
      token,
      body: { version: 2 },
    });
    expectError(stale, 409, 'conflict');
    const absent = await server.call('POST', `/api/scripts/${script.id}/versions/7/restore`, {
      token,
      body: {},
    });
    expectError(absent, 404, 'not_found');
  });

  it('answers bad input with 400 and unknown scripts with 404, never 500', async () => {
    const token = await server.adminToken();
    const script = await newScript(server);
    const bad: [string, string, unknown][] = [
      ['POST', '/api/scripts', { ...draft('x'), extra: true }],
      ['POST', '/api/scripts', { ...draft('x'), steps: [] }],
      ['POST', '/api/scripts', { ...draft(''), purpose: 'p' }],
      ['POST', '/api/scripts', { ...draft('x'), id: 'has spaces' }],
      ['POST', '/api/scripts', { ...draft('x'), steps: [{ text: 'x'.repeat(301), phrases: [] }] }],
      ['POST', '/api/scripts', { ...draft('x'), levels: { standard: 'only one' } }],
      ['POST', '/api/scripts', 'not an object'],
      ['PUT', `/api/scripts/${script.id}`, draft('no version')],
      ['PUT', `/api/scripts/${script.id}`, { version: 'one', ...draft('x') }],
      ['POST', `/api/scripts/${script.id}/publish`, { version: 0 }],
      ['POST', `/api/scripts/${script.id}/publish`, { when: 'now' }],
      ['POST', `/api/scripts/${script.id}/versions/abc/restore`, {}],
    ];
    for (const [method, path, body] of bad) {
      expectError(await server.call(method, path, { token, body }), 400, 'invalid');
    }
    const malformed = await server.call('POST', '/api/scripts', { token, rawBody: '{"title":' });
    expectError(malformed, 400, 'invalid');
    expectError(await server.call('GET', '/api/scripts?drafts=maybe', { token }), 400, 'invalid');
    const missing = [
      ['GET', '/api/scripts/no-such-script', undefined],
      ['GET', '/api/scripts/no-such-script/versions', undefined],
      ['PUT', '/api/scripts/no-such-script', { version: 1, ...draft('x') }],
      ['POST', '/api/scripts/no-such-script/publish', {}],
      ['POST', '/api/scripts/no-such-script/versions/1/restore', {}],
    ] as const;
    for (const [method, path, body] of missing) {
      expectError(await server.call(method, path, { token, body }), 404, 'not_found');
    }
  });
});
