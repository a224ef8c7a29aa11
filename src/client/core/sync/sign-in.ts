// A staff member signs in or out on a tablet (enroll.ts enrolls the device itself). Kept apart
// from session.ts, which every screen's first load reads.
import { signInStaff, type Session } from '../api/session.js';
import { SESSION_KEY as KEY, db, getMeta, setMeta } from '../db/db.js';
import { flushOutbox } from '../db/outbox.js';
import { clearRequests } from '../db/clear-requests.js';
import { signedInStaffId } from '../db/staff-outbox.js';
import { discardUnsentFor, readUnsentFor, retryNowFor, type UnsentAction } from '../db/unsent.js';
import { forgetOwedSignOut, oweSignOut, payOwedSignOut } from './owed-sign-out.js';

/**
 * Signs a staff member in on this tablet and remembers the new session. A sign-out still owed
 * is sent first; if it could not be, the server ends that session anyway when the sign-in's
 * cookie replaces it, so it is owed no more.
 */
export async function signIn(staffId: string, pin: string): Promise<Session> {
  await payOwedSignOut();
  const previous = (await getMeta<Session>(KEY)) ?? { role: 'tablet' as const };
  const { staff } = await signInStaff(staffId, pin);
  const session: Session = { ...previous, role: 'staff', staff };
  await db.transaction('rw', db.meta, async () => {
    await setMeta(KEY, session);
    await forgetOwedSignOut();
  });
  return session;
}

/**
 * Before signing out: the signed-in person's actions that have not reached the server. When
 * the browser is online it first tries to send them, so what remains could not be sent.
 */
export async function unsentBeforeSignOut(): Promise<UnsentAction[]> {
  const me = await signedInStaffId();
  if (!me || (await readUnsentFor(me)).length === 0) return [];
  if (typeof navigator === 'undefined' || navigator.onLine) {
    await retryNowFor(me);
    await flushOutbox();
  }
  return readUnsentFor(me);
}

/**
 * Ends the staff session. The tablet forgets the person and the queue it held (patron text
 * must not outlive the person it was shown to) at once, and owes the server the sign-out
 * until it has answered (see owed-sign-out.ts). With `discard`, the person's unsent actions
 * are removed and answered, so the screen can say so; without it they wait for that same
 * person to sign in again, and are dropped with a notice if someone else signs in first: they
 * are never sent under another session.
 */
export async function signOut({ discard = false } = {}): Promise<UnsentAction[]> {
  const previous = await getMeta<Session>(KEY);
  const me = previous?.role === 'staff' ? previous.staff?.id : undefined;
  await db.transaction('rw', db.meta, async () => {
    await setMeta(KEY, { ...previous, role: previous?.device ? 'tablet' : null, staff: undefined });
    await oweSignOut(me);
  });
  // After the session is forgotten, so the flusher can send none of these in the meantime.
  const discarded = discard && me ? await discardUnsentFor(me) : [];
  await clearRequests();
  if (!(await payOwedSignOut())) {
    console.warn('Signed out on this tablet; the server will be told when it can be reached');
  }
  return discarded;
}
