// Sessions: admin sign-in, the first-start setup, staff sign-in on a tablet, and who am I.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AdminPasswordBody,
  AdminSignedInAnswer,
  AdminSessionBody,
  SetupBody,
  SignOutQuery,
  Session,
  StaffSessionBody,
  StaffSignedInAnswer,
  type StaffName,
} from '../../shared/schemas.js';
import { SESSION_COOKIE, caller, setTokenCookie } from '../auth/caller.js';
import { forbidden, unauthenticated } from '../errors.js';
import { ADMIN_SESSION_HOURS, STAFF_SESSION_HOURS, type StoredSession } from '../store/accounts.js';
import type { RouteModule } from '../context.js';

/** An answer with no body (a password changed, a sign-out). */
const NoContent = Type.Null();

const HOUR = 3600;

export const sessionRoutes: RouteModule = (app, { store, hub, config, limits }) => {
  /** Ends a session: its token stops working and its streams (staff or admin) close. */
  const end = async (session: StoredSession) => {
    await store.accounts.endSession(session.tokenHash);
    hub.closeWhere(
      (audience) => 'sessionHash' in audience && audience.sessionHash === session.tokenHash,
    );
    // Off the floor, unless another session still has them on it.
    if (session.role === 'staff') await store.presence.signedOut(session.staff.id);
  };

  /**
   * Gives the browser `token` as its session cookie, good for `hours`. The session the old
   * cookie held (a rover who signed out while the tablet was offline, say) is ended: nothing
   * in this browser can use it again, and nobody else should.
   */
  const setSessionCookie = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    hours: number,
  ) => {
    const replaced = request.cookies?.[SESSION_COOKIE];
    const old = replaced ? await store.accounts.session(replaced) : undefined;
    if (old) await end(old);
    setTokenCookie(reply, request, SESSION_COOKIE, token, hours * HOUR, config.publicUrl);
  };

  app.post(
    '/api/session/admin',
    { schema: { body: AdminSessionBody, response: { 200: AdminSignedInAnswer } } },
    async (request, reply) => {
      const release = limits.wrongPasswords.reserve(`ip:${request.ip}`);
      const { username, password } = request.body;
      if (!(await store.accounts.checkAdminPassword(username, password)))
        throw unauthenticated('That username and password do not match');
      release();
      const token = await store.accounts.createAdminSession(username);
      await setSessionCookie(request, reply, token, ADMIN_SESSION_HOURS);
      return { token, role: 'admin' as const };
    },
  );

  app.post(
    '/api/session/admin/password',
    { schema: { body: AdminPasswordBody, response: { 204: NoContent } } },
    async (request, reply) => {
      const who = await caller(store, request);
      if (who.role === null) throw unauthenticated();
      const session = who.session;
      if (session?.role !== 'admin') throw forbidden('Only an admin can change this password');
      // A wrong current password is a guess like any other (docs/API.md, "Limits"); it is 403,
      // not 401, since the caller is still signed in.
      const release = limits.wrongPasswords.reserve(`ip:${request.ip}`);
      const { current, next } = request.body;
      const { username, tokenHash } = session;
      if (!(await store.accounts.changeAdminPassword(username, current, next, tokenHash)))
        throw forbidden('The current password is not right');
      release();
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/session/setup',
    { schema: { body: SetupBody, response: { 200: AdminSignedInAnswer } } },
    async (request, reply) => {
      const release = limits.wrongPasswords.reserve(`ip:${request.ip}`);
      const token = await store.accounts.completeSetup(
        request.body.setupToken,
        request.body.password,
      );
      release();
      await setSessionCookie(request, reply, token, ADMIN_SESSION_HOURS);
      return { token, role: 'admin' as const };
    },
  );

  app.post(
    '/api/session/staff',
    { schema: { body: StaffSessionBody, response: { 200: StaffSignedInAnswer } } },
    async (request, reply) => {
      const who = await caller(store, request);
      const tablet = who.device;
      if (!tablet) throw unauthenticated('Staff sign in on an enrolled tablet');
      if (tablet.kind !== 'tablet') throw forbidden('Staff sign in on a tablet, not on a kiosk');
      // The tablet's own limit here; the person's lock-out is reserved in the store, so it
      // holds across server processes.
      const release = limits.wrongPins.reserve(tablet.id);
      let staff: StaffName;
      try {
        staff = await store.staff.signIn(tablet, request.body.staffId, request.body.pin);
      } catch (error) {
        // Only a PIN that was checked and wrong keeps its place.
        if ((error as { code?: string }).code !== 'unauthenticated') release();
        throw error;
      }
      release();
      const token = await store.accounts.createStaffSession(staff.id, tablet.id);
      await setSessionCookie(request, reply, token, STAFF_SESSION_HOURS);
      // On the floor: available at the tablet's branch (docs/API.md, "Presence").
      await store.presence.signedIn(staff.id, tablet.branchId);
      return { token, staff };
    },
  );

  app.get('/api/session', { schema: { response: { 200: Session } } }, async (request) => {
    const who = await caller(store, request);
    const answer: Session = { role: who.role };
    if (who.device) answer.device = who.device;
    if (who.session?.role === 'staff') {
      const { id, displayName, skills } = who.session.staff;
      answer.staff = { id, displayName, skills };
    }
    return answer;
  });

  // With `?staffId=`, a sign-out a tablet owes from offline: it ends that person's session
  // only, and leaves alone a session someone else has made in this browser since.
  app.delete(
    '/api/session',
    { schema: { querystring: SignOutQuery, response: { 204: NoContent } } },
    async (request, reply) => {
      const who = await caller(store, request);
      const { staffId } = request.query;
      const session = who.session;
      const theirs =
        staffId === undefined || (session?.role === 'staff' && session.staff.id === staffId);
      if (session && !theirs) return reply.status(204).send(null);
      if (session) await end(session);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
