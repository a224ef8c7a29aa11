// The outbox keeps every action until the server has answered it, sends in order, backs off
// while the server is unreachable, and turns a refusal into the server's request plus words.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../src/client/core/http.js';
import { db, setMeta } from '../../../../../src/client/core/db/db.js';
import {
  flushOutbox,
  queueFeedback,
  queueNewRequest,
  queueRequestAction,
  type OutboxSender,
} from '../../../../../src/client/core/db/outbox.js';
import { upsertRequest } from '../../../../../src/client/core/db/replica.js';
import type { HelpRequest } from '../../../../../src/shared/schemas.js';
import type { RequestAction } from '../../../../../src/shared/request-machine.js';
import { helpRequest, lee, sam } from '../../../../support/client-fixtures.js';

interface Call {
  requestId: string;
  action: RequestAction | 'create';
  body: Record<string, unknown>;
}

/**
 * Answers like the server would, from a script of outcomes: each call takes the next outcome
 * (a request to answer with, or an error to throw); with none left it answers the request
 * with the action applied.
 */
function scriptedServer(outcomes: (HelpRequest | ApiError)[] = []) {
  const calls: Call[] = [];
  const answer = (call: Call, fallback: () => HelpRequest) => {
    calls.push(call);
    const next = outcomes.shift();
    if (next instanceof ApiError) return Promise.reject(next);
    return Promise.resolve(next ?? fallback());
  };
  const sender: OutboxSender = {
    create: (body) =>
      answer({ requestId: body.id, action: 'create', body: { ...body } }, () =>
        helpRequest({ id: body.id, topicId: body.topicId, name: body.name }),
      ).then((request) => ({ request })),
    act: (requestId, action, body) =>
      answer({ requestId, action, body }, () =>
        helpRequest({ id: requestId, status: 'claimed', version: 2 }),
      ),
  };
  return { sender, calls };
}

const offline = () => new ApiError(0, 'offline', 'The server could not be reached');

beforeEach(async () => {
  await Promise.all([db.outbox.clear(), db.requests.clear(), db.notices.clear()]);
  // Sam's actions are sent under Sam's session (staff-outbox.test.ts covers anyone else's).
  await setMeta('session', { role: 'staff', staff: { ...sam, skills: [] } });
});

