// Issue 9, finding 2: a failing insert wrote the patron's note (the driver error's `query`,
// `params` and `detail`) to the server's stdout. A real `node dist/server/main.js` on PGlite
// whose store refuses every new request (a trigger, added while it was stopped) is sent
// requests holding a marker in the name and the note: they fail with 500, and the marker is in
// no line of its stdout or stderr, while the error itself is logged.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAIN,
  callChild as call,
  startChild,
  stopChild,
  type Child,
} from '../../support/child-server.js';
import { ADMIN_PASSWORD } from '../../support/server.js';

describe('logs carry no patron text (PGlite, real process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rove-logs-'));
  const children: Child[] = [];

  afterAll(async () => {
    for (const child of children) await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'a store failure on a request holding a marker leaves the marker in no log line',
    { timeout: 90_000 },
    async () => {
      expect(existsSync(MAIN), 'dist/server/main.js is missing: run `npm run build:server`').toBe(
        true,
      );
      // First start: migrate and seed, make a kiosk; then stop.
      const first = await startChild(dataDir);
      children.push(first);
      const admin = (
        await call(first.url, 'POST', '/api/session/admin', {
          username: 'admin',
          password: ADMIN_PASSWORD,
        })
      ).body.token as string;
      const code = (
        await call(
          first.url,
          'POST',
          '/api/devices/enrollments',
          { branchId: 'main', kind: 'kiosk', label: 'Lobby' },
          admin,
        )
      ).body.code as string;
      const kiosk = (await call(first.url, 'POST', '/api/devices/enroll', { code })).body
        .token as string;
      const topics = await call(first.url, 'GET', '/api/branches/main/topics', undefined, kiosk);
      const topicId = topics.body.topics[0].id as string;
      await stopChild(first);

      // While it is stopped: every new request is refused by the store, quoting the row's words
      // back as a driver's `detail` does ("Key (name)=(...) already exists").
      const db = await PGlite.create(dataDir);
      await db.exec(`
      CREATE FUNCTION refuse_request() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the store refuses this row'
          USING DETAIL = 'Key (row)=(' || row_to_json(NEW)::text || ') is refused';
      END $$;
      CREATE TRIGGER refuse_request BEFORE INSERT ON requests
        FOR EACH ROW EXECUTE FUNCTION refuse_request();`);
      await db.close();

      const server = await startChild(dataDir);
      children.push(server);
      const marker = `MARKER${randomUUID().replaceAll('-', '')}`;
      const answer = await call(
        server.url,
        'POST',
        `/api/requests?secret=${marker}q`,
        { id: randomUUID(), topicId, name: `${marker}n`, note: `${marker} by the printers` },
        kiosk,
      );
      expect(answer.status, answer.text).toBe(500);
      expect(answer.text).not.toContain(marker);
      // Give the log lines a moment to arrive, then stop (flushes).
      await new Promise((done) => setTimeout(done, 200));
      await stopChild(server);
      const output = server.output();
      expect(output).toMatch(/unexpected error/);
      expect(output).toMatch(/P0001/); // the error is logged: its SQLSTATE, without the row
      expect(output).not.toContain(marker);
      expect(output).not.toContain(kiosk);
    },
  );
});
