// "A crash loses no acknowledged write": a real `node dist/server/main.js` on PGlite is killed
// with SIGKILL while kiosks are sending requests; after a restart on the same ROVE_DATA_DIR
// every request that got a 201 is there, and the device and staff tokens still work.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN, callChild as call, startChild } from '../../support/child-server.js';
import { ADMIN_PASSWORD, type Json } from '../../support/server.js';

describe('kill -9 during writes (PGlite, real process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rove-crash-'));
  const children: ChildProcess[] = [];

  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Two cold starts of a real process on a real data directory: give it room on a busy machine.
  it(
    'every acknowledged request survives, and so do the tokens',
    { timeout: 180_000 },
    async () => {
      expect(
        existsSync(MAIN),
        'dist/server/main.js is missing: run `npm run build:server` (npm test does)',
      ).toBe(true);
      const first = await startChild(dataDir);
      children.push(first.process);
      const base = first.url;

      const admin = (
        await call(base, 'POST', '/api/session/admin', {
          username: 'admin',
          password: ADMIN_PASSWORD,
        })
      ).body.token;
      const enroll = async (kind: string) => {
        const { code } = (
          await call(
            base,
            'POST',
            '/api/devices/enrollments',
            { branchId: 'main', kind, label: kind },
            admin,
          )
        ).body;
        return (await call(base, 'POST', '/api/devices/enroll', { code })).body.token as string;
      };
      const kiosks = [await enroll('kiosk'), await enroll('kiosk'), await enroll('kiosk')];
      const tablet = await enroll('tablet');
      const staff = (
        await call(
          base,
          'POST',
          '/api/staff',
          { displayName: 'Kit', pin: '5678', skills: ['tech'], branchIds: ['main'] },
          admin,
        )
      ).body;
      const staffToken = (
        await call(base, 'POST', '/api/session/staff', { staffId: staff.id, pin: '5678' }, tablet)
      ).body.token;
      const topicId = (await call(base, 'GET', '/api/branches/main/topics', undefined, kiosks[0]))
        .body.topics[0].id;

      // Writers keep sending until the process dies under them; only 201s count as acknowledged.
      const acknowledged: { id: string; kiosk: string }[] = [];
      let killed = false;
      let failure: unknown;
      const writer = async (token: string) => {
        while (!killed) {
          const id = randomUUID();
          let answer;
          try {
            answer = await call(
              base,
              'POST',
              '/api/requests',
              { id, topicId, name: 'Crash test' },
              token,
            );
          } catch (error) {
            if (!killed) failure = error;
            return; // after the kill: the connection died with the process
          }
          if (answer.status === 201) acknowledged.push({ id, kiosk: token });
          else if (answer.status !== 429) failure = new Error(`create answered ${answer.status}`);
        }
      };
      const writers = kiosks.map(writer);
      while (acknowledged.length < 40 && failure === undefined)
        await new Promise((r) => setTimeout(r, 5));
      expect(failure).toBeUndefined();
      const exited = new Promise((r) => first.process.once('exit', r));
      killed = true;
      first.process.kill('SIGKILL');
      await exited;
      await Promise.all(writers);

      const second = await startChild(dataDir);
      children.push(second.process);
      const list = await call(
        second.url,
        'GET',
        '/api/branches/main/requests',
        undefined,
        staffToken,
      );
      expect(list.status, 'the staff session survives the restart').toBe(200);
      const stored = new Set(list.body.requests.map((r: Json) => r.id));
      const lost = acknowledged.filter(({ id }) => !stored.has(id));
      expect(
        lost,
        `${lost.length} of ${acknowledged.length} acknowledged requests were lost`,
      ).toEqual([]);
      // Each kiosk can still read its own requests with the token it had before the crash.
      const sample = acknowledged[0]!;
      const own = await call(
        second.url,
        'GET',
        `/api/requests/${sample.id}`,
        undefined,
        sample.kiosk,
      );
      expect(own.status).toBe(200);
      expect(own.body.request.name).toBe('Crash test');
      expect((await call(second.url, 'GET', '/api/session', undefined, kiosks[0])).body.role).toBe(
        'kiosk',
      );
      // And the restarted server takes new work.
      const after = await call(
        second.url,
        'POST',
        '/api/requests',
        { id: randomUUID(), topicId },
        kiosks[1],
      );
      expect(after.status).toBe(201);
      second.process.kill('SIGTERM');
      await new Promise((r) => second.process.once('exit', r));
    },
  );
});
