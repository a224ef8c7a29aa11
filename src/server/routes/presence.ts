// Who is on the floor (docs/API.md, "Presence"): a rover says whether they are available, on
// a break or away, and where; their branch's staff (and an admin) read the list.
import { Type } from '@sinclair/typebox';
import { Id, PresenceAnswer, PresenceBody, PresenceListAnswer } from '../../shared/schemas.js';
import { caller, requireStaff } from '../auth/caller.js';
import { forbidden, unauthenticated } from '../errors.js';
import type { RouteModule } from '../context.js';

const BranchParams = Type.Object({ branchId: Id });

export const presenceRoutes: RouteModule = (app, { store }) => {
  app.put(
    '/api/presence',
    { schema: { body: PresenceBody, response: { 200: PresenceAnswer } } },
    async (request) => {
      const who = await requireStaff(store, request);
      const { staff, device } = who.session;
      // The tablet's branch: the floor the rover is standing on.
      if (!staff.branchIds.includes(device.branchId))
        throw forbidden("You do not work at this tablet's branch");
      const { state, zone } = request.body;
      // null clears the zone; absent keeps it.
      const place = zone === null ? null : zone?.trim();
      const presence = await store.presence.set(staff.id, device.branchId, state, place);
      return { presence };
    },
  );

  app.get(
    '/api/branches/:branchId/presence',
    { schema: { params: BranchParams, response: { 200: PresenceListAnswer } } },
    async (request) => {
      const { branchId } = request.params;
      const who = await caller(store, request);
      if (who.role === null) throw unauthenticated();
      if (who.role !== 'admin') await requireStaff(store, request, branchId);
      else await store.branches.mustExist(branchId);
      return { staff: await store.presence.list(branchId) };
    },
  );
};
