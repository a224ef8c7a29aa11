// The device's copy of the scripts against the real server (PGlite, over HTTP): a full sync
// mirrors exactly what is published, and a publish's `event: script` from a real staff stream
// updates the copy. IndexedDB is fake-indexeddb; everything else is the real thing.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../../../src/client/core/db/db.js';
import { applyScriptEvent, syncScripts } from '../../../../../src/client/core/db/scripts-sync.js';
import { setStepTicked, watchScriptProgress } from '../../../../../src/client/core/db/scripts.js';
import { STARTER_SCRIPTS } from '../../../../../src/server/seed/scripts.js';
import type { Script } from '../../../../../src/shared/scripts.js';
import { startTestServer, type Json, type TestServer } from '../../../../support/server.js';

describe('scripts on the device', () => {
  let server: TestServer;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    // The client calls same-origin paths ("/api/scripts"); in Node, aim them at the server.
    globalThis.fetch = (input, init) => realFetch(new URL(String(input), server.url), init);
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await server?.close();
  });

  const stored = () => db.table<Script, string>('scripts').toArray();

  it('mirrors exactly the published scripts, dropping ones no longer published', async () => {
    const withdrawn = { ...(await server.get('/api/scripts')).body.scripts[0], id: 'gone' };
    await db.table('scripts').put(withdrawn);
    await syncScripts();
    const ids = (await stored()).map((s) => s.id).sort();
    expect(ids).toEqual(STARTER_SCRIPTS.map((s) => s.id).sort());
    const welcome = (await stored()).find((s) => s.id === 'welcome-at-the-door');
    expect(welcome?.steps).toEqual(STARTER_SCRIPTS[0]!.steps);
  });

  it('fetches the list once for two syncs asked at the same time, again for a later one', async () => {
    // A signed-in tablet opening Scripts asks twice at once (the screen and the sync engine).
    const aimed = globalThis.fetch;
    const asked: string[] = [];
    globalThis.fetch = (input, init) => {
      asked.push(String(input));
      return aimed(input, init);
    };
    try {
      const first = syncScripts();
      const second = syncScripts();
      expect(second).toBe(first);
      await Promise.all([first, second]);
      expect(asked.filter((url) => url.endsWith('/api/scripts'))).toHaveLength(1);
      await syncScripts();
      expect(asked.filter((url) => url.endsWith('/api/scripts'))).toHaveLength(2);
      expect((await stored()).map((s) => s.id).sort()).toEqual(
        STARTER_SCRIPTS.map((s) => s.id).sort(),
      );
    } finally {
      globalThis.fetch = aimed;
    }
  });

  it("applies a supervisor's publish as it arrives on a staff stream", async () => {
    await syncScripts();
    const scene = await server.scene();
    const stream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
      token: scene.rover.token,
    });
    try {
      await stream.next('snapshot');
      const token = await server.adminToken();
      const fresh = 'Wave before they reach the desk.';
      const body = {
        version: 1,
        ...STARTER_SCRIPTS[0],
        steps: [{ text: fresh, phrases: [] }, ...STARTER_SCRIPTS[0]!.steps.slice(1)],
      };
      delete (body as Json).id;
      await server.ok('PUT', '/api/scripts/welcome-at-the-door', { token, body }, 200);
      await server.ok('POST', '/api/scripts/welcome-at-the-door/publish', { token, body: {} }, 200);
      const event = await stream.next('script');
      await applyScriptEvent(event.json as { script: unknown });
      const welcome = await db.table<Script, string>('scripts').get('welcome-at-the-door');
      expect(welcome).toMatchObject({ version: 2, publishedVersion: 2 });
      expect(welcome?.steps[0]?.text).toBe(fresh);
    } finally {
      stream.close();
    }
  });

  it('drops a withdrawn script and ignores a message that is not a script', async () => {
    await syncScripts();
    const before = await stored();
    await applyScriptEvent({ script: { id: 'quiet-word', nonsense: true } });
    await applyScriptEvent({ script: null });
    expect(await stored()).toEqual(before);
    const { publishedVersion: _gone, ...withdrawn } = before.find((s) => s.id === 'quiet-word')!;
    await applyScriptEvent({ script: withdrawn });
    expect((await stored()).map((s) => s.id)).not.toContain('quiet-word');
  });

  it('keeps ticks per script version, so an edited script starts fresh', async () => {
    await setStepTicked('accessibility', 1, 0, true);
    await setStepTicked('accessibility', 1, 2, true);
    const seen = (version: number) =>
      new Promise<number[]>((resolve) => {
        const stop = watchScriptProgress('accessibility', version, (done) => {
          resolve(done);
          queueMicrotask(stop);
        });
      });
    expect(await seen(1)).toEqual([0, 2]);
    expect(await seen(2)).toEqual([]);
    await setStepTicked('accessibility', 1, 0, false);
    expect(await seen(1)).toEqual([2]);
  });
});
