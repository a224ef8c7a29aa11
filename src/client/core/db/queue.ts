// What the rover's tablet reads: the branch's open requests with pending actions applied, the
// notices about refused actions, and how old the last-known queue is.
import { db, getMeta } from './db.js';
import { withPending, type PendingView } from './pending.js';
import { unsentWalkUps } from './walk-ups.js';
import type { Notice } from './db.js';
import type { HelpRequest, Skill, StaffName } from '../../../shared/schemas.js';
import { isOpen, type RequestStatus } from '../../../shared/request-machine.js';

/**
 * The branch's open requests, oldest first, as they will be once the outbox is sent; walk-ups
 * started on this tablet show before the server has them.
 */
export async function readQueue(branchId: string): Promise<PendingView[]> {
  const [stored, outbox] = await Promise.all([
    db.requests.where('branchId').equals(branchId).toArray(),
    db.outbox.orderBy('seq').toArray(),
  ]);
  const ids = new Set(stored.map((r) => r.id));
  const requests = [...stored, ...unsentWalkUps(outbox, branchId, ids)];
  return requests
    .map((request) =>
      withPending(
        request,
        outbox.filter((e) => e.requestId === request.id),
      ),
    )
    .filter((view) => isOpen(view.request.status as RequestStatus) || view.pending.length > 0)
    .sort((a, b) => byAge(a.request, b.request));
}

const byAge = (a: HelpRequest, b: HelpRequest) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.ticket.localeCompare(b.ticket);

/** Messages about this device's refused actions, newest first. */
export async function readNotices(): Promise<Notice[]> {
  return (await db.notices.toArray()).reverse();
}

export async function readStaffNames(branchId: string): Promise<StaffName[]> {
  const names = await db.staffNames.where('branchId').equals(branchId).toArray();
  return names
    .map(({ id, displayName, skills }) => ({ id, displayName, skills }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function readSkills(): Promise<Skill[]> {
  return (await getMeta<Skill[]>('skills')) ?? [];
}

/** ISO time the stream last brought news (or a snapshot), if ever. */
export async function readLastSync(): Promise<string | undefined> {
  return getMeta<string>('lastSyncAt');
}
