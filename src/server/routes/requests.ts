// Help requests: a kiosk makes them, and so do staff for walk-ups (and answers given on the
// spot, `POST /api/interactions`); staff of the branch work them through the six actions.
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import {
  ActionBodies,
  CreateRequestBody,
  Id,
  InteractionBody,
  OpenRequestsAnswer,
  RefusalAnswer,
  RequestAnswer,
  CreatedAnswer,
  FeedbackAnswer,
  FeedbackBody,
  Uuid,
} from '../../shared/schemas.js';
import { canonicalTag } from '../../shared/languages.js';
import { REQUEST_ACTIONS, type Actor, type RequestAction } from '../../shared/request-machine.js';
import { actorOf, caller, requireKiosk, requireStaff, type StaffCaller } from '../auth/caller.js';
import { forbidden, invalid, notFound, unauthenticated } from '../errors.js';
import type { Created, StaffActor } from '../store/requests.js';
import { hashToken, newToken } from '../auth/secrets.js';
import { forKiosk } from '../store/rows.js';
import type { RouteModule } from '../context.js';

const RequestParams = Type.Object({ id: Uuid });

/**
 * Staff start walk-ups and record answers at the branch of the tablet they are signed in on,
 * and only while they still work there (a supervisor may have moved them since they signed in).
 */
async function staffOfTabletBranch(who: StaffCaller) {
  const { staff, device } = who.session;
  if (!staff.branchIds.includes(device.branchId))
    throw forbidden("You do not work at this tablet's branch");
  const actor: StaffActor = {
    kind: 'staff',
    staffId: staff.id,
    displayName: staff.displayName,
    branchIds: staff.branchIds,
  };
  return { actor, branchId: device.branchId };
}
const BranchParams = Type.Object({ branchId: Id });

/** A creation: 201 new, 200 the same id again. Fastify serialises answers from these schemas. */
const Created = { 200: CreatedAnswer, 201: CreatedAnswer };
/** An action: 200 done, 409 refused with the request as it stands. */
const Acted = { 200: RequestAnswer, 409: RefusalAnswer };

/** A new request is 201; the same id sent again by its maker is 200 with the stored one. */
function sendCreated(reply: FastifyReply, created: Created) {
  return reply.status(created.made ? 201 : 200).send({ request: created.request });
}

