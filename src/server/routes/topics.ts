// A branch's topics: what the kiosk offers. Admins add, edit, hide, translate and reorder them;
// each change is a `topic` event on the branch's streams. `?lang=` answers each label in a
// patron's language where a supervisor wrote one.
import { Type } from '@sinclair/typebox';
import {
  Id,
  TopicAnswer,
  TopicBody,
  TopicOrderBody,
  TopicPatchBody,
  TopicsAnswer,
  TopicsQuery,
} from '../../shared/schemas.js';
import { canonicalTag, labelIn } from '../../shared/languages.js';
import { requireAdmin, requireBranchReader } from '../auth/caller.js';
import { invalid } from '../errors.js';
import type { RouteModule } from '../context.js';

const BranchParams = Type.Object({ branchId: Id });
const TopicParams = Type.Object({ branchId: Id, topicId: Id });

/**
 * A topic's translations as kept: canonical tags (`zh-hans` as `zh-Hans`), labels trimmed, blank
 * ones left out (a form may send a field for every language), no tag twice.
 */
export function topicLabels(labels: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, text] of Object.entries(labels)) {
    const tag = canonicalTag(key);
    if (tag === undefined) throw invalid(`body.labels: "${key}" is not a BCP 47 language tag`);
    if (tag in kept) throw invalid(`body.labels: "${tag}" is given twice`);
    const label = text.trim();
    if (label) kept[tag] = label;
  }
  return kept;
}

export const topicRoutes: RouteModule = (app, { store }) => {
  app.get(
    '/api/branches/:branchId/topics',
    {
      schema: { params: BranchParams, querystring: TopicsQuery, response: { 200: TopicsAnswer } },
    },
    async (request) => {
      const { branchId } = request.params;
      const who = await requireBranchReader(store, request, branchId);
      const topics = await store.branches.topics(branchId, who.role === 'admin');
      const lang = request.query.lang;
      if (lang === undefined) return { topics };
      return { topics: topics.map((topic) => ({ ...topic, label: labelIn(topic, lang) })) };
    },
  );

  app.post(
    '/api/branches/:branchId/topics',
    { schema: { params: BranchParams, body: TopicBody, response: { 201: TopicAnswer } } },
    async (request, reply) => {
      await requireAdmin(store, request);
      const { labels, ...rest } = request.body;
      const topic = await store.branches.createTopic(request.params.branchId, {
        ...rest,
        labels: labels && topicLabels(labels),
      });
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
      const { labels, ...rest } = request.body;
      return {
        topic: await store.branches.patchTopic(branchId, topicId, {
          ...rest,
          labels: labels && topicLabels(labels),
        }),
      };
    },
  );
};
