// docs/API.md "Sessions and devices": `POST /api/session/admin/password` `{current, next}`
// (next: at least 12 characters) answers 204 and ends every other admin session; a wrong
// `current` is 403 and counts as a wrong password guess, so a burst of them is checked at most
// as often as that limit allows. A ROVE_ADMIN_PASSWORD under 12 characters is refused at start.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLimits } from '../../../src/server/auth/limits.js';
import { configFromEnv } from '../../../src/server/config.js';
import { SESSION_CACHE_MS } from '../../../src/server/store/accounts.js';
import { MAIN } from '../../support/child-server.js';
import {
  ADMIN_PASSWORD,
  TestServer,
  expectError,
  forEachStore,
  freshDatabaseUrl,
} from '../../support/server.js';

const PATH = '/api/session/admin/password';
const NEXT = 'a much longer new password';

async function signIn(server: TestServer, password: string): Promise<string> {
  const answer = await server.post('/api/session/admin', { username: 'admin', password });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.token as string;
}

forEachStore('changing the admin password', (server) => {
  it('refuses what is not a supervisor, a short new password and a wrong current one', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    for (const token of [scene.kiosk.token, scene.rover.token, scene.rover.tabletToken]) {
      expectError(
        await server.post(PATH, { current: ADMIN_PASSWORD, next: NEXT }, token),
        403,
        'forbidden',
      );
    }
    expectError(
      await server.post(PATH, { current: ADMIN_PASSWORD, next: NEXT }),
      401,
      'unauthenticated',
    );
    expectError(
      await server.post(PATH, { current: ADMIN_PASSWORD, next: 'elevenchars' }, admin),
      400,
      'invalid',
    );
    expectError(await server.post(PATH, { current: ADMIN_PASSWORD }, admin), 400, 'invalid');
    const wrong = await server.post(PATH, { current: 'not the password', next: NEXT }, admin);
    expectError(wrong, 403, 'forbidden');
    expect(wrong.body.error.message).toMatch(/current password/);
    // Nothing changed: the old password still signs in, and this session still works.
    await signIn(server, ADMIN_PASSWORD);
    expect((await server.get('/api/devices', admin)).status).toBe(200);
  });

  it('204: the new password works, the old does not, and only this sign-in stays', async () => {
    const mine = await signIn(server, ADMIN_PASSWORD);
    const others = await Promise.all([signIn(server, ADMIN_PASSWORD), server.adminToken()]);
    // Used just before, so the server may remember these sessions.
    for (const token of [mine, ...others])
      expect((await server.get('/api/devices', token)).status).toBe(200);

    const changed = await server.post(PATH, { current: ADMIN_PASSWORD, next: NEXT }, mine);
    expect(changed.status, changed.text).toBe(204);
    expect((await server.get('/api/devices', mine)).status).toBe(200);
    for (const token of others)
      expectError(await server.get('/api/devices', token), 401, 'unauthenticated');
    expectError(
      await server.post('/api/session/admin', { username: 'admin', password: ADMIN_PASSWORD }),
      401,
      'unauthenticated',
    );
    await signIn(server, NEXT);
    // Put back for the other tests of this file.
    expect((await server.post(PATH, { current: NEXT, next: ADMIN_PASSWORD }, mine)).status).toBe(
      204,
    );
  });

  it(`a burst of 200 wrong current passwords is checked at most ${createLimits().wrongPasswords.limit} times`, async () => {
    const admin = await signIn(server, ADMIN_PASSWORD);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        server.post(
          PATH,
          { current: i === 150 ? ADMIN_PASSWORD : `wrong ${i}`, next: NEXT },
          admin,
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 403).length).toBeLessThanOrEqual(
      createLimits().wrongPasswords.limit,
    );
    expect(statuses.filter((s) => s !== 403 && s !== 429)).toEqual([]);
    expect(statuses[150]).toBe(429);
  });
});

describe('ROVE_ADMIN_PASSWORD', () => {
  it('shorter than 12 characters is refused with a clear message', () => {
    expect(() => configFromEnv({ ROVE_ADMIN_PASSWORD: 'elevenchars' })).toThrow(
      /ROVE_ADMIN_PASSWORD must be at least 12 characters/,
    );
    expect(configFromEnv({ ROVE_ADMIN_PASSWORD: 'twelve chars' }).adminPassword).toBe(
      'twelve chars',
    );
  });

  it('a server started with a short one exits 1 with one line, no stack trace', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rove-short-password-'));
    try {
      const run = spawnSync(process.execPath, [MAIN], {
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          ROVE_DATA_DIR: dataDir,
          DATABASE_URL: '',
          ROVE_ADMIN_PASSWORD: 'short',
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Rove could not start: ROVE_ADMIN_PASSWORD must be at least 12/);
      expect(run.stdout).not.toMatch(/Rove is running/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('changing the admin password with two server processes on one PostgreSQL', () => {
  const one = new TestServer('postgres');
  const two = new TestServer('postgres');
  beforeAll(async () => {
    const url = await freshDatabaseUrl();
    one.databaseUrl = url;
    two.databaseUrl = url;
    await one.start();
    await two.start();
  });
  afterAll(async () => {
    await Promise.all([one.close(), two.close()]);
  });

  it('ends an admin session the other process has just used, within the session-cache time', async () => {
    const other = await signIn(two, ADMIN_PASSWORD);
    expect((await two.get('/api/devices', other)).status).toBe(200);
    const mine = await signIn(one, ADMIN_PASSWORD);
    expect((await one.post(PATH, { current: ADMIN_PASSWORD, next: NEXT }, mine)).status).toBe(204);
    const changedAt = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - changedAt < SESSION_CACHE_MS + 3000) {
      status = (await two.get('/api/devices', other)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(401);
    expect((await two.get('/api/devices', mine)).status).toBe(200);
  });
});
