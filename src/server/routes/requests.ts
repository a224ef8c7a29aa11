// Help requests: a kiosk makes them, staff of the branch work them through the six actions.
import { Type } from '@sinclair/typebox';
import { ActionBodies, CreateRequestBody, Id, Uuid } from '../../shared/schemas.js';
import { REQUEST_ACTIONS, type RequestAction } from '../../shared/request-machine.js';
import { actorOf, caller, requireKiosk, requireStaff } from '../auth/caller.js';
import { forbidden, notFound, unauthenticated } from '../errors.js';
import { forKiosk } from '../store/rows.js';
import type { RouteModule } from '../context.js';

const RequestParams = Type.Object({ id: Uuid });
const BranchParams = Type.Object({ branchId: Id });

export const requestRoutes: RouteModule = (app, { store, limits }) => {
  app.post('/api/requests', { schema: { body: CreateRequestBody } }, async (request, reply) => {
    const kiosk = await requireKiosk(store, request);
    const existing = await store.requests.get(request.body.id);
    // Only new requests count toward the limit: an outbox replaying its sends is not abuse.
    if (!existing) limits.kioskRequests.take(kiosk.id);
    const answer = await store.requests.create(
      { kind: 'kiosk', deviceId: kiosk.id, branchId: kiosk.branchId },
      request.body,
    );
    return reply.status(answer.status).send(answer.body);
  });

  app.get('/api/requests/:id', { schema: { params: RequestParams } }, async (request) => {
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
  });

  app.get(
    '/api/branches/:branchId/requests',
    { schema: { params: BranchParams } },
    async (request) => {
      await requireStaff(store, request, request.params.branchId);
      return store.requests.open(request.params.branchId);
    },
  );

  for (const action of REQUEST_ACTIONS) {
    app.post(
      `/api/requests/:id/${action}`,
      { schema: { params: RequestParams, body: ActionBodies[action] } },
      async (request, reply) => {
        const who = await caller(store, request);
        if (who.role === null) throw unauthenticated();
        const actor = actorOf(who);
        if (!actor)
          throw forbidden('Requests are worked by signed-in staff, or cancelled by their kiosk');
        const answer = await store.requests.act(
          actor,
          request.params.id,
          action as RequestAction,
          request.body,
        );
        return reply.status(answer.status).send(answer.body);
      },
    );
  }
};
