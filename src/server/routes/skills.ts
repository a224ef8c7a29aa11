// The library's skills (docs/API.md, "Skills"): the starter eight and those a supervisor names.
// Anyone signed in (or any enrolled device) reads them; an admin adds, renames and retires.
import { Type } from '@sinclair/typebox';
import {
  SkillAnswer,
  SkillBody,
  SkillId,
  SkillPatchBody,
  SkillsAnswer,
} from '../../shared/schemas.js';
import { caller, requireAdmin } from '../auth/caller.js';
import { invalid, unauthenticated } from '../errors.js';
import type { RouteModule } from '../context.js';

const SkillParams = Type.Object({ id: SkillId });

/** A skill's name as kept: trimmed, not blank. */
function skillLabel(text: string): string {
  const label = text.trim();
  if (label.length === 0) throw invalid('body.label: name the skill');
  return label;
}

export const skillRoutes: RouteModule = (app, { store }) => {
  app.get('/api/skills', { schema: { response: { 200: SkillsAnswer } } }, async (request) => {
    if ((await caller(store, request)).role === null) throw unauthenticated();
    return { skills: await store.branches.skills() };
  });

  app.post(
    '/api/skills',
    { schema: { body: SkillBody, response: { 201: SkillAnswer } } },
    async (request, reply) => {
      await requireAdmin(store, request);
      const { id, label } = request.body;
      const skill = await store.branches.createSkill(id, skillLabel(label));
      return reply.status(201).send({ skill });
    },
  );

  app.patch(
    '/api/skills/:id',
    { schema: { params: SkillParams, body: SkillPatchBody, response: { 200: SkillAnswer } } },
    async (request) => {
      await requireAdmin(store, request);
      const { label, retired } = request.body;
      const skill = await store.branches.patchSkill(request.params.id, {
        label: label === undefined ? undefined : skillLabel(label),
        retired,
      });
      return { skill };
    },
  );
};
