// A sign-out the server has not heard yet. Signing out forgets the rover on the tablet at once;
// the server is told with `DELETE /api/session?staffId=`. Until it has answered, the tablet
// remembers in its meta that it owes it, sends it when the network is back and on every load,
// and never takes that session for signed in (the HttpOnly cookie still holds it).
import { ApiError } from '../http.js';
import { signOutStaff, type Session } from '../api/session.js';
import { db, getMeta } from '../db/db.js';

/** The meta key of the sign-out this device owes the server, if any. */
export const OWED_SIGN_OUT_KEY = 'signOutOwed';

interface OwedSignOut {
  /** Whose session it ends; absent when the tablet did not know who was signed in. */
  staffId?: string;
  /** When they signed out (ISO); also tells this owed sign-out from a later one. */
  at: string;
}

export function readOwedSignOut(): Promise<OwedSignOut | undefined> {
  return getMeta<OwedSignOut>(OWED_SIGN_OUT_KEY);
}

/** Remembers that `staffId`'s sign-out is owed. Call inside the transaction that forgets them. */
export async function oweSignOut(staffId: string | undefined): Promise<void> {
  const owed: OwedSignOut = { at: new Date().toISOString() };
  if (staffId !== undefined) owed.staffId = staffId;
  await db.meta.put({ key: OWED_SIGN_OUT_KEY, value: owed });
}

/** Forgets what is owed: a new sign-in's cookie has ended that session on the server. */
export async function forgetOwedSignOut(): Promise<void> {
  await db.meta.delete(OWED_SIGN_OUT_KEY);
}

/** True when the server answered for good: done, or (401) the session was already over. */
function answered(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return !error.isOffline && error.status !== 429 && error.status < 500;
}

async function pay(): Promise<boolean> {
  const owed = await readOwedSignOut();
  if (!owed) return true;
  try {
    await signOutStaff(owed.staffId);
  } catch (error) {
    if (!answered(error)) return false;
  }
  await db.transaction('rw', db.meta, async () => {
    // A later sign-out owed meanwhile is another one: it stays until it is sent.
    if ((await readOwedSignOut())?.at === owed.at) await forgetOwedSignOut();
  });
  return true;
}

let paying: Promise<boolean> | undefined;

/**
 * Sends the sign-out this device owes, if any, once: calls made while it is on its way share
 * it (and other tabs wait for it, where Web Locks exist). Answers true when nothing is owed
 * any more, false when the server could not be reached (it stays owed).
 */
export function payOwedSignOut(): Promise<boolean> {
  if (paying) return paying;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const once: Promise<boolean> = locks
    ? locks.request('rove-sign-out', () => pay()).then((paid) => paid)
    : pay();
  const current = once.finally(() => {
    paying = undefined;
  });
  paying = current;
  return current;
}

/** Pays what is owed each time `target` (the window) says the network is back. */
export function payOwedSignOutWhenOnline(target: EventTarget = window): () => void {
  const online = () => void payOwedSignOut();
  target.addEventListener('online', online);
  return () => target.removeEventListener('online', online);
}

/**
 * The server's answer to "who is this?", less the session whose sign-out is still owed: that
 * rover signed out here, whatever the cookie still says.
 */
export async function withoutOwedSession(session: Session): Promise<Session> {
  if (session.role !== 'staff') return session;
  const owed = await readOwedSignOut();
  if (!owed || (owed.staffId !== undefined && owed.staffId !== session.staff?.id)) return session;
  return { ...session, role: session.device ? 'tablet' : null, staff: undefined };
}
