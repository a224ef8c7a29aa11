// Who this device is, remembered in Dexie so a kiosk or tablet that restarts with no network
// still knows its branch and who was signed in.
import { ApiError } from '../api/http.js';
import {
  enrollDevice,
  fetchSession,
  signInStaff,
  signOutStaff,
  type Role,
  type Session,
} from '../api/session.js';
import { getMeta, setMeta } from '../db/db.js';
import { clearRequests } from '../db/replica.js';

const KEY = 'session';

/**
 * Asks the server who we are; with no server, answers what it said last time.
 * `offline` tells the caller the answer is remembered, not fresh.
 */
export async function loadSession(): Promise<Session & { offline?: boolean }> {
  try {
    const session = await fetchSession();
    await setMeta(KEY, session);
    return session;
  } catch (error) {
    if (error instanceof ApiError && !error.isOffline) throw error;
    const remembered = await getMeta<Session>(KEY);
    return { ...(remembered ?? { role: null }), offline: true };
  }
}

/** Signs a staff member in on this tablet and remembers the new session. */
export async function signIn(staffId: string, pin: string): Promise<Session> {
  const previous = (await getMeta<Session>(KEY)) ?? { role: 'tablet' as const };
  const { staff } = await signInStaff(staffId, pin);
  const session: Session = { ...previous, role: 'staff', staff };
  await setMeta(KEY, session);
  return session;
}

/**
 * Ends the staff session. The tablet forgets the queue it held (patron text must not outlive
 * the person it was shown to); actions still in the outbox stay and are sent.
 */
export async function signOut(): Promise<void> {
  const previous = await getMeta<Session>(KEY);
  await setMeta(KEY, { ...previous, role: previous?.device ? 'tablet' : null, staff: undefined });
  await clearRequests();
  try {
    await signOutStaff();
  } catch (error) {
    console.warn('Signed out on this tablet; the server will hear when it is back', error);
  }
}

/**
 * Enrolls this browser with a supervisor's code. A new device starts with a clean replica, so
 * nothing of a previous enrollment (another branch's queue) shows.
 */
export async function enrollThisDevice(code: string): Promise<Session> {
  const { device } = await enrollDevice(code);
  await clearRequests();
  const session: Session = { role: device.kind as Role, device };
  await setMeta(KEY, session);
  return session;
}
