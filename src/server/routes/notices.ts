// Notices to waiting patrons (docs/API.md, "Notices"): the branch's staff or the admin post and
// withdraw them; its kiosks, staff and the admin read the current ones.
import { Type } from '@sinclair/typebox';
import {
  Id,
  NOTICE_HOURS_MAX,
  NOTICE_MAX,
  NoticeAnswer,
  NoticeBody,
  NoticesAnswer,
  Uuid,
} from '../../shared/schemas.js';
import { caller, requireBranchReader } from '../auth/caller.js';
import { forbidden, invalid, notFound, unauthenticated } from '../errors.js';
import type { Store } from '../store/store.js';
import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../context.js';

const BranchParams = Type.Object({ branchId: Id });
const NoticeParams = Type.Object({ id: Uuid });
const NoContent = Type.Null();

/** Who may post to or withdraw from `branchId`'s notices: its staff or the admin. Their name. */
async function poster(store: Store, request: FastifyRequest, branchId: string): Promise<string> {
  const who = await caller(store, request);
  if (who.role === null) throw unauthenticated();
  if (who.role === 'admin') return 'Supervisor';
  const session = who.session;
  if (session?.role === 'staff' && session.staff.branchIds.includes(branchId))
    return session.staff.displayName;
  throw forbidden("Only this branch's staff or a supervisor can post or withdraw its notices");
}

export const noticeRoutes: RouteModule = (app, { store }) => {
  app.post(
    '/api/branches/:branchId/notices',
    { schema: { params: BranchParams, body: NoticeBody, response: { 201: NoticeAnswer } } },
    async (request, reply) => {
      const { branchId } = request.params;
      await store.branches.mustExist(branchId);
      const by = await poster(store, request, branchId);
      const text = request.body.text.trim();
      if (!text) throw invalid('text: write the notice');
      if (/[\t\n\r]/.test(text)) throw invalid('text: keep it to one line');
      if ([...text].length > NOTICE_MAX) throw invalid(`text: at most ${NOTICE_MAX} characters`);
      const until = new Date(request.body.until);
      const ahead = until.getTime() - Date.now();
      if (!(ahead > 0)) throw invalid('until: a notice must end in the future');
      if (ahead > NOTICE_HOURS_MAX * 3_600_000 + 60_000)
        throw invalid(`until: a notice lasts at most ${NOTICE_HOURS_MAX} hours`);
      const notice = await store.notices.post(branchId, text, until, by);
      return reply.status(201).send({ notice });
    },
  );

  app.delete(
    '/api/notices/:id',
    { schema: { params: NoticeParams, response: { 204: NoContent } } },
    async (request, reply) => {
      const notice = await store.notices.get(request.params.id);
      if (!notice) throw notFound(`Notice "${request.params.id}"`);
      await poster(store, request, notice.branchId);
      await store.notices.withdraw(notice.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/branches/:branchId/notices',
    { schema: { params: BranchParams, response: { 200: NoticesAnswer } } },
    async (request) => {
      const { branchId } = request.params;
      const who = await requireBranchReader(store, request, branchId);
      // A tablet with nobody signed in reads no notices: they are for staff and kiosks.
      if (who.role === 'tablet') throw forbidden('Sign in to read the notices');
      return { notices: await store.notices.current(branchId) };
    },
  );
};
