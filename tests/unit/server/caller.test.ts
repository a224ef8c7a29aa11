// Who is calling, and what it costs the store: a kiosk's calls carry its device token, and once
// this process remembers that device they read nothing at all (no session lookup first), while
// a revocation still counts at the very next call. Statements are counted on the real store.
// A branch, once seen, is known for good (nothing deletes one).
import type { FastifyRequest } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { caller } from '../../../src/server/auth/caller.js';
import { describeStores, newBranch, roverOf, statementsDuring } from './fixtures.js';

/** A call presenting `token` as its Bearer credential. */
const call = (token: string) =>
  ({ headers: { authorization: `Bearer ${token}` }, cookies: {} }) as unknown as FastifyRequest;

describeStores('a call by token', (store) => {
  let branchId: string;
  let kiosk: { token: string; id: string };

  beforeAll(async () => {
    // PostgreSQL remembers devices only while it hears every process's changes.
    await store().db.listen(() => {});
    branchId = await newBranch(store());
    const { code } = await store().devices.createEnrollment(branchId, 'kiosk', 'Lobby kiosk');
    const { token, device } = await store().devices.enroll(code);
    kiosk = { token, id: device.id };
  });

  it('from a kiosk it remembers reads nothing, not even a session first', async () => {
    const first = await caller(store(), call(kiosk.token));
    expect(first).toMatchObject({ role: 'kiosk', device: { id: kiosk.id } });
    let again: Awaited<ReturnType<typeof caller>> | undefined;
    const read = await statementsDuring(store(), async () => {
      again = await caller(store(), call(kiosk.token));
    });
    expect(again).toMatchObject({ role: 'kiosk', device: { id: kiosk.id } });
    expect(read).toEqual([]);
  });

  it('from a revoked kiosk is refused at its next call', async () => {
    const { code } = await store().devices.createEnrollment(branchId, 'kiosk', 'Door kiosk');
    const { token, device } = await store().devices.enroll(code);
    expect((await caller(store(), call(token))).role).toBe('kiosk');
    await store().devices.revoke(device.id);
    expect(await caller(store(), call(token))).toEqual({ role: null });
  });

  it('with a staff session still finds the session and its tablet', async () => {
    const rover = await roverOf(store(), branchId);
    const { code } = await store().devices.createEnrollment(branchId, 'tablet', 'Tablet');
    const { device } = await store().devices.enroll(code);
    const token = await store().accounts.createStaffSession(rover.staffId, device.id);
    const who = await caller(store(), call(token));
    expect(who.role).toBe('staff');
    expect(who.device?.id).toBe(device.id);
    // Unknown tokens are nobody, however often they come.
    expect(await caller(store(), call('not-a-token'))).toEqual({ role: null });
  });
});

describeStores('a call naming its branch', (store) => {
  it('checks a branch it has seen once; one not there yet is looked for each time', async () => {
    const branchId = await newBranch(store());
    expect(await store().branches.exists(branchId)).toBe(true);
    const again = await statementsDuring(store(), async () => {
      await store().branches.mustExist(branchId);
      expect(await store().branches.exists(branchId)).toBe(true);
    });
    expect(again).toEqual([]);
    // Not there: asked each time, so a branch another process makes is found at once.
    const later = `later-${branchId}`;
    expect(await store().branches.exists(later)).toBe(false);
    await store().branches.create({ id: later, name: 'Made since' });
    expect(await store().branches.exists(later)).toBe(true);
  });
});
