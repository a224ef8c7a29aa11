// The outbox: every action is written here (with its opId) before it is sent, sent strictly in
// order, retried with backoff while the server cannot be reached, and removed only once the
// server has answered. A refusal (409 and other 4xx) is an answer: the replica takes the
// server's request and the person is told in words, through a notice.
import { ApiError, refusedRequest } from '../http.js';
import {
  postFeedback,
  postNewRequest,
  postRequestAction,
  type CreatedRequest,
} from '../api/requests.js';
import { postInteraction } from '../api/walk-ups.js';
import { db, type OutboxEntry } from './db.js';
import { FOLLOW_URL, type KeptFollowUrl } from './follow-url.js';
import { newId } from './ids.js';
import { isKioskEntry, signedInStaffId } from './staff-outbox.js';
import type {
  CreateRequestBody,
  FeedbackBody,
  HelpRequest,
  InteractionBody,
} from '../../../shared/schemas.js';
import type { RequestAction } from '../../../shared/request-machine.js';

/** How the outbox reaches the server; tests may pass their own to count calls. */
export interface OutboxSender {
  create(body: CreateRequestBody): Promise<CreatedRequest>;
  act(
    requestId: string,
    action: RequestAction,
    body: Record<string, unknown>,
  ): Promise<HelpRequest>;
  /** An answer given on the spot; over HTTP when a sender leaves it out. */
  interaction?(body: InteractionBody): Promise<HelpRequest>;
  /** A patron's feedback; over HTTP when a sender leaves it out. */
  feedback?(requestId: string, body: FeedbackBody): Promise<void>;
}

const httpSender: OutboxSender = {
  create: postNewRequest,
  act: postRequestAction,
  interaction: postInteraction,
  feedback: postFeedback,
};

/** The staff member acting, so a pending claim shows as theirs before the server answers. */
export interface Actor {
  id: string;
  displayName: string;
}

const listeners = new Set<() => void>();

/** Called after every enqueue: the flusher uses it to send at once. */
export function onEnqueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Writes one entry (new requests and actions: see the functions below and db/walk-ups.ts). */
export async function enqueue(entry: Omit<OutboxEntry, 'createdAt' | 'attempts' | 'notBefore'>) {
  await db.outbox.add({ ...entry, createdAt: new Date().toISOString(), attempts: 0, notBefore: 0 });
  for (const listener of listeners) listener();
}

/** A kiosk's new request; its `id` (made here if absent) is also the action's opId. */
export async function queueNewRequest(
  fields: Omit<CreateRequestBody, 'id'> & { id?: string },
): Promise<string> {
  const id = fields.id ?? newId();
  await enqueue({ opId: id, requestId: id, action: 'create', body: { ...fields, id } });
  return id;
}

/**
 * A staff action (claim, start, resolve...) with its extra fields (outcome, skill, note).
 * `actor` is the staff member making it, recorded with it: it is sent only under their
 * session. Only a kiosk's cancel has no actor.
 */
export async function queueRequestAction(
  requestId: string,
  action: RequestAction,
  actor: Actor | undefined,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const opId = newId();
  await enqueue({
    opId,
    requestId,
    action,
    body: { ...extra, opId },
    actorId: actor?.id,
    actorName: actor?.displayName,
  });
  return opId;
}

/**
 * A kiosk patron's answers about their request, kept until the server has them: a kiosk that
 * is offline when the patron answers sends them when it is back, as it does their request.
 */
export async function queueFeedback(requestId: string, body: FeedbackBody): Promise<void> {
  await enqueue({ opId: newId(), requestId, action: 'feedback', body: { ...body } });
}

/** Waits 1 s, 2 s, 4 s ... up to 30 s between attempts, with a little jitter. */
export function backoffMs(attempts: number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.85 + Math.random() * 0.3));
}

type FlushResult =
  | { state: 'empty' }
  /** What is left belongs to a staff member who is not signed in: it waits for them. */
  | { state: 'held' }
  /** The head could not be sent; nothing after it is tried before `retryAt` (epoch ms). */
  | {
      state: 'retry';
      retryAt: number;
      offline: boolean;
      /** The server answered 503: up, but its store is not (docs/API.md, "Errors"). */
      trouble?: boolean;
    };

/** True when the server did not really answer: keep the action and try again later. */
function shouldRetry(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.isOffline || error.status === 429 || error.status >= 500;
}

let running: Promise<FlushResult> | undefined;
let again = false;

/**
 * Sends the outbox from its oldest entry until it is empty or the head cannot be sent. A staff
 * action is sent only while its maker is the one signed in (see staff-outbox.ts).
 * Only one flush runs at a time in a tab (and across tabs where Web Locks exist); a call while
 * one runs makes that one look again before it ends, so a just-queued action is never missed.
 */
export function flushOutbox(sender: OutboxSender = httpSender): Promise<FlushResult> {
  if (running) {
    again = true;
    return running;
  }
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const once = async (): Promise<FlushResult> => {
    // Nothing queued, the usual case when a stream opens: no lock to take. A page's first Web
    // Lock took a cheap tablet 25 ms, in the task that opens the stream (tests/bench/README.md).
    // An action queued after this count kicks a flush of its own.
    if ((await db.outbox.count()) === 0) return { state: 'empty' };
    return locks ? locks.request('rove-outbox', () => drain(sender)) : drain(sender);
  };
  running = (async () => {
    let result: FlushResult;
    do {
      again = false;
      result = await once();
      // Look again unless offline or held: something queued meanwhile may be sendable now (an
      // entry in its Undo window made this one stop short of it).
    } while (again && (result.state === 'empty' || (result.state === 'retry' && !result.offline)));
    return result;
  })().finally(() => {
    running = undefined;
  });
  return running;
}

