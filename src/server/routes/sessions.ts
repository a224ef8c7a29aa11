// Sessions: admin sign-in, the first-start setup, staff sign-in on a tablet, and who am I.
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AdminSessionBody,
  SetupBody,
  StaffSessionBody,
  type Device,
  type StaffName,
} from '../../shared/schemas.js';
import { SESSION_COOKIE, caller, setTokenCookie } from '../auth/caller.js';
import { forbidden, unauthenticated } from '../errors.js';
import { ADMIN_SESSION_HOURS, STAFF_SESSION_HOURS } from '../store/accounts.js';
import type { RouteModule } from '../context.js';

const HOUR = 3600;

export const sessionRoutes: RouteModule = (app, { store, hub, config, limits }) => {
  /** Gives the browser `token` as its session cookie, good for `hours`. */
  const setSessionCookie = (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    hours: number,
  ) => setTokenCookie(reply, request, SESSION_COOKIE, token, hours * HOUR, config.publicUrl);

  app.post('/api/session/admin', { schema: { body: AdminSessionBody } }, async (request, reply) => {
    const key = `ip:${request.ip}`;
    limits.wrongPasswords.check(key);
    const { username, password } = request.body;
    if (!(await store.accounts.checkAdminPassword(username, password))) {
      limits.wrongPasswords.count(key);
      throw unauthenticated('That username and password do not match');
    }
    const token = await store.accounts.createAdminSession(username);
    setSessionCookie(request, reply, token, ADMIN_SESSION_HOURS);
    return { token, role: 'admin' as const };
  });

  app.post('/api/session/setup', { schema: { body: SetupBody } }, async (request, reply) => {
    const key = `ip:${request.ip}`;
    limits.wrongPasswords.check(key);
    try {
      const token = await store.accounts.completeSetup(
        request.body.setupToken,
        request.body.password,
      );
      setSessionCookie(request, reply, token, ADMIN_SESSION_HOURS);
      return { token, role: 'admin' as const };
    } catch (error) {
      limits.wrongPasswords.count(key);
      throw error;
    }
  });

  app.post('/api/session/staff', { schema: { body: StaffSessionBody } }, async (request, reply) => {
    const who = await caller(store, request);
    const tablet = who.device;
    if (!tablet) throw unauthenticated('Staff sign in on an enrolled tablet');
    if (tablet.kind !== 'tablet') throw forbidden('Staff sign in on a tablet, not on a kiosk');
    limits.wrongPins.check(tablet.id);
    let staff: StaffName;
    try {
      staff = await store.staff.signIn(tablet, request.body.staffId, request.body.pin);
    } catch (error) {
      if ((error as { code?: string }).code === 'unauthenticated')
        limits.wrongPins.count(tablet.id);
      throw error;
    }
    const token = await store.accounts.createStaffSession(staff.id, tablet.id);
    setSessionCookie(request, reply, token, STAFF_SESSION_HOURS);
    return { token, staff };
  });

  app.get('/api/session', async (request) => {
    const who = await caller(store, request);
    const answer: { role: typeof who.role; device?: Device; staff?: StaffName } = {
      role: who.role,
    };
    if (who.device) answer.device = who.device;
    if (who.session?.role === 'staff') {
      const { id, displayName, skills } = who.session.staff;
      answer.staff = { id, displayName, skills };
    }
    return answer;
  });

  app.delete('/api/session', async (request, reply) => {
    const who = await caller(store, request);
    if (who.session) {
      const ended = who.session.tokenHash;
      await store.accounts.endSession(ended);
      hub.closeWhere((audience) => audience.kind === 'staff' && audience.sessionHash === ended);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
};
