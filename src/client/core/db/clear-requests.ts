// Forgetting the replica's requests when the device changes hands (a sign-out, an enrolment).
// Apart from replica.ts so that the enrolment screen does not load the sync code with it.
import { db } from './db.js';

/** Drops every request of the replica (sign-out on a shared tablet: no patron text stays). */
export async function clearRequests(): Promise<void> {
  await db.transaction('rw', db.requests, db.notices, db.meta, async () => {
    await db.requests.clear();
    await db.notices.clear();
    const cursors = (await db.meta.toCollection().primaryKeys()).filter((k) =>
      String(k).startsWith('lastEventId:'),
    );
    await db.meta.bulkDelete(cursors);
  });
}