async function drain(sender: OutboxSender): Promise<FlushResult> {
  for (;;) {
    const now = Date.now();
    // An entry in its Undo window is passed over, not waited for: nothing after it depends on it.
    const head = await db.outbox
      .orderBy('seq')
      .filter((e) => !((e.holdUntil ?? 0) > now))
      .first();
    if (!head || head.seq === undefined) return heldOrEmpty();
    // A staff action goes only under the session of the person who made it.
    if (!isKioskEntry(head)) {
      const me = await signedInStaffId();
      if (me === undefined) return { state: 'held' };
      if (head.actorId !== me) {
        const { dropStranded } = await import('./unsent.js');
        await dropStranded(me);
        continue;
      }
    }
    if (head.notBefore > Date.now())
      return { state: 'retry', retryAt: head.notBefore, offline: false };
    try {
      if (head.action === 'create') {
        const { request, followUrl } = await sender.create(head.body as CreateRequestBody);
        await settle(head, request, followUrl);
      } else if (head.action === 'feedback') {
        await (sender.feedback ?? postFeedback)(head.requestId, head.body as FeedbackBody);
        await db.outbox.delete(head.seq);
      } else {
        const answer =
          head.action === 'interaction'
            ? await (sender.interaction ?? postInteraction)(head.body as InteractionBody)
            : await sender.act(head.requestId, head.action, head.body);
        await settle(head, answer);
      }
    } catch (error) {
      if (shouldRetry(error) || !(error instanceof ApiError)) {
        const attempts = head.attempts + 1;
        const wait =
          error instanceof ApiError && error.retryAfter
            ? error.retryAfter * 1000
            : backoffMs(attempts);
        const retryAt = Date.now() + wait;
        await db.outbox.update(head.seq, { attempts, notBefore: retryAt });
        const offline = !(error instanceof ApiError) || error.isOffline || error.status >= 502;
        const trouble = error instanceof ApiError && error.status === 503;
        return { state: 'retry', retryAt, offline, ...(trouble ? { trouble } : {}) };
      }
      // Feedback the server will not take (given already, or the request is gone) is the end
      // of it: the patron has left, and nobody is there to tell.
      if (head.action === 'feedback') await db.outbox.delete(head.seq);
      else await refuse(head, error);
    }
  }
}

/** Nothing to send now: empty, or only entries in their Undo window (look again when it ends). */
async function heldOrEmpty(): Promise<FlushResult> {
  const held = (await db.outbox.toArray()).map((e) => e.holdUntil ?? 0).filter((t) => t > 0);
  if (held.length === 0) return { state: 'empty' };
  return { state: 'retry', retryAt: Math.min(...held), offline: false };
}

/**
 * The server did it: the replica takes its answer and the entry leaves, in one transaction. A
 * kiosk's new request may come with the patron's follow link: kept in `meta` with its request
 * (db/follow-url.ts), never in the replica's request.
 */
async function settle(entry: OutboxEntry, answer: HelpRequest, followUrl?: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.requests, db.meta], async () => {
    const current = await db.requests.get(answer.id);
    if (!current || current.version <= answer.version) await db.requests.put(answer);
    await db.outbox.delete(entry.seq!);
    if (followUrl) {
      const kept: KeptFollowUrl = { requestId: answer.id, url: followUrl };
      await db.meta.put({ key: FOLLOW_URL, value: kept });
    }
  });
}

/**
 * The server refused: take its request, tell the person, and drop the actions queued after
 * this one on the same request by the same person (they depended on it: no Start after a lost
 * claim). A kiosk's refused cancel or I'm here tells nobody: the request is still what the
 * server says (the page ended, the request closed meanwhile), and the kiosk follows that; a
 * notice there would read as "your request could not be sent".
 */
async function refuse(entry: OutboxEntry, error: ApiError): Promise<void> {
  const told = !isKioskEntry(entry) || entry.action === 'create';
  // Before the transaction: waiting on anything but the database inside it would end it.
  const text = told ? (await import('./outbox-words.js')).describeRefusal(entry, error) : undefined;
  await db.transaction('rw', [db.outbox, db.requests, db.notices], async () => {
    const request = refusedRequest(error);
    if (request) {
      const current = await db.requests.get(request.id);
      if (!current || current.version <= request.version) await db.requests.put(request);
    }
    const dependent = (await db.outbox.where('requestId').equals(entry.requestId).toArray())
      .filter((e) => e.seq! > entry.seq! && e.actorId === entry.actorId)
      .map((e) => e.seq!);
    await db.outbox.bulkDelete([entry.seq!, ...dependent]);
    if (text === undefined) return;
    await db.notices.add({
      requestId: entry.requestId,
      text,
      at: new Date().toISOString(),
    });
  });
}

/** Removes a notice once the person has read it. */
export async function dismissNotice(id: number): Promise<void> {
  await db.notices.delete(id);
}
