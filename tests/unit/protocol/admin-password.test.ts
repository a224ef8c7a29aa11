// docs/API.md "Sessions and devices": `POST /api/session/admin/password` `{current, next}`
// (next: at least 12 characters) answers 204 and ends every other admin session; a wrong
// `current` is 403 and counts as a wrong password guess, so a burst of them is checked at most
// as often as that limit allows, and of many changes at once exactly one wins. A
// ROVE_ADMIN_PASSWORD under 12 characters is refused at start.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLimits } from '../../../src/server/auth/limits.js';
import { configFromEnv } from '../../../src/server/config.js';
import { MAIN } from '../../support/child-server.js';
import {
  ADMIN_PASSWORD,
  STORES,
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
    // One line, and no longer than a sign-in takes.
    for (const next of [`${NEXT}\u0000`, `${NEXT}\n`, 'x'.repeat(257)]) {
      const answer = await server.post(PATH, { current: ADMIN_PASSWORD, next }, admin);
      expectError(answer, 400, 'invalid');
      expect(answer.body.error.message).toMatch(/next/);
    }
    const wrong = await server.post(PATH, { current: 'not the password', next: NEXT }, admin);
    expectError(wrong, 403, 'forbidden');
    expect(wrong.body.error.message).toMatch(/current password/);
    // Nothing changed: the old password still signs in, and this session still works.
    await signIn(server, ADMIN_PASSWORD);
    expect((await server.get('/api/devices', admin)).status).toBe(200);
  });

  it('204: the new password works, the old does not, and only this sign-in stays', async () => {
    const scene = await server.scene();
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
    // Staff sessions and devices are not admin sessions: they go on.
    expect(
      (await server.get(`/api/branches/${scene.branchId}/requests`, scene.rover.token)).status,
    ).toBe(200);
    expect((await server.get('/api/session', scene.kiosk.token)).body.role).toBe('kiosk');
    expectError(
      await server.post('/api/session/admin', { username: 'admin', password: ADMIN_PASSWORD }),
      401,
      'unauthenticated',
    );
    await signIn(server, NEXT);
    // The old password is no longer `current` either.
    expectError(
      await server.post(PATH, { current: ADMIN_PASSWORD, next: 'yet another password' }, mine),
      403,
      'forbidden',
    );
    // Put back for the other tests of this file.
    expect((await server.post(PATH, { current: NEXT, next: ADMIN_PASSWORD }, mine)).status).toBe(
      204,
    );
  });
});

const LIMIT = createLimits().wrongPasswords.limit;
const BURST = 200;
/** Where the right `current` sits in the burst: well past the limit. */
const RIGHT_AT = 150;

