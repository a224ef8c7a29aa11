// What the kiosk reads and remembers: the one request it is following for the patron in front
// of it, which survives a reload (the outbox may still hold it).
import { db, deleteMeta, getMeta, setMeta } from './db.js';
import { provisionalRequest, withPending, type PendingView } from './pending.js';
import type { Notice } from './db.js';
import { FOLLOW_URL, type KeptFollowUrl } from './follow-url.js';
import type { HelpRequest } from '../../../shared/schemas.js';

const CURRENT = 'kioskCurrentRequest';
const HELPER = 'kioskSeenHelper';

/**
 * Who the patron was last told was coming for their request, and the hand-off (by its time)
 * already behind that person: so when the request is back in line, the kiosk can say whether
 * it was handed on to a colleague (a newer hand-off) or the person was called away.
 */
export interface SeenHelper {
  requestId: string;
  displayName: string;
  /** The request's `handoff.at` while this person held it, if it had been handed on before. */
  handoffAt?: string;
}

/** The request this kiosk is showing to its patron, if any. */
export function readCurrentRequestId(): Promise<string | undefined> {
  return getMeta<string>(CURRENT);
}

export function rememberCurrentRequest(id: string): Promise<void> {
  return setMeta(CURRENT, id);
}

/** The patron left: the kiosk follows nothing (the request itself carries on). */
export async function forgetCurrentRequest(): Promise<void> {
  await Promise.all([deleteMeta(CURRENT), deleteMeta(HELPER), deleteMeta(FOLLOW_URL)]);
}

/** Who was last seen coming for request `requestId` (kept across a reload). */
export async function readSeenHelper(requestId: string): Promise<SeenHelper | undefined> {
  const seen = await getMeta<SeenHelper>(HELPER);
  return seen?.requestId === requestId ? seen : undefined;
}

export function rememberSeenHelper(seen: SeenHelper): Promise<void> {
  return setMeta(HELPER, seen);
}

export interface KioskRequestView extends PendingView {
  /** True while the server has not yet received the request at all. */
  unsent: boolean;
  /** What went wrong, if the server refused it. */
  notice?: Notice;
  /** The patron's follow link for this request (`/follow/<token>`), once the server gave one. */
  followUrl?: string;
}

/** The kiosk's request as the patron should see it, or undefined when it knows none. */
export async function readKioskRequest(
  id: string,
  branchId: string,
): Promise<KioskRequestView | undefined> {
  const [stored, entries, notice, follow] = await Promise.all([
    db.requests.get(id),
    db.outbox.where('requestId').equals(id).sortBy('seq'),
    db.notices.where('requestId').equals(id).last(),
    getMeta<KeptFollowUrl>(FOLLOW_URL),
  ]);
  const create = entries.find((e) => e.action === 'create');
  const base = stored ?? (create ? provisionalRequest(create, branchId) : undefined);
  if (!base) return notice ? { ...closedStub(id, branchId), notice } : undefined;
  const view = withPending(
    base,
    entries.filter((e) => e.action !== 'create'),
  );
  const followUrl = follow?.requestId === id ? follow.url : undefined;
  return { ...view, unsent: !stored, notice, ...(followUrl ? { followUrl } : {}) };
}

function closedStub(id: string, branchId: string): PendingView & { unsent: boolean } {
  return {
    request: {
      id,
      branchId,
      ticket: '',
      topicId: '',
      skill: '',
      status: 'cancelled',
      needs: [],
      version: 0,
      createdAt: new Date(0).toISOString(),
    },
    pending: [],
    unsent: false,
  };
}

/** How long a page shows on the kiosk after the rover sent it (docs/API.md, "Paging"). */
export const PAGE_SHOWS_MS = 120_000;

/**
 * The requests this kiosk made that a rover is paging the patron for now: claimed, paged, not
 * yet answered "I'm here" (a `here` still in the outbox counts as answered), and paged less
 * than PAGE_SHOWS_MS before `now`. The latest page first. A kiosk's replica holds only its own
 * requests, so these are all its own patrons'.
 */
export async function readPagedRequests(
  branchId: string,
  now = Date.now(),
): Promise<HelpRequest[]> {
  const claimed = await db.requests.where('status').equals('claimed').toArray();
  const paged = await Promise.all(
    claimed
      .filter((r) => r.branchId === branchId && isPaged(r, now))
      .map(async (r) => {
        const entries = await db.outbox.where('requestId').equals(r.id).sortBy('seq');
        return withPending(r, entries).request;
      }),
  );
  return paged.filter((r) => isPaged(r, now)).sort((a, b) => b.pagedAt!.localeCompare(a.pagedAt!));
}

function isPaged(request: HelpRequest, now: number): boolean {
  if (request.status !== 'claimed' || !request.pagedAt) return false;
  if (request.patronHereAt && request.patronHereAt >= request.pagedAt) return false;
  return now - Date.parse(request.pagedAt) < PAGE_SHOWS_MS;
}
