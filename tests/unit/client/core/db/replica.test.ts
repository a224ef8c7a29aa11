// The replica: a snapshot makes the open requests exactly the server's, events never move a
// request backwards, and pending actions show as the request will be.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../../src/client/core/db/db.js';
import { queueRequestAction } from '../../../../../src/client/core/db/outbox.js';
import { withPending } from '../../../../../src/client/core/db/pending.js';
import { readQueue } from '../../../../../src/client/core/db/queue.js';
import {
  applyRequestEvent,
  applySnapshot,
  streamCursor,
  upsertRequest,
} from '../../../../../src/client/core/db/replica.js';
import { helpRequest, sam } from '../../../../support/client-fixtures.js';

beforeEach(async () => {
  await Promise.all([db.outbox.clear(), db.requests.clear(), db.meta.clear()]);
});

describe('the replica', () => {
  it('a snapshot replaces the open requests and sets the cursor', async () => {
    const gone = helpRequest();
    const stays = helpRequest();
    const closed = helpRequest({ status: 'done', version: 3 });
    const otherBranch = helpRequest({ branchId: 'east' });
    for (const r of [gone, stays, closed, otherBranch]) await upsertRequest(r);
    const fresh = helpRequest();

    await applySnapshot('branch:main', 'main', {
      seq: 40,
      requests: [{ ...stays, status: 'claimed', version: 2 }, fresh],
    });

    const ids = (await db.requests.toArray()).map((r) => r.id).sort();
    expect(ids).toEqual([stays.id, closed.id, otherBranch.id, fresh.id].sort());
    expect(await db.requests.get(stays.id)).toMatchObject({ status: 'claimed', version: 2 });
    expect(await streamCursor('branch:main')).toBe(40);
  });

  it('applies events by version: an older or replayed one changes nothing', async () => {
    const request = helpRequest();
    await applyRequestEvent('branch:main', 5, { ...request, status: 'serving', version: 3 });
    await applyRequestEvent('branch:main', 6, { ...request, status: 'claimed', version: 2 });
    expect(await db.requests.get(request.id)).toMatchObject({ status: 'serving', version: 3 });
    await applyRequestEvent('branch:main', 7, { ...request, status: 'done', version: 4 });
    expect(await db.requests.get(request.id)).toMatchObject({ status: 'done', version: 4 });
    expect(await streamCursor('branch:main')).toBe(7);
  });

  it('shows pending actions as the request will be, oldest first', async () => {
    const older = helpRequest();
    const newer = helpRequest();
    await upsertRequest(newer);
    await upsertRequest(older);
    await queueRequestAction(newer.id, 'claim', sam);
    await queueRequestAction(newer.id, 'start', sam);

    const queue = await readQueue('main');
    expect(queue.map((v) => v.request.id)).toEqual([older.id, newer.id]);
    expect(queue[1]).toMatchObject({
      pending: ['claim', 'start'],
      request: { status: 'serving', claimedBy: sam },
    });
    expect(queue[0]!.pending).toEqual([]);
  });

  it('a pending claim does not take a request someone else already holds', () => {
    const held = helpRequest({ status: 'claimed', claimedBy: { id: 'x', displayName: 'Lee' } });
    const view = withPending(held, [
      {
        seq: 1,
        opId: 'op',
        requestId: held.id,
        action: 'claim',
        body: {},
        actorId: sam.id,
        actorName: sam.displayName,
        createdAt: new Date().toISOString(),
        attempts: 0,
        notBefore: 0,
      },
    ]);
    expect(view.request.claimedBy?.displayName).toBe('Lee');
    expect(view.pending).toEqual(['claim']);
  });

  it('closed requests leave the queue', async () => {
    const open = helpRequest();
    await upsertRequest(open);
    await upsertRequest(helpRequest({ status: 'cancelled' }));
    expect((await readQueue('main')).map((v) => v.request.id)).toEqual([open.id]);
  });
});
