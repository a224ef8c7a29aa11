// Issue 12: the kiosk keeps the follow link the create answer carries with that request only,
// shows it for that request only, and forgets it with the patron, so the next patron never
// gets (or scans) someone else's link. A walk-up's answer has none and keeps none.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, getMeta, setMeta } from '../../../../../src/client/core/db/db.js';
import {
  forgetCurrentRequest,
  readKioskRequest,
  rememberCurrentRequest,
} from '../../../../../src/client/core/db/kiosk.js';
import {
  flushOutbox,
  queueNewRequest,
  type OutboxSender,
} from '../../../../../src/client/core/db/outbox.js';
import { FOLLOW_URL } from '../../../../../src/client/core/db/follow-url.js';
import { helpRequest } from '../../../../support/client-fixtures.js';

const LINK = 'https://rove.example.org/follow/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

/** Answers a create as the server does for a kiosk: the request, and its follow link. */
function kioskServer(followUrl?: string): OutboxSender {
  return {
    create: async (body) => ({
      request: helpRequest({ id: body.id, topicId: body.topicId, name: body.name }),
      ...(followUrl ? { followUrl } : {}),
    }),
    act: async (requestId) => helpRequest({ id: requestId, status: 'cancelled', version: 2 }),
  };
}

beforeEach(async () => {
  await Promise.all([db.outbox.clear(), db.requests.clear(), db.notices.clear(), db.meta.clear()]);
  await setMeta('session', {
    role: 'kiosk',
    device: { id: 'k1', kind: 'kiosk', branchId: 'main' },
  });
});

describe("the kiosk's follow link", () => {
  it('is kept from the create answer with its request, never in the request itself', async () => {
    const id = await queueNewRequest({ topicId: 'tech', needs: [], name: 'Priya' });
    await rememberCurrentRequest(id);
    expect((await readKioskRequest(id, 'main'))?.followUrl).toBeUndefined();

    expect(await flushOutbox(kioskServer(LINK))).toEqual({ state: 'empty' });
    const view = await readKioskRequest(id, 'main');
    expect(view?.followUrl).toBe(LINK);
    expect(JSON.stringify(await db.requests.get(id))).not.toContain('follow');
    // Another request (the next patron's) is never shown this one's link.
    const next = await queueNewRequest({ topicId: 'tech', needs: [] });
    expect((await readKioskRequest(next, 'main'))?.followUrl).toBeUndefined();
  });

  it('is forgotten with the patron', async () => {
    const id = await queueNewRequest({ topicId: 'tech', needs: [] });
    await rememberCurrentRequest(id);
    await flushOutbox(kioskServer(LINK));
    expect(await getMeta(FOLLOW_URL)).toEqual({ requestId: id, url: LINK });
    await forgetCurrentRequest();
    expect(await getMeta(FOLLOW_URL)).toBeUndefined();
    expect((await readKioskRequest(id, 'main'))?.followUrl).toBeUndefined();
  });

  it('is absent when the answer carries none', async () => {
    const id = await queueNewRequest({ topicId: 'tech', needs: [] });
    await flushOutbox(kioskServer());
    expect(await getMeta(FOLLOW_URL)).toBeUndefined();
    expect((await readKioskRequest(id, 'main'))?.followUrl).toBeUndefined();
  });
});
