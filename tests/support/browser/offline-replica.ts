// The kiosk and tablet views in component tests run with no server: every fetch fails as with
// the network down, and what they show comes from a Dexie replica each test starts afresh.
import { db } from '../../../src/client/core/db/db.js';
import type { StaffName, Topic } from '../../../src/shared/schemas.js';

/** A fetch with the network down. */
export const networkDown = () => Promise.reject(new TypeError('Failed to fetch'));

/**
 * Call inside a `describe`: before each of its tests the network is down and the replica is
 * empty but for `topics` and the names of `staff` (as branch `main`'s); after each, the page's
 * own fetch is back.
 */
export function offlineWithReplica(fill: { topics?: Topic[]; staff?: StaffName[] } = {}): void {
  const realFetch = window.fetch;
  beforeEach(async () => {
    window.fetch = networkDown;
    await Promise.all([
      db.requests.clear(),
      db.outbox.clear(),
      db.notices.clear(),
      db.meta.clear(),
      db.staffNames.clear(),
      db.topics.clear(),
    ]);
    await db.topics.bulkPut(fill.topics ?? []);
    await db.staffNames.bulkPut((fill.staff ?? []).map((s) => ({ ...s, branchId: 'main' })));
  });
  afterEach(() => {
    window.fetch = realFetch;
  });
}
