// A staff action in the outbox belongs to the staff member who made it: it is sent only under
// their session, never under whoever signs in next; signing out sends or discards it first.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, setMeta } from '../../../../../src/client/core/db/db.js';
import {
  flushOutbox,
  queueNewRequest,
  queueRequestAction,
  type OutboxSender,
} from '../../../../../src/client/core/db/outbox.js';
import { upsertRequest } from '../../../../../src/client/core/db/replica.js';
import { discardUnsentFor, readUnsentFor } from '../../../../../src/client/core/db/unsent.js';
import { signOut, unsentBeforeSignOut } from '../../../../../src/client/core/sync/sign-in.js';
import type { HelpRequest } from '../../../../../src/shared/schemas.js';
import { helpRequest, lee, sam } from '../../../../support/client-fixtures.js';

const tablet = { id: 'tablet-1', kind: 'tablet', branchId: 'main', label: 'Tablet' };

const signedIn = (staff: { id: string; displayName: string } | undefined) =>
  setMeta(
    'session',
    staff
      ? { role: 'staff', device: tablet, staff: { ...staff, skills: [] } }
      : { role: 'tablet', device: tablet },
  );

/** Records every call and answers each with the request moved on (as if the server took it). */
function recordingServer() {
  const calls: { requestId: string; action: string }[] = [];
  const sender: OutboxSender = {
    create: async (body) => {
      calls.push({ requestId: body.id, action: 'create' });
      return { request: helpRequest({ id: body.id }) };
    },
    act: async (requestId, action) => {
      calls.push({ requestId, action });
      return helpRequest({ id: requestId, status: 'claimed', version: 2 });
    },
  };
  return { sender, calls };
}

/** A5 and B2 in the replica; Sam, signed in, claims A5 and resolves B2, neither sent yet. */
async function samClaimsA5AndResolvesB2() {
  const a5 = helpRequest({ ticket: 'A5' });
  const b2 = helpRequest({ ticket: 'B2' });
  await Promise.all([upsertRequest(a5), upsertRequest(b2)]);
  await signedIn(sam);
  await queueRequestAction(a5.id, 'claim', sam);
  await queueRequestAction(b2.id, 'resolve', sam, { outcome: 'answered' });
  return { a5, b2 };
}

const realFetch = globalThis.fetch;

beforeEach(async () => {
  await Promise.all([db.outbox.clear(), db.requests.clear(), db.notices.clear(), db.meta.clear()]);
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('staff actions in the outbox', () => {
  it('records who made each one', async () => {
    await signedIn(sam);
    await queueRequestAction('r1', 'claim', sam);
    await queueRequestAction('r1', 'start', sam);
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => [e.action, e.actorId, e.actorName])).toEqual([
      ['claim', sam.id, 'Sam'],
      ['start', sam.id, 'Sam'],
    ]);
  });

  it('are sent under their maker’s session', async () => {
    await signedIn(sam);
    await queueRequestAction('r1', 'claim', sam);
    const server = recordingServer();
    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls).toEqual([{ requestId: 'r1', action: 'claim' }]);
  });

  it('wait, unsent, while nobody is signed in, and go when the same person is back', async () => {
    await signedIn(sam);
    await queueRequestAction('r1', 'claim', sam);
    await signedIn(undefined);
    const server = recordingServer();
    expect(await flushOutbox(server.sender)).toEqual({ state: 'held' });
    expect(server.calls).toHaveLength(0);
    expect(await db.outbox.count()).toBe(1);

    // A reload in between changes nothing: who made it is stored with it.
    db.close();
    await db.open();
    await signedIn(sam);
    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls).toEqual([{ requestId: 'r1', action: 'claim' }]);
  });

  it('are never sent under another staff member’s session: dropped, and the next person told', async () => {
    const { b2 } = await samClaimsA5AndResolvesB2();
    // Lee signs in on the same tablet (older data, or a session the server ended) and claims.
    await signedIn(lee);
    await queueRequestAction(b2.id, 'claim', lee);
    const server = recordingServer();

    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls).toEqual([{ requestId: b2.id, action: 'claim' }]);
    expect(await db.outbox.count()).toBe(0);
    const [notice, ...more] = await db.notices.toArray();
    expect(more).toHaveLength(0);
    expect(notice!.text).toContain('2 changes made by Sam');
    expect(notice!.text).toContain('claim A5, resolve B2');
    expect(notice!.text).toContain('not sent in your name');
  });

  it('with no maker recorded (older data) are dropped too, never sent', async () => {
    await db.outbox.add({
      opId: 'op-old',
      requestId: 'r1',
      action: 'claim',
      body: { opId: 'op-old' },
      createdAt: new Date().toISOString(),
      attempts: 0,
      notBefore: 0,
    });
    await signedIn(lee);
    const server = recordingServer();
    await flushOutbox(server.sender);
    expect(server.calls).toHaveLength(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.notices.toArray())[0]!.text).toMatch(/^1 change made before/);
  });

  it("leave a kiosk's own entries alone: its new request, its patron's I'm here and cancel", async () => {
    await setMeta('session', { role: 'kiosk', device: { ...tablet, kind: 'kiosk' } });
    const id = await queueNewRequest({ topicId: 'tech' });
    await queueRequestAction(id, 'here', undefined);
    await queueRequestAction(id, 'cancel', undefined);
    const server = recordingServer();
    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls.map((c) => c.action)).toEqual(['create', 'here', 'cancel']);
    expect(await db.notices.count()).toBe(0);
  });
});

