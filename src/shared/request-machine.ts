// The help-request state machine (docs/API.md, "Actions") as pure functions: the server uses it to
// decide, the client to show only the actions that can succeed. Imports no runtime code.

export const REQUEST_STATUSES = ['waiting', 'claimed', 'serving', 'done', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = [
  'claim',
  'release',
  'start',
  'resolve',
  'transfer',
  'cancel',
  'page',
  'here',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const OUTCOMES = ['answered', 'referred', 'follow-up', 'no-show'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** How a question answered on the spot ended (`POST /api/interactions`): never a no-show. */
export const ON_THE_SPOT_OUTCOMES = ['answered', 'referred', 'follow-up'] as const;
export type OnTheSpotOutcome = (typeof ON_THE_SPOT_OUTCOMES)[number];

/** Where a request came from: a patron at a kiosk, or staff for a patron in front of them. */
export const ORIGINS = ['kiosk', 'walk-up'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Statuses a request may still leave; the queue shows only these. */
const OPEN_STATUSES: readonly RequestStatus[] = ['waiting', 'claimed', 'serving'];

export function isOpen(status: RequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Who is acting. Admins act through their own calls, never on requests. */
export type Actor =
  | { kind: 'kiosk'; deviceId: string; branchId: string }
  | { kind: 'staff'; staffId: string; displayName: string; branchIds: readonly string[] }
  | { kind: 'admin' };

/** The parts of a request the rules look at. */
export interface RequestFacts {
  branchId: string;
  status: RequestStatus;
  /** The kiosk that made it; null for a walk-up (staff made it). */
  kioskId: string | null;
  claimedBy: { id: string; displayName: string } | null;
  /** When the claimer paged the patron at the kiosk, while that page is outstanding. */
  pagedAt?: string | null;
}

const FROM: Record<RequestAction, readonly RequestStatus[]> = {
  claim: ['waiting'],
  release: ['claimed'],
  start: ['claimed'],
  resolve: ['claimed', 'serving'],
  transfer: ['claimed', 'serving'],
  cancel: ['waiting', 'claimed'],
  page: ['claimed'],
  here: ['claimed'],
};

const TO: Record<RequestAction, RequestStatus> = {
  claim: 'claimed',
  release: 'waiting',
  start: 'serving',
  resolve: 'done',
  transfer: 'waiting',
  cancel: 'cancelled',
  page: 'claimed',
  here: 'claimed',
};

type Decision =
  { ok: true; to: RequestStatus } | { ok: false; code: 'forbidden' | 'conflict'; message: string };

/**
 * May `actor` take `action` on `request` now?
 * `forbidden` means the actor may never do this to this request (wrong role or branch);
 * `conflict` means the request's state does not allow it now (someone else holds it, it is closed).
 */
export function decide(request: RequestFacts, action: RequestAction, actor: Actor): Decision {
  const forbidden = (message: string): Decision => ({ ok: false, code: 'forbidden', message });
  const conflict = (message: string): Decision => ({ ok: false, code: 'conflict', message });

  if (actor.kind === 'admin') {
    if (action !== 'cancel')
      return forbidden('Requests are served by staff; the admin account may only cancel one');
  } else if (actor.kind === 'kiosk') {
    // A kiosk (or the patron's follow link, which acts as its kiosk) cancels, or answers a page.
    if (action !== 'cancel' && action !== 'here')
      return forbidden(`A kiosk cannot ${action} a request`);
    if (actor.deviceId !== request.kioskId)
      return forbidden('This request was made on another kiosk');
  } else if (!actor.branchIds.includes(request.branchId)) {
    return forbidden('This request belongs to a branch you do not work in');
  } else if (!staffMay(action)) {
    return forbidden('Only the patron says they are here, at the kiosk or on their phone');
  }

  if (!FROM[action].includes(request.status)) {
    return conflict(describeRefusal(request, action));
  }
  if (action === 'here' && !request.pagedAt) {
    return conflict('Nobody is looking for this patron at the kiosk right now');
  }
  if (
    actor.kind === 'staff' &&
    holderOnly(action, request.status) &&
    request.claimedBy?.id !== actor.staffId
  ) {
    const who = request.claimedBy?.displayName ?? 'Someone else';
    return conflict(
      action === 'cancel'
        ? `${who} has this request; only they, the patron's kiosk or a supervisor can cancel it`
        : `${who} has this request`,
    );
  }
  return { ok: true, to: TO[action] };
}

/** Whether staff (of the request's branch) may ever take `action`: all but the patron's "here". */
export function staffMay(action: RequestAction): boolean {
  return action !== 'here';
}

/** The statuses `action` may start from, as the machine's table has them. */
export function allowedFrom(action: RequestAction): readonly RequestStatus[] {
  return FROM[action];
}

/** The status `action` leaves a request in. */
export function resultOf(action: RequestAction): RequestStatus {
  return TO[action];
}

/**
 * Whether, of staff, only the request's claimer may take `action` from `status`. Only the one
 * who holds a request works it; a waiting request anyone of the branch may cancel, a claimed
 * one only its claimer (or its kiosk, or an admin): a colleague does not call off someone's
 * walk to a patron.
 */
export function holderOnly(action: RequestAction, status: RequestStatus): boolean {
  return action !== 'claim' && action !== 'here' && (action !== 'cancel' || status === 'claimed');
}

function describeRefusal(request: RequestFacts, action: RequestAction): string {
  if (request.status === 'done') return 'This request has already been resolved';
  if (request.status === 'cancelled') return 'This request was cancelled';
  if (action === 'claim' && request.claimedBy) {
    return `${request.claimedBy.displayName} already claimed this request`;
  }
  return `Cannot ${action} a request that is ${request.status}`;
}

/** The actions a staff member can take on a request right now, for showing buttons. */
export function availableActions(request: RequestFacts, actor: Actor): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => decide(request, action, actor).ok);
}
