// A branch's topics: what the kiosk offers. Admins add, edit, hide and reorder them; each
// change is a `topic` event on the branch's streams.
import { Type } from '@sinclair/typebox';
import {
  Id,
  TopicAnswer,
  TopicBody,
  TopicOrderBody,
  TopicPatchBody,
  TopicsAnswer,
} from '../../shared/schemas.js';
import { requireAdmin, requireBranchReader } from '../auth/caller.js';
import type { RouteModule } from '../context.js';

const BranchParams = Type.Object({ branchId: Id });
const TopicParams = Type.Object({ branchId: Id, topicId: Id });

export const topicRoutes: RouteModule = (app, { store }) => {
  app.get(
    '/api/branches/:branchId/topics',
    { schema: { params: BranchParams, response: { 200: TopicsAnswer } } },
    async (request) => {
      const { branchId } = request.params;
      const who = await requireBranchReader(store, request, branchId);
      return { topics: await store.branches.topics(branchId, who.role === 'admin') };
    },
  );

  app.post(
    '/api/branches/:branchId/topics',
    { schema: { params: BranchParams, body: TopicBody, response: { 201: TopicAnswer } } },
    async (request, reply) => {
      await requireAdmin(store, request);
      const topic = await store.branches.createTopic(request.params.branchId, request.body);
      return reply.status(201).send({ topic });
    },
  );

  // Registered before `/:topicId` would matter: find-my-way prefers the static `order` segment.
  app.put(
    '/api/branches/:branchId/topics/order',
    { schema: { params: BranchParams, body: TopicOrderBody, response: { 200: TopicsAnswer } } },
    async (request) => {
      await requireAdmin(store, request);
      return {
        topics: await store.branches.reorderTopics(request.params.branchId, request.body.ids),
      };
    },
  );

  app.patch(
    '/api/branches/:branchId/topics/:topicId',
    { schema: { params: TopicParams, body: TopicPatchBody, response: { 200: TopicAnswer } } },
    async (request) => {
      await requireAdmin(store, request);
      const { branchId, topicId } = request.params;
      return { topic: await store.branches.patchTopic(branchId, topicId, request.body) };
    },
  );
};
