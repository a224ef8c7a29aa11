// Who is calling: credentials in order Bearer > `rove_session` cookie > `rove_device` cookie,
// resolved once per request, and the guards each route states its "who" with.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Device } from '../../shared/schemas.js';
import type { Actor } from '../../shared/request-machine.js';
import { forbidden, unauthenticated } from '../errors.js';
import type { StoredSession } from '../store/accounts.js';
import type { Store } from '../store/store.js';

export const SESSION_COOKIE = 'rove_session';
export const DEVICE_COOKIE = 'rove_device';

export type Role = 'admin' | 'staff' | 'kiosk' | 'tablet';

export interface Caller {
  role: Role | null;
  session?: StoredSession;
  /** The enrolled device the call came from: a device token, or the staff session's tablet. */
  device?: Device;
}

const resolved = new WeakMap<FastifyRequest, Promise<Caller>>();

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function caller(store: Store, request: FastifyRequest): Promise<Caller> {
  let found = resolved.get(request);
  if (!found) {
    found = resolve(store, request);
    resolved.set(request, found);
  }
  return found;
}

async function resolve(store: Store, request: FastifyRequest): Promise<Caller> {
  const cookies = request.cookies ?? {};
  const deviceCookie = async () =>
    cookies[DEVICE_COOKIE] ? store.devices.byToken(cookies[DEVICE_COOKIE]) : undefined;
  const fromSession = async (session: StoredSession): Promise<Caller> =>
    session.role === 'admin'
      ? { role: 'admin', session, device: await deviceCookie() }
      : { role: 'staff', session, device: session.device };
  const fromDevice = (device: Device | undefined): Caller =>
    device ? { role: device.kind as Role, device } : { role: null };

  const bearer = bearerToken(request);
  if (bearer) {
    // A kiosk's calls carry its device token: once remembered, no session is looked for.
    if (store.devices.remembers(bearer)) return fromDevice(await store.devices.byToken(bearer));
    // A presented token that is not valid means "not signed in", never "try the cookies".
    const session = await store.accounts.session(bearer);
    return session ? fromSession(session) : fromDevice(await store.devices.byToken(bearer));
  }
  const sessionToken = cookies[SESSION_COOKIE];
  if (sessionToken) {
    const session = await store.accounts.session(sessionToken);
    if (session) return fromSession(session);
  }
  return fromDevice(await deviceCookie());
}

export async function requireAdmin(store: Store, request: FastifyRequest): Promise<void> {
  const who = await caller(store, request);
  if (who.role === null) throw unauthenticated();
  if (who.role !== 'admin') throw forbidden('Only an admin can do this');
}

export type StaffCaller = Caller & { session: Extract<StoredSession, { role: 'staff' }> };

/** A signed-in staff member, who works at `branchId` when one is given. */
export async function requireStaff(
  store: Store,
  request: FastifyRequest,
  branchId?: string,
): Promise<StaffCaller> {
  const who = await caller(store, request);
  if (who.role === null) throw unauthenticated();
  if (branchId !== undefined) await store.branches.mustExist(branchId);
  if (who.session?.role !== 'staff') throw forbidden('Only signed-in staff can do this');
  if (branchId !== undefined && !who.session.staff.branchIds.includes(branchId)) {
    throw forbidden('You do not work at this branch');
  }
  return who as StaffCaller;
}

export async function requireKiosk(store: Store, request: FastifyRequest): Promise<Device> {
  const who = await caller(store, request);
  if (who.role === null) throw unauthenticated();
  if (who.role !== 'kiosk' || !who.device) throw forbidden('Only an enrolled kiosk can do this');
  return who.device;
}

/** A device or staff of `branchId`, or an admin: who may read a branch's topics and staff names. */
export async function requireBranchReader(
  store: Store,
  request: FastifyRequest,
  branchId: string,
): Promise<Caller> {
  const who = await caller(store, request);
  if (who.role === null) throw unauthenticated();
  await store.branches.mustExist(branchId);
  if (who.role === 'admin') return who;
  if (who.session?.role === 'staff' && who.session.staff.branchIds.includes(branchId)) return who;
  if (who.role !== 'staff' && who.device?.branchId === branchId) return who;
  throw forbidden('This device or account does not belong to this branch');
}

/** Kiosk or staff as the state machine knows them. */
export function actorOf(who: Caller): Extract<Actor, { kind: 'kiosk' | 'staff' }> | undefined {
  if (who.session?.role === 'staff') {
    const { id, displayName, branchIds } = who.session.staff;
    return { kind: 'staff', staffId: id, displayName, branchIds };
  }
  if (who.role === 'kiosk' && who.device) {
    return { kind: 'kiosk', deviceId: who.device.id, branchId: who.device.branchId };
  }
  return undefined;
}

/** Cookies carry tokens: HttpOnly, same-site only, and Secure whenever the page is HTTPS. */
export function setTokenCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  name: string,
  token: string,
  maxAgeSeconds: number,
  publicUrl?: string,
): void {
  reply.setCookie(name, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https' || Boolean(publicUrl?.startsWith('https:')),
    maxAge: maxAgeSeconds,
  });
}
