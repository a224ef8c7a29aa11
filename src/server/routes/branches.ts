// Branches, the skills list, and the staff names a branch's tablets show at sign-in.
import { Type } from '@sinclair/typebox';
import { BranchBody, Id } from '../../shared/schemas.js';
import { caller, requireAdmin, requireBranchReader } from '../auth/caller.js';
import { unauthenticated } from '../errors.js';
import type { RouteModule } from '../context.js';

const BranchParams = Type.Object({ branchId: Id });

export const branchRoutes: RouteModule = (app, { store }) => {
  app.get('/api/branches', async (request) => {
    await requireAdmin(store, request);
    return { branches: await store.branches.list() };
  });

  app.post('/api/branches', { schema: { body: BranchBody } }, async (request, reply) => {
    await requireAdmin(store, request);
    return reply.status(201).send(await store.branches.create(request.body));
  });

  app.get('/api/skills', async (request) => {
    if ((await caller(store, request)).role === null) throw unauthenticated();
    return { skills: await store.branches.skills() };
  });

  app.get(
    '/api/branches/:branchId/staff',
    { schema: { params: BranchParams } },
    async (request) => {
      const { branchId } = request.params;
      await requireBranchReader(store, request, branchId);
      return { staff: await store.staff.namesAt(branchId) };
    },
  );
};
