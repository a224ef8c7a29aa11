// Walk-ups on the tablet: a greeter sending for a specialist, a rover taking one on at once, and
// an answer given on the spot ("I helped someone"), all through the outbox like any action (so
// they work offline and are sent only under the session of whoever made them); what the greeter
// sent, with who is coming; and the choices the tablet remembers for next time.
import { db, getMeta, setMeta, type OutboxEntry } from './db.js';
import { enqueue, type Actor } from './outbox.js';
import { newId } from './ids.js';
import { whileNotSending } from './unsent.js';
import type { CreateRequestBody, HelpRequest, InteractionBody } from '../../../shared/schemas.js';
import { isOpen, type RequestStatus } from '../../../shared/request-machine.js';

/** How long an answer given on the spot waits before it is sent, so Undo can take it back. */
export const UNDO_MS = 8000;

/** What the walk-up form asks for (the request's id, origin and maker are added here). */
export type WalkUpFields = Pick<
  CreateRequestBody,
  'topicId' | 'name' | 'note' | 'language' | 'zone' | 'claim'
>;

/**
 * A walk-up: waiting for whoever has the skill (a greeter sending for a specialist), or with
 * `claim` taken by `actor` at once. Answers the new request's id.
 */
export async function queueWalkUp(fields: WalkUpFields, actor: Actor): Promise<string> {
  const id = newId();
  const body: CreateRequestBody = { id, origin: 'walk-up', topicId: fields.topicId };
  for (const key of ['name', 'note', 'language', 'zone'] as const) {
    const value = fields[key]?.trim();
    if (value) body[key] = value;
  }
  if (fields.claim) body.claim = true;
  await enqueue({
    opId: id,
    requestId: id,
    action: 'create',
    body,
    actorId: actor.id,
    actorName: actor.displayName,
  });
  return id;
}

/**
 * An answer given on the spot. It stays on the tablet for UNDO_MS first (see undoInteraction),
 * then goes like any action. Answers its opId, which Undo needs.
 */
export async function queueInteraction(
  fields: Omit<InteractionBody, 'id'>,
  actor: Actor,
): Promise<string> {
  const id = newId();
  await enqueue({
    opId: id,
    requestId: id,
    action: 'interaction',
    body: { ...fields, id },
    actorId: actor.id,
    actorName: actor.displayName,
    holdUntil: Date.now() + UNDO_MS,
  });
  return id;
}

/**
 * Takes back an answer given on the spot that has not reached the server: true when it was
 * removed, false when it was already sent (it then counts; the server keeps no way to undo it).
 */
export function undoInteraction(opId: string): Promise<boolean> {
  return whileNotSending(async () => (await db.outbox.where('opId').equals(opId).delete()) > 0);
}

/**
 * The patron left: a walk-up still on the tablet is simply dropped (with anything queued on
 * it); one the server has is cancelled through the outbox. Answers 'dropped' or 'queued'.
 */
export function cancelWalkUp(requestId: string, actor: Actor): Promise<'dropped' | 'queued'> {
  return whileNotSending(async () => {
    const entries = await db.outbox.where('requestId').equals(requestId).toArray();
    if (entries.some((e) => e.action === 'create')) {
      await db.outbox.bulkDelete(entries.map((e) => e.seq!));
      return 'dropped';
    }
    const opId = newId();
    await enqueue({
      opId,
      requestId,
      action: 'cancel',
      body: { opId },
      actorId: actor.id,
      actorName: actor.displayName,
    });
    return 'queued';
  });
}

/** A walk-up still in the outbox, as the queue shows it until the server answers (no ticket). */
function provisionalWalkUp(entry: OutboxEntry, branchId: string): HelpRequest {
  const body = entry.body as unknown as CreateRequestBody;
  const maker = { id: entry.actorId ?? '', displayName: entry.actorName ?? '' };
  const request: HelpRequest = {
    id: entry.requestId,
    branchId,
    ticket: '',
    topicId: body.topicId,
    skill: '',
    status: body.claim ? 'claimed' : 'waiting',
    needs: [],
    origin: 'walk-up',
    createdBy: maker,
    version: 0,
    createdAt: entry.createdAt,
  };
  if (body.claim) request.claimedBy = maker;
  for (const key of ['name', 'note', 'language', 'zone'] as const) {
    if (body[key]) request[key] = body[key];
  }
  return request;
}

/** The walk-ups this tablet's staff started that the server does not have yet. */
export function unsentWalkUps(
  outbox: readonly OutboxEntry[],
  branchId: string,
  stored: ReadonlySet<string>,
): HelpRequest[] {
  return outbox
    .filter((e) => e.action === 'create' && e.actorId !== undefined && !stored.has(e.requestId))
    .map((e) => provisionalWalkUp(e, branchId));
}

/** How long a finished hand-off stays in the greeter's list ("Kim helped them"). */
const SENT_KEPT_MS = 15 * 60_000;

/** A walk-up the greeter sent, with whether it is still on the tablet only. */
export interface SentWalkUp {
  request: HelpRequest;
  unsent: boolean;
}

/**
 * What `staffId` sent for someone else at `branchId`, newest first: open ones, and those that
 * ended in the last SENT_KEPT_MS (`now`). Not those they hold or answered themselves.
 */
export async function readSentWalkUps(
  branchId: string,
  staffId: string,
  now = Date.now(),
): Promise<SentWalkUp[]> {
  const [requests, outbox] = await Promise.all([
    db.requests.where('branchId').equals(branchId).toArray(),
    db.outbox.orderBy('seq').toArray(),
  ]);
  const ids = new Set(requests.map((r) => r.id));
  const pendingCancel = new Set(
    outbox.filter((e) => e.action === 'cancel').map((e) => e.requestId),
  );
  const sent = (request: HelpRequest) =>
    request.createdBy?.id === staffId && request.claimedBy?.id !== staffId;
  const recent = (request: HelpRequest) =>
    isOpen(request.status as RequestStatus) ||
    now - Date.parse(request.closedAt ?? request.createdAt) < SENT_KEPT_MS;
  const stored = requests
    .filter((r) => sent(r) && recent(r))
    .map((r) => ({
      request: pendingCancel.has(r.id) ? { ...r, status: 'cancelled' as const } : r,
      unsent: false,
    }));
  const waiting = unsentWalkUps(outbox, branchId, ids)
    .filter(sent)
    .map((request) => ({ request, unsent: true }));
  return [...stored, ...waiting].sort((a, b) =>
    b.request.createdAt.localeCompare(a.request.createdAt),
  );
}

/** The effort and language "I helped someone" used last on this tablet (its defaults next time). */
export interface HelpedChoices {
  effort?: number;
  language?: string;
}

const HELPED_KEY = 'helpedChoices';
const ZONES_KEY = 'walkUpZones';

export async function readHelpedChoices(): Promise<HelpedChoices> {
  return (await getMeta<HelpedChoices>(HELPED_KEY)) ?? {};
}

export async function rememberHelpedChoices(choices: HelpedChoices): Promise<void> {
  await setMeta(HELPED_KEY, choices);
}

/** Places on the floor this tablet sent from lately, the last one first (a greeter stays put). */
export async function readRecentZones(): Promise<string[]> {
  return (await getMeta<string[]>(ZONES_KEY)) ?? [];
}

export async function rememberZone(zone: string): Promise<void> {
  const recent = (await readRecentZones()).filter((z) => z !== zone);
  await setMeta(ZONES_KEY, [zone, ...recent].slice(0, 6));
}