// Each store gets servers of their own here: a burst uses up this address's password guesses.
for (const store of STORES) {
  describe(`bursts of password changes [${store}]`, () => {
    const guessed = new TestServer(store);
    const raced = new TestServer(store);
    beforeAll(async () => {
      await Promise.all([guessed.start(), raced.start()]);
    });
    afterAll(async () => {
      await Promise.all([guessed.close(), raced.close()]);
    });

    it(`a burst of ${BURST} wrong current passwords is checked at most ${LIMIT} times`, async () => {
      const admin = await signIn(guessed, ADMIN_PASSWORD);
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          guessed.post(
            PATH,
            { current: i === RIGHT_AT ? ADMIN_PASSWORD : `wrong ${i}`, next: NEXT },
            admin,
          ),
        ),
      );
      const checked = answers.filter((a) => a.status === 403).length;
      for (const answer of answers)
        if (answer.status !== 403) expectError(answer, 429, 'rate_limited');
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(LIMIT);
      // The right one came too late: refused unchecked, like every guess past the limit.
      expect(answers[RIGHT_AT]!.status).toBe(429);
      // Guessing at the change is guessing at the sign-in: one count for both.
      expectError(
        await guessed.post('/api/session/admin', { username: 'admin', password: ADMIN_PASSWORD }),
        429,
        'rate_limited',
      );
      // And none of it signed the admin out.
      expect((await guessed.get('/api/devices', admin)).status).toBe(200);
    });

    it(`of ${BURST} changes at once with the right current password, exactly one wins`, async () => {
      const admin = await signIn(raced, ADMIN_PASSWORD);
      const nextOf = (i: number) => `new password number ${i}`;
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          raced.post(PATH, { current: ADMIN_PASSWORD, next: nextOf(i) }, admin),
        ),
      );
      const won = answers.flatMap((answer, i) => (answer.status === 204 ? [i] : []));
      expect(won).toHaveLength(1);
      // The others were checked against a password that had changed by then (403), or not
      // checked at all (429): no second change undid the first.
      for (const answer of answers) {
        if (answer.status === 403) expectError(answer, 403, 'forbidden');
        else if (answer.status !== 204) expectError(answer, 429, 'rate_limited');
      }
      expect((await raced.get('/api/devices', admin)).status).toBe(200);
      // The winner's password is the one in use. (Asked from another address, behind the
      // loopback proxy Rove trusts: this one's guesses are used up.)
      const elsewhere = { 'x-forwarded-for': '192.0.2.7' };
      const signInWith = (password: string) =>
        raced.call('POST', '/api/session/admin', {
          body: { username: 'admin', password },
          headers: elsewhere,
        });
      expect((await signInWith(nextOf(won[0]!))).status).toBe(200);
      expectError(await signInWith(ADMIN_PASSWORD), 401, 'unauthenticated');
    });
  });
}

describe('ROVE_ADMIN_PASSWORD', () => {
  it('shorter than 12 characters is refused with a clear message', () => {
    expect(() => configFromEnv({ ROVE_ADMIN_PASSWORD: 'elevenchars' })).toThrow(
      /ROVE_ADMIN_PASSWORD must be at least 12 characters/,
    );
    expect(configFromEnv({ ROVE_ADMIN_PASSWORD: 'twelve chars' }).adminPassword).toBe(
      'twelve chars',
    );
    expect(configFromEnv({ ROVE_ADMIN_PASSWORD: '' }).adminPassword).toBeUndefined();
  });

  it('counts characters as a sign-in does, and refuses what no sign-in could type', () => {
    // Twelve letters outside the BMP are 24 UTF-16 units, and twelve characters.
    const astral = '𝔭𝔞𝔰𝔰𝔭𝔥𝔯𝔞𝔰𝔢𝔰𝔰';
    expect(configFromEnv({ ROVE_ADMIN_PASSWORD: astral }).adminPassword).toBe(astral);
    expect(() => configFromEnv({ ROVE_ADMIN_PASSWORD: astral.slice(2) })).toThrow(/\(it has 11\)/);
    expect(() => configFromEnv({ ROVE_ADMIN_PASSWORD: 'x'.repeat(257) })).toThrow(
      /at most 256 characters/,
    );
    expect(() => configFromEnv({ ROVE_ADMIN_PASSWORD: 'a long password\n' })).toThrow(
      /control characters/,
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
      // Refused before the store was opened: the data directory is still empty.
      expect(readdirSync(dataDir)).toEqual([]);
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

  it('ends an admin session the other process has just used, at once', async () => {
    const other = await signIn(two, ADMIN_PASSWORD);
    expect((await two.get('/api/devices', other)).status).toBe(200);
    expect((await two.get('/api/devices', other)).status).toBe(200);
    const mine = await signIn(one, ADMIN_PASSWORD);
    expect((await one.post(PATH, { current: ADMIN_PASSWORD, next: NEXT }, mine)).status).toBe(204);
    // The other process's very next call with the old sign-in is refused.
    expect((await two.get('/api/devices', other)).status).toBe(401);
    expect((await two.get('/api/devices', mine)).status).toBe(200);
    // The new password is the one every process checks.
    await signIn(two, NEXT);
  });
});
