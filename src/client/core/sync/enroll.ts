// Enrolling this browser as a kiosk or tablet, from the enrolment screen.
import { enrollDevice, type Role, type Session } from '../api/session.js';
import { SESSION_KEY as KEY, setMeta } from '../db/db.js';
import { clearRequests } from '../db/clear-requests.js';

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
