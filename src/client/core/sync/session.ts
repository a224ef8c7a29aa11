// Who this device is, remembered in Dexie so a kiosk or tablet that restarts with no network
// still knows its branch and who was signed in. Signing in and out, and enrolling, are in
// sign-in.ts and enroll.ts: every screen reads the session, only the tablet and enrolment change it.
import { ApiError } from '../http.js';
import { fetchSession, type Session } from '../api/session.js';
import { SESSION_KEY as KEY, getMeta, setMeta } from '../db/db.js';
import { payOwedSignOut, withoutOwedSession } from './owed-sign-out.js';

/**
 * Asks the server who we are; with no server, answers what it said last time.
 * `offline` tells the caller the answer is remembered, not fresh. A sign-out still owed from
 * offline is sent first, and its session is never answered as signed in.
 */
export async function loadSession(): Promise<Session & { offline?: boolean }> {
  await payOwedSignOut();
  try {
    const session = await withoutOwedSession(await fetchSession());
    await setMeta(KEY, session);
    return session;
  } catch (error) {
    if (error instanceof ApiError && !error.isOffline) throw error;
    const remembered = await getMeta<Session>(KEY);
    return { ...(remembered ?? { role: null }), offline: true };
  }
}
