// Who is on the floor, as this tablet last heard it (docs/API.md, "Presence"): the snapshot's
// list, then each `event: presence`, kept in `meta` so the list (and its age) stays readable
// offline, like the queue.
import { db } from './db.js';
import { cursorKey } from './replica.js';
import type { Presence } from '../../../shared/schemas.js';

const floorKey = (branchId: string) => `presence:${branchId}`;

/** The branch's floor as last heard: everyone signed in, by name. */
export async function readFloor(branchId: string): Promise<Presence[]> {
  return ((await db.meta.get(floorKey(branchId)))?.value as Presence[] | undefined) ?? [];
}

/** A snapshot's list replaces what was kept. */
export async function replaceFloor(branchId: string, floor: readonly Presence[]): Promise<void> {
  await db.meta.put({ key: floorKey(branchId), value: sorted(floor) });
}

/** One person's change, with the stream's cursor, in one transaction. */
export async function applyPresenceEvent(
  stream: string,
  seq: number | undefined,
  presence: Presence,
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const key = floorKey(presenceBranch(stream));
    const kept = ((await db.meta.get(key))?.value as Presence[] | undefined) ?? [];
    const others = kept.filter((p) => p.staffId !== presence.staffId);
    await db.meta.put({ key, value: sorted(presence.signedIn ? [...others, presence] : others) });
    if (seq !== undefined && Number.isFinite(seq))
      await db.meta.put({ key: cursorKey(stream), value: seq });
  });
}

/** `branch:<id>` is a tablet's stream of that branch. */
const presenceBranch = (stream: string) => stream.replace(/^branch:/, '');

const sorted = (floor: readonly Presence[]) =>
  [...floor].sort(
    (a, b) => a.displayName.localeCompare(b.displayName) || a.staffId.localeCompare(b.staffId),
  );