describe('the outbox', () => {
  it('takes the Web Lock only when something is queued', async () => {
    const requested: string[] = [];
    const locks = {
      request: (name: string, run: () => Promise<unknown>) => {
        requested.push(name);
        return run();
      },
    };
    const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
    try {
      const { sender, calls } = scriptedServer();
      expect(await flushOutbox(sender)).toEqual({ state: 'empty' });
      expect(requested).toEqual([]);
      await queueRequestAction('r1', 'claim', sam);
      await flushOutbox(sender);
      expect(requested).toEqual(['rove-outbox']);
      expect(calls.map((c) => c.action)).toEqual(['claim']);
    } finally {
      if (had) Object.defineProperty(globalThis, 'navigator', had);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  it('stores an action with its opId before anything is sent', async () => {
    const opId = await queueRequestAction('r1', 'claim', sam);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ opId, requestId: 'r1', action: 'claim', actorId: 'staff-sam' });
    expect(entry!.body).toEqual({ opId });
  });

  it('sends in the order actions were queued and removes each once answered', async () => {
    const request = helpRequest();
    await upsertRequest(request);
    await queueRequestAction(request.id, 'claim', sam);
    await queueRequestAction(request.id, 'start', sam);
    await queueRequestAction(request.id, 'resolve', sam, { outcome: 'answered', effort: 2 });
    const server = scriptedServer([
      { ...request, status: 'claimed', version: 2 },
      { ...request, status: 'serving', version: 3 },
      { ...request, status: 'done', version: 4, outcome: 'answered' },
    ]);

    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls.map((c) => c.action)).toEqual(['claim', 'start', 'resolve']);
    expect(server.calls[2]!.body).toMatchObject({ outcome: 'answered', effort: 2 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.requests.get(request.id)).toMatchObject({ status: 'done', version: 4 });
  });

  it("keeps the action when the server's store is down (503), and says it is the server", async () => {
    await queueRequestAction('r1', 'claim', sam);
    const unavailable = new ApiError(503, 'unavailable', 'The store is not answering', {
      retryAfter: 5,
    });
    const server = scriptedServer([unavailable]);

    const before = Date.now();
    const result = await flushOutbox(server.sender);
    expect(result).toMatchObject({ state: 'retry', offline: true, trouble: true });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ requestId: 'r1', attempts: 1 });
    // Retry-After is the wait before the next try.
    expect(entry!.notBefore).toBeGreaterThanOrEqual(before + 5000);
    expect(await db.notices.count()).toBe(0);
  });

  it('keeps the head while the server is unreachable and tries nothing behind it', async () => {
    await queueRequestAction('r1', 'claim', sam);
    await queueRequestAction('r2', 'claim', sam);
    const server = scriptedServer([offline()]);

    const result = await flushOutbox(server.sender);
    expect(result).toMatchObject({ state: 'retry', offline: true });
    expect(server.calls).toHaveLength(1);
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.requestId, e.attempts])).toEqual([
      ['r1', 1],
      ['r2', 0],
    ]);
    expect(entries[0]!.notBefore).toBeGreaterThan(Date.now());

    // Before the backoff time passes, a flush leaves it alone.
    await flushOutbox(server.sender);
    expect(server.calls).toHaveLength(1);
  });

  it('resends with the same opId after a failure, and backs off longer each time', async () => {
    const opId = await queueRequestAction('r1', 'claim', sam);
    const server = scriptedServer([offline(), offline()]);
    const waits: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = Date.now();
      const result = await flushOutbox(server.sender);
      if (result.state === 'retry') waits.push(result.retryAt - before);
      await db.outbox.toCollection().modify({ notBefore: 0 }); // as if the wait had passed
    }
    expect(server.calls.map((c) => c.body.opId)).toEqual([opId, opId, opId]);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(await db.outbox.count()).toBe(0);
  });

  it('retries on a server error and on 429, after Retry-After', async () => {
    await queueRequestAction('r1', 'claim', sam);
    const server = scriptedServer([
      new ApiError(503, 'internal', 'Down for a moment'),
      new ApiError(429, 'rate_limited', 'Slow down', { retryAfter: 7 }),
    ]);
    expect(await flushOutbox(server.sender)).toMatchObject({ state: 'retry' });
    await db.outbox.toCollection().modify({ notBefore: 0 });
    const before = Date.now();
    const result = await flushOutbox(server.sender);
    expect(result.state === 'retry' && result.retryAt - before).toBeGreaterThanOrEqual(7000);
    expect(await db.outbox.count()).toBe(1);
  });

  it('takes a lost claim as an answer: the server request, who got it, and no Start after it', async () => {
    const contested = helpRequest();
    const other = helpRequest();
    await upsertRequest(contested);
    await upsertRequest(other);
    await queueRequestAction(contested.id, 'claim', sam);
    await queueRequestAction(other.id, 'claim', sam);
    await queueRequestAction(contested.id, 'start', sam);
    const leeHasIt = { ...contested, status: 'claimed' as const, claimedBy: lee, version: 2 };
    const server = scriptedServer([
      new ApiError(409, 'conflict', 'Lee already claimed this request', { request: leeHasIt }),
      { ...other, status: 'claimed', claimedBy: sam, version: 2 },
    ]);

    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(server.calls.map((c) => [c.requestId, c.action])).toEqual([
      [contested.id, 'claim'],
      [other.id, 'claim'],
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.requests.get(contested.id)).toMatchObject({ claimedBy: lee, version: 2 });
    const notices = await db.notices.toArray();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toMatch(/^Lee got there first/);
    expect(notices[0]!.text).toContain(contested.ticket);
  });

  it('keeps its replica when a refusal carries something that is not a staff request', async () => {
    const contested = helpRequest();
    await upsertRequest(contested);
    await queueRequestAction(contested.id, 'claim', sam);
    // A follow link's view of a request (docs/API.md): no id, no branch. Never a replica row.
    const followView = { ticket: contested.ticket, status: 'claimed', version: 9, feedback: false };
    const server = scriptedServer([
      new ApiError(409, 'conflict', 'Someone else has it', { request: followView }),
    ]);

    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(await db.requests.get(contested.id)).toEqual(contested);
    expect(await db.requests.count()).toBe(1);
    const notices = await db.notices.toArray();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('Someone else has it');
  });

  it('takes any other refusal as an answer too, and says why', async () => {
    await queueRequestAction('r1', 'transfer', sam, { skill: 'nope' });
    const server = scriptedServer([new ApiError(400, 'invalid', 'skill: no such skill')]);
    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.notices.toArray())[0]!.text).toContain('no such skill');
  });

  it("sends a kiosk's new request with the id it made, once, and stores the answer", async () => {
    const id = await queueNewRequest({ topicId: 'tech', name: 'Priya', needs: ['private'] });
    const server = scriptedServer([offline()]);
    await flushOutbox(server.sender);
    await db.outbox.toCollection().modify({ notBefore: 0 });
    await flushOutbox(server.sender);
    expect(server.calls.map((c) => c.body.id)).toEqual([id, id]);
    expect(server.calls[1]!.body).toEqual({
      id,
      topicId: 'tech',
      name: 'Priya',
      needs: ['private'],
    });
    expect(await db.requests.get(id)).toMatchObject({ id, name: 'Priya' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('survives a reload: the queued action is still there with the same opId', async () => {
    const opId = await queueRequestAction('r1', 'claim', sam);
    db.close();
    await db.open();
    const server = scriptedServer();
    await flushOutbox(server.sender);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.body.opId).toBe(opId);
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends nothing twice when two flushes are asked for at once', async () => {
    await queueRequestAction('r1', 'claim', sam);
    await queueRequestAction('r2', 'claim', sam);
    const server = scriptedServer();
    await Promise.all([flushOutbox(server.sender), flushOutbox(server.sender)]);
    expect(server.calls.map((c) => c.requestId)).toEqual(['r1', 'r2']);
  });

  it("takes a kiosk's refused I'm here quietly: the server's request, no notice", async () => {
    await setMeta('session', { role: 'kiosk' });
    await queueRequestAction('r1', 'here', undefined);
    const ended = helpRequest({ id: 'r1', status: 'claimed', version: 5 });
    const refusal = new ApiError(409, 'conflict', 'The page has ended', { request: ended });
    const server = scriptedServer([refusal]);
    expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.notices.count()).toBe(0);
    expect((await db.requests.get('r1'))?.version).toBe(5);
  });

  describe("a kiosk patron's feedback", () => {
    /** A sender whose feedback answers with each outcome in turn (undefined: taken). */
    function feedbackServer(outcomes: (ApiError | undefined)[]) {
      const sent: { requestId: string; body: unknown }[] = [];
      const sender: OutboxSender = {
        ...scriptedServer().sender,
        feedback: (requestId, body) => {
          sent.push({ requestId, body });
          const next = outcomes.shift();
          return next ? Promise.reject(next) : Promise.resolve();
        },
      };
      return { sender, sent };
    }

    beforeEach(() => setMeta('session', { role: 'kiosk' }));

    it('is kept while offline and sent once the server can be reached', async () => {
      await queueFeedback('r1', { satisfaction: 4, importance: 5 });
      const server = feedbackServer([offline()]);
      const first = await flushOutbox(server.sender);
      expect(first).toMatchObject({ state: 'retry', offline: true });
      expect(await db.outbox.count()).toBe(1);
      await db.outbox.toCollection().modify({ notBefore: 0 });
      expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
      expect(server.sent).toEqual([
        { requestId: 'r1', body: { satisfaction: 4, importance: 5 } },
        { requestId: 'r1', body: { satisfaction: 4, importance: 5 } },
      ]);
      expect(await db.outbox.count()).toBe(0);
    });

    it('is dropped without a notice when the server will not take it', async () => {
      await queueFeedback('r1', { satisfaction: 2 });
      const server = feedbackServer([new ApiError(409, 'conflict', 'Feedback was already given')]);
      expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
      expect(await db.outbox.count()).toBe(0);
      expect(await db.notices.count()).toBe(0);
    });

    it('is sent even when no staff member is signed in on the device', async () => {
      await setMeta('session', undefined);
      await queueFeedback('r1', { satisfaction: 5 });
      const server = feedbackServer([]);
      expect(await flushOutbox(server.sender)).toEqual({ state: 'empty' });
      expect(server.sent).toHaveLength(1);
    });
  });
});
