// The branch's notices to waiting patrons, as this device last heard them (docs/API.md,
// "Notices"): the snapshot's list, then each `event: notice`, kept in `meta` so an offline
// kiosk still shows a notice until it ends.
import { db } from './db.js';
import { cursorKey } from './replica.js';
import type { Notice } from '../../../shared/schemas.js';

const noticesKey = (branchId: string) => `notices:${branchId}`;

/** The notices still showing at `now` (epoch ms), soonest to end first. */
export async function readBranchNotices(branchId: string, now = Date.now()): Promise<Notice[]> {
  const kept = ((await db.meta.get(noticesKey(branchId)))?.value as Notice[] | undefined) ?? [];
  return kept.filter((n) => Date.parse(n.until) > now);
}

/** A snapshot's list replaces what was kept. */
export async function replaceBranchNotices(
  branchId: string,
  notices: readonly Notice[],
): Promise<void> {
  await db.meta.put({ key: noticesKey(branchId), value: sorted(notices) });
}

/** A notice posted or withdrawn, with the stream's cursor, in one transaction. */
export async function applyNoticeEvent(
  stream: string,
  seq: number | undefined,
  notice: Notice,
  withdrawn: boolean,
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const key = noticesKey(notice.branchId);
    const kept = ((await db.meta.get(key))?.value as Notice[] | undefined) ?? [];
    const others = kept.filter((n) => n.id !== notice.id && Date.parse(n.until) > Date.now());
    await db.meta.put({ key, value: sorted(withdrawn ? others : [...others, notice]) });
    if (seq !== undefined && Number.isFinite(seq))
      await db.meta.put({ key: cursorKey(stream), value: seq });
  });
}

const sorted = (notices: readonly Notice[]) =>
  [...notices].sort((a, b) => a.until.localeCompare(b.until) || a.id.localeCompare(b.id));
