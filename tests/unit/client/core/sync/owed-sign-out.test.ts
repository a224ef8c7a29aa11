// A sign-out made with no network still ends the session on the server: the tablet remembers
// it owes it, sends it when the network is back and on every load, never takes the old session
// for signed in meanwhile, and sends it once.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, getMeta, setMeta } from '../../../../../src/client/core/db/db.js';
import {
  OWED_SIGN_OUT_KEY,
  payOwedSignOut,
  payOwedSignOutWhenOnline,
  readOwedSignOut,
} from '../../../../../src/client/core/sync/owed-sign-out.js';
import { loadSession } from '../../../../../src/client/core/sync/session.js';
import { signIn, signOut } from '../../../../../src/client/core/sync/sign-in.js';
import type { Session } from '../../../../../src/client/core/api/session.js';

const sam = { id: 'staff-sam', displayName: 'Sam', skills: [] };
const lee = { id: 'staff-lee', displayName: 'Lee', skills: [] };
const tablet = { id: 'tablet-1', kind: 'tablet' as const, branchId: 'main', label: 'Tablet' };
const SIGN_OUT_SAM = 'DELETE /api/session?staffId=staff-sam';

/** What the fake server answers: a status (and body), or `offline` for no network at all. */
type Reply = number | 'offline' | { status: number; body: unknown };

