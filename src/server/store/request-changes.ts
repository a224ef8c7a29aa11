// What each action changes on a request, as SQL for an UPDATE's SET, and the state machine's
// rules for staff as the one-statement guard needs them (request-actions.ts uses both).
import type { ActionBody } from '../../shared/schemas.js';
import {
  allowedFrom,
  holderOnly,
  resultOf,
  type Actor,
  type RequestAction,
  type RequestStatus,
} from '../../shared/request-machine.js';

/** Columns set as a request starts waiting again (released, handed on): a fresh count. */
const WAIT_STARTS =
  'waiting_since = now(), escalations = 0, escalated_at = NULL, paged_at = NULL, patron_here_at = NULL';
/** Columns set as its wait ends (claimed): no more alerts, and none shown. */
const WAIT_ENDS =
  'waiting_since = NULL, escalations = 0, escalated_at = NULL, paged_at = NULL, patron_here_at = NULL';

/**
 * What `action` sets on request `r`: SQL for UPDATE's SET (not the version) and its
 * parameters, numbered from $2 ($1 is the request's id).
 */
export function setFor(
  action: RequestAction,
  actor: Actor,
  body: ActionBody<RequestAction>,
): { sql: string; params: unknown[] } {
  const staff = actor.kind === 'staff' ? actor : undefined;
  switch (action) {
    case 'claim':
      return {
        sql: `status = 'claimed', claimed_by_id = $2, claimed_by_name = $3, claimed_at = now(),
           first_claimed_at = COALESCE(first_claimed_at, now()),
           handed_off = handed_off OR (origin = 'walk-up' AND created_by_id IS DISTINCT FROM $2),
           ${WAIT_ENDS}`,
        params: [staff!.staffId, staff!.displayName],
      };
    case 'release':
      return {
        sql: `status = 'waiting', claimed_by_id = NULL, claimed_by_name = NULL, claimed_at = NULL,
           ${WAIT_STARTS}`,
        params: [],
      };
    case 'start':
      return { sql: "status = 'serving', served_at = now()", params: [] };
    case 'resolve': {
      const { outcome, effort } = body as ActionBody<'resolve'>;
      return {
        sql: "status = 'done', outcome = $2, effort = $3, closed_at = now(), paged_at = NULL",
        params: [outcome, effort ?? null],
      };
    }
    case 'transfer': {
      const { skill } = body as ActionBody<'transfer'>;
      const handoff = {
        from: { id: staff!.staffId, displayName: staff!.displayName },
        at: new Date().toISOString(),
      };
      return {
        sql: `status = 'waiting', skill = $2, handoff = $3::jsonb, claimed_by_id = NULL,
           claimed_by_name = NULL, claimed_at = NULL, served_at = NULL,
           handoff_skills = handoff_skills || jsonb_build_array($2::text),
           handed_off = handed_off OR origin = 'walk-up', ${WAIT_STARTS}`,
        params: [skill, JSON.stringify(handoff)],
      };
    }
    case 'cancel':
      return {
        sql: "status = 'cancelled', closed_at = now(), cancelled_by = $2, paged_at = NULL",
        params: [actor.kind],
      };
    case 'page':
      return { sql: 'paged_at = now(), patron_here_at = NULL', params: [] };
    case 'here':
      return { sql: 'paged_at = NULL, patron_here_at = now()', params: [] };
  }
}

/** The statuses in which a request has a holder (its claimer is busy with it). */
const HELD: readonly RequestStatus[] = ['claimed', 'serving'];

/**
 * What the state machine (request-machine.ts) lets a staff member do, for `actAtOnce`'s SQL:
 * per action, the statuses it may start from, those of them only the claimer may act from,
 * whether the actor holds the request afterwards, and the statuses from which that changes
 * whether the actor is busy (the floor hears it). Derived from the machine's table, never
 * restated, so the guard and `decide` cannot drift apart.
 */
export function staffRule(action: RequestAction) {
  const from = allowedFrom(action);
  const mine = from.filter((status) => holderOnly(action, status));
  const holdsAfter = HELD.includes(resultOf(action));
  const heldBefore = (status: RequestStatus) => HELD.includes(status) && mine.includes(status);
  const floorFrom = from.filter((status) => heldBefore(status) !== holdsAfter);
  return { from, mine, holdsAfter, floorFrom };
}
