// docs/SECURITY.md "Patron text and the purge": after the retention purge, a patron's words are
// gone from the store's table files, not only NULL in SQL. PGlite on a real data directory with
// ROVE_RETENTION_HOURS=0: markers in a kiosk request's name and note, a hand-off note and a
// walk-up's "how to spot them" are on disk before the purge (so the search can find them), and
// `grep -r` finds none of them in `base/` after it. (The WAL, in `pg_wal/`, is not rewritten:
// SECURITY.md says for how long it may still hold them.)
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestServer } from '../../support/server.js';

/** The markers of `grep -r -a -F` found anywhere under `dir`. */
function foundIn(dir: string, markers: readonly string[]): string[] {
  return markers.filter((marker) => {
    try {
      execFileSync('grep', ['-r', '-a', '-F', '-l', marker, dir], { stdio: 'pipe' });
      return true;
    } catch (error) {
      // grep answers 1 for "no match"; anything else is a real failure.
      if ((error as { status?: number }).status === 1) return false;
      throw error;
    }
  });
}

describe('the purge leaves no patron words in the table files [pglite on disk]', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rove-purge-'));
  const tag = randomUUID().replace(/-/g, '').slice(0, 12);
  const markers = ['NAME', 'NOTE', 'HANDOFF', 'WALKUP'].map((what) => `Zq${what}${tag}`);
  const [name, note, handoffNote, walkUp] = markers as [string, string, string, string];
  let server = new TestServer('pglite', { dataDir, retentionHours: 0 });

  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the words on disk before the purge and nowhere in base/ after it', async () => {
    await server.start();
    const scene = await server.scene();
    const token = scene.rover.token;
    const request = await server.createRequest(scene.kiosk, { name, note });
    await server.must(token, request.id, 'claim');
    await server.must(token, request.id, 'transfer', { skill: 'tech', note: handoffNote });
    await server.must(token, request.id, 'claim');
    await server.must(token, request.id, 'resolve', { outcome: 'answered' });
    const [topicId] = await server.topicIds(scene.branchId, token);
    const made = await server.post(
      '/api/requests',
      { id: randomUUID(), topicId, origin: 'walk-up', name: walkUp, claim: true },
      token,
    );
    expect(made.status, made.text).toBe(201);
    await server.must(token, made.body.request.id, 'resolve', { outcome: 'answered' });
    const adminToken = await server.adminToken();
    await server.close();
    // The words were written to the table files: the search below is able to see them.
    expect(foundIn(join(dataDir, 'base'), markers)).toEqual(markers);

    // Start again on the same files: the purge runs at start; closing waits for it to finish.
    server = new TestServer('pglite', { dataDir, retentionHours: 0 });
    await server.start();
    for (let i = 0; i < 100; i++) {
      const seen = await server.get(`/api/requests/${request.id}`, token);
      if (seen.status === 200 && seen.body.request.name === undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const after = await server.get(`/api/requests/${request.id}`, token);
    expect(after.body.request).toMatchObject({
      status: 'done',
      handoff: { from: expect.anything() },
    });
    expect(after.text).not.toContain(tag);
    // The report still counts it.
    const today = new Date().toISOString().slice(0, 10);
    const report = await server.get(
      `/api/branches/${scene.branchId}/report?from=${today}&to=${today}`,
      adminToken,
    );
    expect(report.body.requests.done).toBe(2);
    await server.close();

    expect(foundIn(join(dataDir, 'base'), markers)).toEqual([]);
    // Two starts of PGlite on disk, a purge with VACUUM FULL and a CHECKPOINT: slow on a busy
    // machine, never a hang.
  }, 120_000);
});
