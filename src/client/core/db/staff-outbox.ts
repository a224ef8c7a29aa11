// Whose outbox entry is whose: a staff action is sent only under the session of the staff
// member who made it. Entries of someone no longer signed in are never sent under another
// session: the person signing out either waits for theirs or discards them, and a flush drops
// another person's (unsent.ts, which the outbox loads only when it meets such an entry).
import type { Session } from '../api/session.js';
import { SESSION_KEY, getMeta, type OutboxEntry } from './db.js';

/** The staff member this device is signed in as, per its remembered session, if any. */
export async function signedInStaffId(): Promise<string | undefined> {
  const session = await getMeta<Session>(SESSION_KEY);
  return session?.role === 'staff' ? session.staff?.id : undefined;
}

/** A kiosk's own entry (its new request, its patron's cancel or I'm here): no staff made it. */
export function isKioskEntry(entry: OutboxEntry): boolean {
  return (
    entry.actorId === undefined &&
    (entry.action === 'create' ||
      entry.action === 'cancel' ||
      entry.action === 'here' ||
      entry.action === 'feedback')
  );
}