/** Stands in for the network: records each call as "METHOD path", answers with `reply`. */
function network(reply: (call: string) => Reply) {
  const calls: string[] = [];
  globalThis.fetch = async (input, init) => {
    const call = `${init?.method ?? 'GET'} ${String(input)}`;
    calls.push(call);
    const answer = reply(call);
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    const { status, body } = typeof answer === 'number' ? { status: answer, body: {} } : answer;
    if (status === 204) return new Response(null, { status });
    const payload =
      status < 400
        ? body
        : { error: { code: status === 401 ? 'unauthenticated' : 'x', message: 'no' } };
    return new Response(JSON.stringify(payload), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return calls;
}

const signedInAs = (staff: typeof sam) =>
  setMeta('session', { role: 'staff', device: tablet, staff } satisfies Session);
const staffAnswer = (staff: typeof sam) => ({
  status: 200,
  body: { role: 'staff', device: tablet, staff },
});

const realFetch = globalThis.fetch;
beforeEach(async () => {
  await Promise.all([db.meta.clear(), db.requests.clear(), db.outbox.clear()]);
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('a sign-out with no network', () => {
  it('forgets the rover at once and remembers the sign-out is owed, for whom', async () => {
    await signedInAs(sam);
    const calls = network(() => 'offline');
    await signOut();
    expect(calls).toEqual([SIGN_OUT_SAM]);
    expect(await getMeta<Session>('session')).toMatchObject({ role: 'tablet', staff: undefined });
    expect(await readOwedSignOut()).toMatchObject({ staffId: sam.id, at: expect.any(String) });
  });

  it('owes nothing when the server answered at once', async () => {
    await signedInAs(sam);
    const calls = network(() => 204);
    await signOut();
    expect(calls).toEqual([SIGN_OUT_SAM]);
    expect(await readOwedSignOut()).toBeUndefined();
  });

  it('is sent when the network is back, and then no more', async () => {
    await signedInAs(sam);
    network(() => 'offline');
    await signOut();
    const browser = new EventTarget();
    const stop = payOwedSignOutWhenOnline(browser);
    const calls = network(() => 204);
    browser.dispatchEvent(new Event('online'));
    await expect.poll(() => readOwedSignOut()).toBeUndefined();
    expect(calls).toEqual([SIGN_OUT_SAM]);

    browser.dispatchEvent(new Event('online'));
    expect(await payOwedSignOut()).toBe(true);
    expect(calls).toEqual([SIGN_OUT_SAM]);
    stop();
  });

  it('is sent once even when the network signal and a load ask at the same time', async () => {
    await signedInAs(sam);
    network(() => 'offline');
    await signOut();
    const calls = network(() => 204);
    expect(await Promise.all([payOwedSignOut(), payOwedSignOut(), payOwedSignOut()])).toEqual([
      true,
      true,
      true,
    ]);
    expect(calls).toEqual([SIGN_OUT_SAM]);
  });

  it('stays owed while the server cannot be reached, is busy or fails', async () => {
    await signedInAs(sam);
    network(() => 'offline');
    await signOut();
    for (const reply of ['offline', 429, 500, 502] as const) {
      network(() => reply);
      expect(await payOwedSignOut(), String(reply)).toBe(false);
      expect(await readOwedSignOut(), String(reply)).toMatchObject({ staffId: sam.id });
    }
  });

  it('counts a 401 as done: the session was already over', async () => {
    await signedInAs(sam);
    network(() => 'offline');
    await signOut();
    const calls = network(() => 401);
    expect(await payOwedSignOut()).toBe(true);
    expect(await readOwedSignOut()).toBeUndefined();
    expect(calls).toEqual([SIGN_OUT_SAM]);
  });
});

describe('loading the app with a sign-out owed', () => {
  beforeEach(async () => {
    await signedInAs(sam);
    network(() => 'offline');
    await signOut();
  });

  it('sends it before asking who is signed in', async () => {
    const calls = network((call) =>
      call.startsWith('DELETE') ? 204 : { status: 200, body: { role: 'tablet', device: tablet } },
    );
    expect(await loadSession()).toMatchObject({ role: 'tablet' });
    expect(calls).toEqual([SIGN_OUT_SAM, 'GET /api/session']);
    expect(await readOwedSignOut()).toBeUndefined();
  });

  it('never answers the old session as signed in while it is still owed', async () => {
    // The sign-out fails, but the server still says Sam (its cookie is still there).
    const calls = network((call) => (call.startsWith('DELETE') ? 503 : staffAnswer(sam)));
    const session = await loadSession();
    expect(session.role).toBe('tablet');
    expect(session.staff).toBeUndefined();
    expect(session.device).toEqual(tablet);
    expect(await getMeta<Session>('session')).toMatchObject({ role: 'tablet' });
    expect(calls).toEqual([SIGN_OUT_SAM, 'GET /api/session']);
    expect(await readOwedSignOut()).toMatchObject({ staffId: sam.id });
  });

  it('offline, answers the tablet with nobody signed in, and keeps it owed', async () => {
    network(() => 'offline');
    expect(await loadSession()).toMatchObject({ role: 'tablet', offline: true, staff: undefined });
    expect(await readOwedSignOut()).toMatchObject({ staffId: sam.id });
  });
});

describe('signing in with a sign-out owed', () => {
  beforeEach(async () => {
    await setMeta('session', { role: 'staff', device: tablet, staff: sam });
    network(() => 'offline');
    await signOut();
  });

  it('sends the owed sign-out first, then signs in', async () => {
    const calls = network((call) =>
      call.startsWith('DELETE') ? 204 : { status: 200, body: { token: 't', staff: lee } },
    );
    expect(await signIn(lee.id, '1234')).toMatchObject({ role: 'staff', staff: lee });
    expect(calls).toEqual([SIGN_OUT_SAM, 'POST /api/session/staff']);
    expect(await readOwedSignOut()).toBeUndefined();
  });

  it('owes it no more once the sign-in succeeded (its cookie ended the old session)', async () => {
    const calls = network((call) =>
      call.startsWith('DELETE') ? 503 : { status: 200, body: { token: 't', staff: lee } },
    );
    await signIn(lee.id, '1234');
    expect(calls).toEqual([SIGN_OUT_SAM, 'POST /api/session/staff']);
    expect(await db.meta.get(OWED_SIGN_OUT_KEY)).toBeUndefined();
  });

  it('keeps it owed when the sign-in could not reach the server either', async () => {
    network(() => 'offline');
    await expect(signIn(lee.id, '1234')).rejects.toMatchObject({ code: 'offline' });
    expect(await readOwedSignOut()).toMatchObject({ staffId: sam.id });
    expect(await getMeta<Session>('session')).toMatchObject({ role: 'tablet' });
  });
});
