// Walk-ups and answers given on the spot go through the outbox like any staff action: sent only
// under their maker's session, shown before the server has them, and an answer waits out its
// Undo window (without holding up anything queued after it) before it is sent.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, setMeta } from '../../../../../src/client/core/db/db.js';
import {
  flushOutbox,
  queueRequestAction,
  type OutboxSender,
} from '../../../../../src/client/core/db/outbox.js';
import { readQueue } from '../../../../../src/client/core/db/queue.js';
import { upsertRequest } from '../../../../../src/client/core/db/replica.js';
import { readUnsentFor, retryNowFor } from '../../../../../src/client/core/db/unsent.js';
import {
  UNDO_MS,
  cancelWalkUp,
  queueInteraction,
  queueWalkUp,
  readSentWalkUps,
  undoInteraction,
} from '../../../../../src/client/core/db/walk-ups.js';
import type { HelpRequest } from '../../../../../src/shared/schemas.js';
import { helpRequest, lee, sam } from '../../../../support/client-fixtures.js';

const tablet = { id: 'tablet-1', kind: 'tablet', branchId: 'main', label: 'Tablet' };
const signedIn = (staff: { id: string; displayName: string }) =>
  setMeta('session', { role: 'staff', device: tablet, staff: { ...staff, skills: [] } });

/** Records each call, answering as the server would (a walk-up waits; an answer is done). */
function recordingServer() {
  const calls: { path: string; body: Record<string, unknown> }[] = [];
  const sender: OutboxSender = {
    create: async (body) => {
      calls.push({ path: 'requests', body: { ...body } });
      return {
        request: helpRequest({ id: body.id, ticket: 'A7', origin: 'walk-up', createdBy: sam }),
      };
    },
    act: async (requestId, action, body) => {
      calls.push({ path: `requests/${requestId}/${action}`, body });
      return helpRequest({ id: requestId, status: 'cancelled', version: 2 });
    },
    interaction: async (body) => {
      calls.push({ path: 'interactions', body: { ...body } });
      return helpRequest({ id: body.id, status: 'done', origin: 'walk-up' });
    },
  };
  return { sender, calls };
}

beforeEach(async () => {
  await Promise.all([db.outbox.clear(), db.requests.clear(), db.notices.clear(), db.meta.clear()]);
});

describe('sending for a specialist', () => {
  it('queues a walk-up under its maker, shown in the queue and as sent before it goes', async () => {
    await signedIn(sam);
    const id = await queueWalkUp(
      { topicId: 'history', zone: ' Entrance ', name: 'Red coat', note: '', language: 'es' },
      sam,
    );
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ action: 'create', requestId: id, actorId: sam.id });
    expect(entry!.body).toEqual({
      id,
      origin: 'walk-up',
      topicId: 'history',
      zone: 'Entrance',
      name: 'Red coat',
      language: 'es',
    });
    const queue = await readQueue('main');
    expect(queue.map((v) => [v.request.id, v.request.status, v.pending])).toEqual([
      [id, 'waiting', ['create']],
    ]);
    const sent = await readSentWalkUps('main', sam.id);
    expect(sent).toEqual([{ request: expect.objectContaining({ id, ticket: '' }), unsent: true }]);
    // Lee, signed in on another tablet later, does not see it as theirs.
    expect(await readSentWalkUps('main', lee.id)).toEqual([]);

    const server = recordingServer();
    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls.map((c) => c.path)).toEqual(['requests']);
    const [after] = await readSentWalkUps('main', sam.id);
    expect(after).toMatchObject({ unsent: false, request: { id, ticket: 'A7' } });
  });

  it('is never sent under someone else’s session', async () => {
    await signedIn(sam);
    await queueWalkUp({ topicId: 'history' }, sam);
    expect((await readUnsentFor(sam.id)).map((u) => u.words)).toEqual([
      'start a request for a patron in front of you',
    ]);
    await signedIn(lee);
    const server = recordingServer();
    await flushOutbox(server.sender);
    expect(server.calls).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('taken at once, it is mine before the server answers', async () => {
    await signedIn(sam);
    const id = await queueWalkUp({ topicId: 'tech', claim: true }, sam);
    await queueRequestAction(id, 'start', sam);
    const [view] = await readQueue('main');
    expect(view!.request).toMatchObject({ id, status: 'serving', claimedBy: sam });
    expect(view!.pending).toEqual(['create', 'start']);
    // Not something Sam sent for someone else.
    expect(await readSentWalkUps('main', sam.id)).toEqual([]);
  });

  it('cancelling one still on the tablet drops it; one on the server is cancelled', async () => {
    await signedIn(sam);
    const unsent = await queueWalkUp({ topicId: 'history' }, sam);
    expect(await cancelWalkUp(unsent, sam)).toBe('dropped');
    expect(await db.outbox.count()).toBe(0);

    const stored: HelpRequest = helpRequest({ origin: 'walk-up', createdBy: sam });
    await upsertRequest(stored);
    expect(await cancelWalkUp(stored.id, sam)).toBe('queued');
    const [shown] = await readSentWalkUps('main', sam.id);
    expect(shown!.request.status).toBe('cancelled');
    const server = recordingServer();
    await flushOutbox(server.sender);
    expect(server.calls.map((c) => c.path)).toEqual([`requests/${stored.id}/cancel`]);
  });
});

describe('I helped someone', () => {
  it('waits out its Undo window, and Undo takes it back unsent', async () => {
    await signedIn(sam);
    const opId = await queueInteraction({ topicId: 'books', outcome: 'answered', effort: 2 }, sam);
    const server = recordingServer();
    const result = await flushOutbox(server.sender);
    expect(result).toMatchObject({ state: 'retry', offline: false });
    expect(result.state === 'retry' && result.retryAt - Date.now()).toBeGreaterThan(UNDO_MS - 1000);
    expect(server.calls).toEqual([]);
    expect(await undoInteraction(opId)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls).toEqual([]);
  });

  it('does not hold up what is queued after it', async () => {
    const a5 = helpRequest({ ticket: 'A5' });
    await upsertRequest(a5);
    await signedIn(sam);
    await queueInteraction({ topicId: 'books', outcome: 'answered' }, sam);
    await queueRequestAction(a5.id, 'claim', sam);
    const server = recordingServer();
    await flushOutbox(server.sender);
    expect(server.calls.map((c) => c.path)).toEqual([`requests/${a5.id}/claim`]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('is sent once its window ends, with no patron text; then Undo says it is too late', async () => {
    await signedIn(sam);
    const opId = await queueInteraction(
      { topicId: 'books', outcome: 'referred', language: 'fr' },
      sam,
    );
    await db.outbox
      .where('opId')
      .equals(opId)
      .modify({ holdUntil: Date.now() - 1 });
    const server = recordingServer();
    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls).toEqual([
      {
        path: 'interactions',
        body: { id: opId, topicId: 'books', outcome: 'referred', language: 'fr' },
      },
    ]);
    expect(await undoInteraction(opId)).toBe(false);
  });

  it('signing out sends it at once, and names it if it could not go', async () => {
    await signedIn(sam);
    await queueInteraction({ topicId: 'books', outcome: 'answered' }, sam);
    expect((await readUnsentFor(sam.id)).map((u) => u.words)).toEqual([
      'record a question answered on the spot',
    ]);
    await retryNowFor(sam.id);
    const server = recordingServer();
    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls.map((c) => c.path)).toEqual(['interactions']);
  });
});
