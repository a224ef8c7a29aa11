// What a request will look like once the actions waiting in the outbox reach the server: the
// views show this (marked pending), so a rover offline can claim and then start at once.
import type { OutboxAction, OutboxEntry } from './db.js';
import {
  availableActions,
  decide,
  type Actor,
  type RequestAction,
  type RequestFacts,
} from '../../../shared/request-machine.js';
import type { HelpRequest } from '../../../shared/schemas.js';

/** A request as the person should see it, with the actions not yet answered. */
export interface PendingView {
  request: HelpRequest;
  /** Queued actions on it, oldest first; empty when the server has everything. */
  pending: OutboxAction[];
}

/** Applies queued actions, in order, to the server's request (pure: no Dexie here). */
export function withPending(request: HelpRequest, entries: readonly OutboxEntry[]): PendingView {
  let shown: HelpRequest = request;
  for (const entry of entries) shown = applyOne(shown, entry);
  return { request: shown, pending: entries.map((e) => e.action) };
}

/** A kiosk's request that only exists in its outbox so far (no ticket until the server answers). */
export function provisionalRequest(entry: OutboxEntry, branchId: string): HelpRequest {
  const body = entry.body as { topicId?: string; name?: string; needs?: string[] };
  return {
    id: entry.requestId,
    branchId,
    ticket: '',
    topicId: body.topicId ?? '',
    skill: '',
    status: 'waiting',
    name: body.name,
    needs: body.needs ?? [],
    version: 0,
    createdAt: entry.createdAt,
  };
}

/** Stands for "this kiosk" when a kiosk's own queued cancel is checked against the rules. */
const THIS_KIOSK = 'this-kiosk';

/** The request as the shared rules see it. */
function factsOf(request: HelpRequest, kioskId: string | null = null): RequestFacts {
  const claimer = request.claimedBy;
  return {
    branchId: request.branchId,
    status: request.status,
    kioskId,
    claimedBy: claimer ? { id: claimer.id ?? '', displayName: claimer.displayName } : null,
    pagedAt: request.pagedAt ?? null,
  };
}

/**
 * What the shared state machine (src/shared/request-machine.ts) lets `entry` do to `request`,
 * applied as the server will apply it; an action it refuses changes nothing here either.
 */
function applyOne(request: HelpRequest, entry: OutboxEntry): HelpRequest {
  if (entry.action === 'create' || entry.action === 'interaction' || entry.action === 'feedback')
    return request;
  const me = entry.actorId ? { id: entry.actorId, displayName: entry.actorName ?? '' } : undefined;
  const actor: Actor = me
    ? { kind: 'staff', staffId: me.id, displayName: me.displayName, branchIds: [request.branchId] }
    : { kind: 'kiosk', deviceId: THIS_KIOSK, branchId: request.branchId };
  const decision = decide(factsOf(request, me ? null : THIS_KIOSK), entry.action, actor);
  if (!decision.ok) return request;
  const shown: HelpRequest = { ...request, status: decision.to };
  if (entry.action === 'claim') shown.claimedBy = me;
  if (entry.action === 'release') shown.claimedBy = undefined;
  if (entry.action === 'page') shown.pagedAt = entry.createdAt;
  if (entry.action === 'here') {
    shown.pagedAt = undefined;
    shown.patronHereAt = entry.createdAt;
  }
  if (entry.action === 'transfer') {
    shown.claimedBy = undefined;
    if (typeof entry.body.skill === 'string') shown.skill = entry.body.skill;
  }
  return shown;
}

/**
 * The actions `staff` may take on `request` now, by the same rules the server applies: the
 * buttons a tablet shows. Without `staff`, as any staff member of its branch.
 */
export function actionsFor(
  request: HelpRequest,
  staff?: { id?: string; displayName: string },
): RequestAction[] {
  const actor: Actor = {
    kind: 'staff',
    staffId: staff?.id ?? '',
    displayName: staff?.displayName ?? '',
    branchIds: [request.branchId],
  };
  return availableActions(factsOf(request), actor);
}