describe('signing out with changes not yet sent', () => {
  it('lists them in words, only those of the person signing out', async () => {
    const a5 = helpRequest({ ticket: 'A5' });
    await upsertRequest(a5);
    await signedIn(sam);
    await queueRequestAction(a5.id, 'claim', sam);
    await queueRequestAction('not-in-replica', 'transfer', sam, { skill: 'tech' });
    await db.outbox.add({
      opId: 'op-lee',
      requestId: a5.id,
      action: 'claim',
      body: { opId: 'op-lee' },
      actorId: lee.id,
      createdAt: new Date().toISOString(),
      attempts: 0,
      notBefore: 0,
    });
    expect((await readUnsentFor(sam.id)).map((u) => u.words)).toEqual([
      'claim A5',
      'hand off a request',
    ]);
  });

  it('tries to send them first; what the server takes is not asked about', async () => {
    const a5 = helpRequest({ ticket: 'A5' });
    await upsertRequest(a5);
    await signedIn(sam);
    await queueRequestAction(a5.id, 'claim', sam);
    // As if an earlier try had failed and the flusher were waiting out its backoff.
    await db.outbox.toCollection().modify({ attempts: 3, notBefore: Date.now() + 30_000 });
    const posted: string[] = [];
    globalThis.fetch = async (input) => {
      posted.push(String(input));
      const answer: HelpRequest = { ...a5, status: 'claimed', claimedBy: sam, version: 2 };
      return new Response(JSON.stringify({ request: answer }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    expect(await unsentBeforeSignOut()).toEqual([]);
    expect(posted).toEqual([`/api/requests/${a5.id}/claim`]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('answers what is left when the server cannot be reached', async () => {
    const a5 = helpRequest({ ticket: 'A5' });
    await upsertRequest(a5);
    await signedIn(sam);
    await queueRequestAction(a5.id, 'claim', sam);
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect((await unsentBeforeSignOut()).map((u) => u.words)).toEqual(['claim A5']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('discards them on request and says which; nothing of theirs reaches the next session', async () => {
    await samClaimsA5AndResolvesB2();
    // The server can end the session, but requests do not get through.
    globalThis.fetch = async (_input, init) =>
      init?.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : Promise.reject(new TypeError('Failed to fetch'));

    const discarded = await signOut({ discard: true });
    expect(discarded.map((d) => d.words)).toEqual(['claim A5', 'resolve B2']);
    expect(await db.outbox.count()).toBe(0);

    await signedIn(lee);
    const server = recordingServer();
    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls).toHaveLength(0);
    expect(await db.notices.count()).toBe(0);
  });

  it('discards only the signing-out person’s own changes', async () => {
    await signedIn(sam);
    await queueRequestAction('r1', 'claim', sam);
    await queueNewRequest({ topicId: 'tech' });
    await queueRequestAction('r2', 'claim', lee);
    expect((await discardUnsentFor(sam.id)).length).toBe(1);
    expect((await db.outbox.toArray()).map((e) => e.action)).toEqual(['create', 'claim']);
  });
});