export const requestRoutes: RouteModule = (app, { store, limits, config }) => {
  /**
   * A kiosk's patron asks in one of the languages the branch's kiosks offer (400 otherwise),
   * kept as the branch spells it. Staff may record any language a patron speaks.
   */
  async function kioskLanguage(tag: string, branchId: string): Promise<string> {
    const offered = (await store.branches.get(branchId)).languages ?? [];
    const canonical = canonicalTag(tag)?.toLowerCase();
    const match = offered.find((language) => language.toLowerCase() === canonical);
    if (match === undefined) {
      throw invalid(
        `body.language: "${tag}" is not one of this branch's languages (${offered.join(', ')})`,
      );
    }
    return match;
  }

  app.post(
    '/api/requests',
    { schema: { body: CreateRequestBody, response: Created } },
    async (request, reply) => {
      const who = await caller(store, request);
      if (who.role === null) throw unauthenticated();
      const body = request.body;
      if (who.session?.role === 'staff') {
        const staff = await staffOfTabletBranch(who as StaffCaller);
        if (body.origin !== 'walk-up')
          throw invalid('body.origin must be "walk-up": staff start requests for walk-ups');
        if (body.zone !== undefined && !body.zone.trim())
          throw invalid('body.zone must not be blank');
        return sendCreated(
          reply,
          await store.requests.createWalkUp(staff.actor, staff.branchId, body),
        );
      }
      if (who.role !== 'kiosk' || !who.device)
        throw forbidden('Only an enrolled kiosk or signed-in staff can ask for help');
      const kiosk = who.device;
      for (const field of ['origin', 'claim', 'zone'] as const) {
        if (body[field] !== undefined)
          throw invalid(`body.${field} is for staff: a kiosk's requests are kiosk requests`);
      }
      const language = body.language && (await kioskLanguage(body.language, kiosk.branchId));
      // Only new requests count toward the limit: an outbox replaying its sends is not abuse.
      // A place is held first (no read: a new id is the usual case) and given back for a
      // repeat; with none left, only a repeat goes on.
      let giveBack = () => {};
      try {
        giveBack = limits.kioskRequests.reserve(kiosk.id);
      } catch (error) {
        if (!(await store.requests.get(body.id))) throw error;
      }
      // The patron's follow link, made for this answer (only its hash is kept): with a new
      // request, in its transaction; for the same id again, on its own.
      const token = newToken();
      const created = await store.requests.create(
        { kind: 'kiosk', deviceId: kiosk.id, branchId: kiosk.branchId },
        { ...body, language },
        kiosk.zone ?? null,
        { followHash: hashToken(token) },
      );
      if (!created.made) {
        giveBack();
        await store.follow.mint(created.request.id, token);
      }
      const base = (config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
      return reply
        .status(created.made ? 201 : 200)
        .send({ request: created.request, followUrl: `${base}/follow/${token}` });
    },
  );

  app.post(
    '/api/interactions',
    { schema: { body: InteractionBody, response: Created } },
    async (request, reply) => {
      const who = await requireStaff(store, request);
      const staff = await staffOfTabletBranch(who);
      return sendCreated(
        reply,
        await store.requests.recordInteraction(staff.actor, staff.branchId, request.body),
      );
    },
  );

  app.get(
    '/api/requests/:id',
    { schema: { params: RequestParams, response: { 200: RequestAnswer } } },
    async (request) => {
      const who = await caller(store, request);
      if (who.role === null) throw unauthenticated();
      const stored = await store.requests.get(request.params.id);
      if (!stored) throw notFound(`Request "${request.params.id}"`);
      const actor = actorOf(who);
      if (actor?.kind === 'kiosk' && actor.deviceId === stored.kioskId) {
        return { request: forKiosk(stored.request) };
      }
      if (actor?.kind === 'staff' && actor.branchIds.includes(stored.request.branchId)) {
        return { request: stored.request };
      }
      throw forbidden('Only the kiosk that made this request, or staff of its branch, can see it');
    },
  );

  app.get(
    '/api/branches/:branchId/requests',
    { schema: { params: BranchParams, response: { 200: OpenRequestsAnswer } } },
    async (request) => {
      await requireStaff(store, request, request.params.branchId);
      return store.requests.open(request.params.branchId);
    },
  );

  // The patron's word back, from the kiosk that made the request (docs/API.md, "Feedback").
  app.post(
    '/api/requests/:id/feedback',
    { schema: { params: RequestParams, body: FeedbackBody, response: { 201: FeedbackAnswer } } },
    async (request, reply) => {
      const kiosk = await requireKiosk(store, request);
      const stored = await store.requests.get(request.params.id);
      if (!stored || stored.kioskId !== kiosk.id) throw notFound(`Request "${request.params.id}"`);
      const { satisfaction, importance } = request.body;
      await store.feedback.give(stored.request.id, satisfaction, importance);
      return reply.status(201).send({ ok: true });
    },
  );

  for (const action of REQUEST_ACTIONS) {
    app.post(
      `/api/requests/:id/${action}`,
      { schema: { params: RequestParams, body: ActionBodies[action], response: Acted } },
      async (request, reply) => {
        const who = await caller(store, request);
        if (who.role === null) throw unauthenticated();
        // An admin may only cancel (the state machine says so), from any branch.
        const actor: Actor | undefined = who.role === 'admin' ? { kind: 'admin' } : actorOf(who);
        if (!actor)
          throw forbidden('Requests are worked by signed-in staff, or cancelled by their kiosk');
        const acted = await store.requests.act(
          actor,
          request.params.id,
          action as RequestAction,
          request.body,
        );
        // Refused: 409 with the request as it stands, so the device can show what happened.
        if (acted.outcome === 'refused')
          return reply.status(409).send({
            error: { code: 'conflict', message: acted.message },
            request: acted.request,
          });
        return reply.status(200).send({ request: acted.request });
      },
    );
  }
};
