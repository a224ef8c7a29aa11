// Who this device is and who is signed in on it: enrollment, staff sign-in and sign-out.
import { apiFetch } from '../http.js';
import type { Device, Session, StaffName } from '../../../shared/schemas.js';

/** `GET /api/session`: the device (when enrolled) and the person signed in on it, if any. */
export type { Session } from '../../../shared/schemas.js';
export type Role = Session['role'];

export function fetchSession(): Promise<Session> {
  return apiFetch<Session>('/api/session');
}

/** Turns this browser into an enrolled kiosk or tablet (the server sets the device cookie). */
export function enrollDevice(code: string): Promise<{ token: string; device: Device }> {
  return apiFetch('/api/devices/enroll', { body: { code } });
}

/** Signs a staff member in on this tablet with their PIN. */
export function signInStaff(
  staffId: string,
  pin: string,
): Promise<{ token: string; staff: StaffName }> {
  return apiFetch('/api/session/staff', { body: { staffId, pin } });
}

/**
 * Ends the staff session; the tablet stays enrolled. With `staffId`, only if the session this
 * browser holds is that person's (a sign-out owed since the tablet was offline).
 */
export function signOutStaff(staffId?: string): Promise<void> {
  const only = staffId === undefined ? '' : `?staffId=${encodeURIComponent(staffId)}`;
  return apiFetch<void>(`/api/session${only}`, { method: 'DELETE' });
}
