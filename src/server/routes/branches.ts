// Branches (their zones, languages and time zone), and the staff names a branch's tablets show at sign-in.
import { Type } from '@sinclair/typebox';
import {
  Branch,
  BranchBody,
  BranchesAnswer,
  BranchPatchBody,
  Id,
  SERVICE_DESK_MAX,
  StaffNamesAnswer,
} from '../../shared/schemas.js';
import { requireAdmin, requireBranchReader } from '../auth/caller.js';
import { invalid } from '../errors.js';
import { canonicalTag } from '../../shared/languages.js';
import { canonicalTimeZone } from '../../shared/time-zone.js';
import type { RouteModule } from '../context.js';

const BranchParams = Type.Object({ branchId: Id });

export const branchRoutes: RouteModule = (app, { store }) => {
  app.get('/api/branches', { schema: { response: { 200: BranchesAnswer } } }, async (request) => {
    await requireAdmin(store, request);
    return { branches: await store.branches.list() };
  });

  app.post(
    '/api/branches',
    { schema: { body: BranchBody, response: { 201: Branch } } },
    async (request, reply) => {
      await requireAdmin(store, request);
      return reply.status(201).send(await store.branches.create(request.body));
    },
  );

  // A branch's kiosks, tablets and staff read its name and where its service desk is.
  app.get(
    '/api/branches/:branchId',
    { schema: { params: BranchParams, response: { 200: Branch } } },
    async (request) => {
      const { branchId } = request.params;
      await requireBranchReader(store, request, branchId);
      return store.branches.get(branchId);
    },
  );

  app.patch(
    '/api/branches/:branchId',
    { schema: { params: BranchParams, body: BranchPatchBody, response: { 200: Branch } } },
    async (request) => {
      await requireAdmin(store, request);
      const { name, serviceDesk, zones, escalateAfterSeconds, languages, timeZone } = request.body;
      return store.branches.patch(request.params.branchId, {
        name,
        serviceDesk: serviceDesk == null ? serviceDesk : deskPlace(serviceDesk),
        zones: zones && zoneList(zones),
        escalateAfterSeconds,
        languages: languages && languageList(languages),
        timeZone: timeZone == null ? timeZone : zoneName(timeZone),
      });
    },
  );

  app.get(
    '/api/branches/:branchId/staff',
    { schema: { params: BranchParams, response: { 200: StaffNamesAnswer } } },
    async (request) => {
      const { branchId } = request.params;
      await requireBranchReader(store, request, branchId);
      return { staff: await store.staff.namesAt(branchId) };
    },
  );
};

/** A branch's zones as kept: trimmed, none blank, no two alike ignoring case. */
function zoneList(zones: readonly string[]): string[] {
  const seen = new Set<string>();
  return zones.map((text, i) => {
    const zone = text.trim();
    if (zone.length === 0) throw invalid(`zones[${i}]: name the place, or leave it out`);
    const key = zone.toLocaleLowerCase();
    if (seen.has(key)) throw invalid(`zones[${i}]: "${zone}" is already a zone of this branch`);
    seen.add(key);
    return zone;
  });
}

/**
 * A branch's languages as kept: each a BCP 47 tag in its canonical spelling ("zh-hans" is kept
 * as "zh-Hans"), no two alike, in the order given (the first is the kiosks' default).
 */
function languageList(tags: readonly string[], field = 'languages'): string[] {
  const seen = new Set<string>();
  return tags.map((text, i) => {
    const tag = canonicalTag(text);
    if (tag === undefined) throw invalid(`${field}[${i}]: "${text}" is not a BCP 47 language tag`);
    if (seen.has(tag)) throw invalid(`${field}[${i}]: "${tag}" is already in the list`);
    seen.add(tag);
    return tag;
  });
}

/** The zone as the platform spells it ("europe/paris" is kept as "Europe/Paris"). */
function zoneName(name: string): string {
  const zone = canonicalTimeZone(name);
  if (zone === undefined) throw invalid(`timeZone: "${name}" is not a time zone this server knows`);
  return zone;
}

/** The place as the kiosk will say it: trimmed, and still 1..SERVICE_DESK_MAX characters. */
function deskPlace(text: string): string {
  const place = text.trim();
  if (place.length === 0) throw invalid('serviceDesk: write where the desk is, or send null');
  if (/[\t\n\r]/.test(place)) throw invalid('serviceDesk: keep it to one line');
  if (place.length > SERVICE_DESK_MAX) {
    throw invalid(`serviceDesk: at most ${SERVICE_DESK_MAX} characters`);
  }
  return place;
}
