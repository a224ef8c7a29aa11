// Staff members, managed by an admin. Deactivating someone or giving them a new PIN ends their
// sessions and streams; taking a branch from them ends their streams on that branch.
import { Type } from '@sinclair/typebox';
import {
  NewStaffAnswer,
  StaffAnswer,
  StaffBody,
  StaffListAnswer,
  StaffPatchBody,
  Text,
} from '../../shared/schemas.js';
import { requireAdmin } from '../auth/caller.js';
import type { RouteModule } from '../context.js';

const StaffParams = Type.Object({ id: Text(64) });

export const staffRoutes: RouteModule = (app, { store, hub }) => {
  app.get('/api/staff', { schema: { response: { 200: StaffListAnswer } } }, async (request) => {
    await requireAdmin(store, request);
    return { staff: await store.staff.list() };
  });

  app.post(
    '/api/staff',
    { schema: { body: StaffBody, response: { 201: NewStaffAnswer } } },
    async (request, reply) => {
      await requireAdmin(store, request);
      const { id, displayName, skills, languages, branchIds } = await store.staff.create(
        request.body,
      );
      return reply.status(201).send({ id, displayName, skills, languages, branchIds });
    },
  );

  app.patch(
    '/api/staff/:id',
    { schema: { params: StaffParams, body: StaffPatchBody, response: { 200: StaffAnswer } } },
    async (request) => {
      await requireAdmin(store, request);
      const staff = await store.staff.update(request.params.id, request.body);
      // Access ends with its grant, at once here (other processes: the hub's recheck).
      const signedOut = !staff.active || request.body.pin !== undefined;
      hub.closeWhere(
        (audience) =>
          audience.kind === 'staff' &&
          audience.staffId === staff.id &&
          (signedOut || !staff.branchIds.includes(audience.branchId)),
      );
      return { staff };
    },
  );
};
