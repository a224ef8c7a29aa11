// Greeter scripts (docs/API.md "Scripts"): anyone reads the published ones (they hold no
// patron data) and may follow them live; a supervisor creates, saves new versions, publishes,
// withdraws and restores.
import {
  CreateScriptBody,
  PublishScriptBody,
  RestoreScriptBody,
  SaveScriptBody,
  ScriptAnswer,
  ScriptListAnswer,
  ScriptListQuery,
  ScriptParams,
  ScriptVersionParams,
  ScriptVersionsAnswer,
  UnpublishScriptBody,
  scriptIdFromTitle,
} from '../../shared/scripts.js';
import { caller, requireAdmin } from '../auth/caller.js';
import { invalid, notFound } from '../errors.js';
import { openStream } from './events.js';
import { contentOf } from '../store/scripts.js';
import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../context.js';

/** Answers are checked and serialised by these schemas (src/shared/scripts.ts). */
const OneScript = { 200: ScriptAnswer };

/** Paths under /api/scripts/ that are not script ids. */
const RESERVED_IDS = new Set(['events']);

export const scriptRoutes: RouteModule = (app, context) => {
  const { store, limits } = context;
  const scripts = store.scripts;

  /** Who saved a version, for the record: `admin:<username>`. */
  const savedBy = async (request: FastifyRequest) => {
    await requireAdmin(store, request);
    const { session } = await caller(store, request);
    return session?.role === 'admin' ? `admin:${session.username}` : 'admin';
  };

  app.get(
    '/api/scripts',
    { schema: { querystring: ScriptListQuery, response: { 200: ScriptListAnswer } } },
    async (request) => {
      if (request.query.drafts === 'true') {
        await requireAdmin(store, request);
        return { scripts: await scripts.listDrafts() };
      }
      return { scripts: await scripts.listPublished() };
    },
  );

  // Anyone: every published script as `event: snapshot`, then each publish and withdrawal.
  // Each client (`request.ip`: behind the local proxy, the address it forwards) holds only so
  // many at once; a stream's slot is given back when its connection closes, however it ends.
  app.get('/api/scripts/events', async (request, reply) => {
    await openStream(context, request, reply, { kind: 'scripts' }, undefined, {
      slots: limits.publicStreams,
      holder: request.ip,
    });
  });

  app.get(
    '/api/scripts/:id',
    { schema: { params: ScriptParams, response: OneScript } },
    async (request) => {
      const { id } = request.params;
      let script = await scripts.get(id);
      // An unpublished script exists only for the supervisor, who sees the newest draft.
      if (!script && (await caller(store, request)).role === 'admin')
        script = await scripts.get(id, true);
      if (!script) throw notFound(`Script "${id}"`);
      return { script };
    },
  );

  app.get(
    '/api/scripts/:id/versions',
    { schema: { params: ScriptParams, response: { 200: ScriptVersionsAnswer } } },
    async (request) => {
      await requireAdmin(store, request);
      const versions = await scripts.versions(request.params.id);
      if (!versions) throw notFound(`Script "${request.params.id}"`);
      return { versions };
    },
  );

  app.post(
    '/api/scripts',
    { schema: { body: CreateScriptBody, response: { 201: ScriptAnswer } } },
    async (request, reply) => {
      const by = await savedBy(request);
      const { id, ...content } = request.body;
      if (id && RESERVED_IDS.has(id))
        throw invalid(`id: "${id}" is kept for the API; choose another`);
      let made = id ?? scriptIdFromTitle(content.title);
      if (RESERVED_IDS.has(made)) made = `${made}-script`;
      const script = await scripts.create(made, contentOf(content), by);
      return reply.status(201).send({ script });
    },
  );

  app.put(
    '/api/scripts/:id',
    { schema: { params: ScriptParams, body: SaveScriptBody, response: OneScript } },
    async (request) => {
      const by = await savedBy(request);
      const { version, ...content } = request.body;
      return { script: await scripts.save(request.params.id, version, contentOf(content), by) };
    },
  );

  app.post(
    '/api/scripts/:id/publish',
    { schema: { params: ScriptParams, body: PublishScriptBody, response: OneScript } },
    async (request) => {
      await requireAdmin(store, request);
      return { script: await scripts.publish(request.params.id, request.body.version) };
    },
  );

  app.post(
    '/api/scripts/:id/unpublish',
    { schema: { params: ScriptParams, body: UnpublishScriptBody, response: OneScript } },
    async (request) => {
      await requireAdmin(store, request);
      return { script: await scripts.unpublish(request.params.id) };
    },
  );

  app.post(
    '/api/scripts/:id/versions/:n/restore',
    { schema: { params: ScriptVersionParams, body: RestoreScriptBody, response: OneScript } },
    async (request) => {
      const by = await savedBy(request);
      const { id, n } = request.params;
      return { script: await scripts.restore(id, Number(n), request.body.version, by) };
    },
  );
};
