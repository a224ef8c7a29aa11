// A patron's follow link (docs/API.md, "Following on a phone"): with the token and nothing
// else, their one request as they may see it, live; "I'm here" to a page, cancel, and feedback.
// The token acts as the kiosk that made the request, for that request only.
import { Type } from '@sinclair/typebox';
import {
  ActionBodies,
  FeedbackAnswer,
  FeedbackBody,
  FollowAnswer,
  FollowRefusal,
} from '../../shared/schemas.js';
import { notFound } from '../errors.js';
import { openStream } from './events.js';
import type { Followed } from '../store/follow.js';
import type { Store } from '../store/store.js';
import type { RouteModule } from '../context.js';

/** A follow token: 32 random bytes, base64url (43 characters). */
const FollowParams = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
});
const Acted = { 200: FollowAnswer, 409: FollowRefusal };

/** The request `token` follows, or 404 (never made, or dead an hour after the request ended). */
async function followed(store: Store, token: string): Promise<Followed> {
  const found = await store.follow.resolve(token);
  if (!found) throw notFound('This follow link');
  return found;
}

export const followRoutes: RouteModule = (app, context) => {
  const { store, limits } = context;

  app.get(
    '/api/follow/:token',
    { schema: { params: FollowParams, response: { 200: FollowAnswer } } },
    async (request) => {
      const { requestId, branchId } = await followed(store, request.params.token);
      await store.follow.markOpened(requestId);
      return {
        request: await store.follow.view(requestId),
        notices: await store.notices.current(branchId),
      };
    },
  );

  app.get(
    '/api/follow/:token/events',
    { schema: { params: FollowParams } },
    async (request, reply) => {
      const { token } = request.params;
      const { requestId, branchId } = await followed(store, token);
      await store.follow.markOpened(requestId);
      await openStream(
        context,
        request,
        reply,
        { kind: 'follow', requestId, branchId },
        undefined,
        {
          slots: limits.deviceStreams,
          holder: `follow:${requestId}`,
        },
      );
    },
  );

  for (const action of ['here', 'cancel'] as const) {
    app.post(
      `/api/follow/:token/${action}`,
      { schema: { params: FollowParams, body: ActionBodies[action], response: Acted } },
      async (request, reply) => {
        const { requestId, branchId, kioskId } = await followed(store, request.params.token);
        const acted = await store.requests.act(
          { kind: 'kiosk', deviceId: kioskId, branchId },
          requestId,
          action,
          request.body,
        );
        const view = await store.follow.view(requestId);
        if (acted.outcome === 'refused')
          return reply
            .status(409)
            .send({ error: { code: 'conflict', message: acted.message }, request: view });
        return reply.status(200).send({ request: view });
      },
    );
  }

  app.post(
    '/api/follow/:token/feedback',
    { schema: { params: FollowParams, body: FeedbackBody, response: { 201: FeedbackAnswer } } },
    async (request, reply) => {
      const { requestId } = await followed(store, request.params.token);
      const { satisfaction, importance } = request.body;
      await store.feedback.give(requestId, satisfaction, importance);
      return reply.status(201).send({ ok: true });
    },
  );
};
