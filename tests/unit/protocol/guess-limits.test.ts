// Limits on guessing hold when the guesses arrive all at once (docs/API.md, "Limits"): a burst
// of 200 concurrent wrong passwords, PINs or enrollment codes is checked at most as many times
// as the limit allows, and the right answer hidden late in the burst is refused with the rest.
// Each store gets a server of its own here: these bursts use up this address's limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WRONG_PINS } from '../../../src/server/store/staff.js';
import { createLimits } from '../../../src/server/auth/limits.js';
import {
  ADMIN_PASSWORD,
  STORES,
  TestServer,
  expectError,
  type Answer,
} from '../../support/server.js';

const BURST = 200;
/** Where the right guess sits in the burst: well past every limit. */
const RIGHT_AT = 150;
const LIMITS = createLimits();

/** Sends `BURST` calls at once, the right one at RIGHT_AT; answers them in order. */
function burst(send: (right: boolean, i: number) => Promise<Answer>): Promise<Answer[]> {
  return Promise.all(Array.from({ length: BURST }, (_, i) => send(i === RIGHT_AT, i)));
}

/** How many guesses were actually checked (wrong: 401 or 404) and every other one was 429. */
function checkedOf(answers: Answer[], wrongStatuses = [401]): number {
  const checked = answers.filter((a) => wrongStatuses.includes(a.status)).length;
  for (const answer of answers) {
    if (!wrongStatuses.includes(answer.status)) expectError(answer, 429, 'rate_limited');
  }
  return checked;
}

for (const store of STORES) {
  describe(`guess limits under a burst of ${BURST} [${store}]`, () => {
    const server = new TestServer(store);
    beforeAll(async () => {
      await server.start();
      // Signed in before the bursts use up this address's password guesses.
      await server.adminToken();
    });
    afterAll(async () => {
      await server.close();
    });

    it(`checks at most ${MAX_WRONG_PINS} PINs of one person, however many arrive at once`, async () => {
      const branchId = await server.newBranch();
      const tablet = await server.enroll('tablet', branchId);
      const staff = await server.createStaff({ branchIds: [branchId], pin: '9731' });
      const answers = await burst((right, i) =>
        server.post(
          '/api/session/staff',
          { staffId: staff.id, pin: right ? staff.pin : String(1000 + i) },
          tablet.token,
        ),
      );
      expect(answers[RIGHT_AT]!.status, answers[RIGHT_AT]!.text).toBe(429);
      const checked = checkedOf(answers);
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(MAX_WRONG_PINS);
      // Still locked afterwards, with the right PIN too.
      const later = await server.post(
        '/api/session/staff',
        { staffId: staff.id, pin: staff.pin },
        tablet.token,
      );
      expectError(later, 429, 'rate_limited');
      expect(Number(later.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it(`checks at most ${LIMITS.wrongPins.limit} PINs on one tablet across many people`, async () => {
      const branchId = await server.newBranch();
      const tablet = await server.enroll('tablet', branchId);
      // Enough people that no one reaches their own lock-out: the tablet's limit is what holds.
      const people = await Promise.all(
        Array.from({ length: Math.ceil(BURST / (MAX_WRONG_PINS - 1)) }, () =>
          server.createStaff({ branchIds: [branchId], pin: '5555' }),
        ),
      );
      const answers = await burst((right, i) => {
        const person = people[i % people.length]!;
        return server.post(
          '/api/session/staff',
          { staffId: person.id, pin: right ? person.pin : String(1000 + i) },
          tablet.token,
        );
      });
      expect(answers[RIGHT_AT]!.status, answers[RIGHT_AT]!.text).toBe(429);
      const checked = checkedOf(answers);
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(LIMITS.wrongPins.limit);
    });

    it(`checks at most ${LIMITS.wrongCodes.limit} enrollment codes from one address`, async () => {
      const branchId = await server.newBranch();
      const code = await server.enrollmentCode(branchId, 'kiosk');
      const answers = await burst((right, i) =>
        server.post('/api/devices/enroll', { code: right ? code : `WRONG${1000 + i}` }),
      );
      expect(answers[RIGHT_AT]!.status, answers[RIGHT_AT]!.text).toBe(429);
      const checked = checkedOf(answers, [401, 404]);
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(LIMITS.wrongCodes.limit);
    });

    it(`checks at most ${LIMITS.wrongPasswords.limit} admin passwords from one address`, async () => {
      const answers = await burst((right, i) =>
        server.post('/api/session/admin', {
          username: 'admin',
          password: right ? ADMIN_PASSWORD : `not the password ${i}`,
        }),
      );
      expect(answers[RIGHT_AT]!.status, answers[RIGHT_AT]!.text).toBe(429);
      const checked = checkedOf(answers);
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(LIMITS.wrongPasswords.limit);
    });
  });

  describe(`setup-link guesses under a burst of ${BURST} [${store}]`, () => {
    const server = new TestServer(store, { adminPassword: undefined });
    beforeAll(async () => {
      await server.start();
    });
    afterAll(async () => {
      await server.close();
    });

    it(`checks at most ${LIMITS.wrongPasswords.limit} setup tokens from one address`, async () => {
      const setupToken = new URL(server.running!.setupUrl!).searchParams.get('token')!;
      const answers = await burst((right, i) =>
        server.post('/api/session/setup', {
          setupToken: right ? setupToken : `wrong-token-${i}`,
          password: 'a brand new password',
        }),
      );
      expect(answers[RIGHT_AT]!.status, answers[RIGHT_AT]!.text).toBe(429);
      const checked = checkedOf(answers);
      expect(checked).toBeGreaterThan(0);
      expect(checked).toBeLessThanOrEqual(LIMITS.wrongPasswords.limit);
    });
  });
}
