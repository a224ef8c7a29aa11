// The replica of the server's requests, topics and staff names. Every write follows one rule:
// a request row is replaced only by the same or a newer `version`, so events arriving late or
// twice (a replay, an outbox answer racing the stream) never move a request backwards.
import { db, getMeta, setMeta } from './db.js';
import type { Branch, HelpRequest, StaffName, Topic } from '../../../shared/schemas.js';
import { isOpen, type RequestStatus } from '../../../shared/request-machine.js';

/** Meta key of a stream's resume point (the last `seq` applied to the replica). */
export const cursorKey = (stream: string) => `lastEventId:${stream}`;

async function upsert(request: HelpRequest): Promise<boolean> {
  const current = await db.requests.get(request.id);
  if (current && current.version > request.version) return false;
  await db.requests.put(request);
  return true;
}

/** Stores one request as the server now has it, unless the replica already has a newer one. */
export async function upsertRequest(request: HelpRequest): Promise<boolean> {
  return db.transaction('rw', db.requests, () => upsert(request));
}

/**
 * `event: snapshot`: the open requests of `branchId` become exactly `requests` (open ones the
 * server no longer lists have closed or gone while this device was away), and the stream's
 * cursor moves to `seq` in the same transaction.
 */
export async function applySnapshot(
  stream: string,
  branchId: string | undefined,
  snapshot: { seq: number; requests: HelpRequest[] },
): Promise<void> {
  await db.transaction('rw', db.requests, db.meta, async () => {
    const listed = new Set(snapshot.requests.map((r) => r.id));
    const held = branchId
      ? await db.requests.where('branchId').equals(branchId).toArray()
      : await db.requests.toArray();
    const gone = held
      .filter((r) => isOpen(r.status as RequestStatus) && !listed.has(r.id))
      .map((r) => r.id);
    await db.requests.bulkDelete(gone);
    for (const request of snapshot.requests) await upsert(request);
    await db.meta.put({ key: cursorKey(stream), value: snapshot.seq });
    await db.meta.put({ key: 'lastSyncAt', value: new Date().toISOString() });
  });
}

/** `event: request` with `id: seq`: one change, applied with the cursor in one transaction. */
export async function applyRequestEvent(
  stream: string,
  seq: number | undefined,
  request: HelpRequest,
): Promise<void> {
  await db.transaction('rw', db.requests, db.meta, async () => {
    await upsert(request);
    if (seq !== undefined && Number.isFinite(seq)) {
      await db.meta.put({ key: cursorKey(stream), value: seq });
    }
    await db.meta.put({ key: 'lastSyncAt', value: new Date().toISOString() });
  });
}

/** Where the stream should resume from, or undefined for a fresh snapshot. */
export async function streamCursor(stream: string): Promise<number | undefined> {
  const row = await db.meta.get(cursorKey(stream));
  return typeof row?.value === 'number' ? row.value : undefined;
}

/** Forget the resume point (a new session, or the server no longer holds it). */
export async function resetStreamCursor(stream: string): Promise<void> {
  await db.meta.delete(cursorKey(stream));
}

/** The branch's topics as the server lists them (display order), replacing the stored ones. */
export async function replaceTopics(branchId: string, topics: Topic[]): Promise<void> {
  await db.transaction('rw', db.topics, async () => {
    await db.topics.where('branchId').equals(branchId).delete();
    await db.topics.bulkPut(topics);
  });
}

/** `event: topic`: one topic added or changed. */
export async function upsertTopic(topic: Topic): Promise<void> {
  await db.topics.put(topic);
}

/** The staff who may sign in on this branch's tablets, so sign-in works offline. */
export async function replaceStaffNames(branchId: string, staff: StaffName[]): Promise<void> {
  await db.transaction('rw', db.staffNames, async () => {
    await db.staffNames.where('branchId').equals(branchId).delete();
    await db.staffNames.bulkPut(staff.map((s) => ({ ...s, branchId })));
  });
}

/** When this device last heard from the server's stream (ISO time), for "as of" labels. */
export async function markSynced(): Promise<void> {
  await setMeta('lastSyncAt', new Date().toISOString());
}

const branchKey = (branchId: string) => `branch:${branchId}`;

/** The branch's name and where its service desk is, as last read (kept for offline use). */
export async function storeBranch(branch: Branch): Promise<void> {
  await setMeta(branchKey(branch.id), branch);
}

/** The stored branch info, or undefined before this device ever read it. */
export function readBranch(branchId: string): Promise<Branch | undefined> {
  return getMeta<Branch>(branchKey(branchId));
}

/** Moves the stream's cursor past an event that changes nothing kept (an alert). */
export async function passEvent(stream: string, seq: number | undefined): Promise<void> {
  if (seq !== undefined && Number.isFinite(seq))
    await db.meta.put({ key: cursorKey(stream), value: seq });
}
