// What clients send: every request body and query, validated before a route runs.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ON_THE_SPOT_OUTCOMES } from '../request-machine.js';
import { ADMIN_PASSWORD_MAX, ADMIN_PASSWORD_MIN } from '../passwords.js';
import { literals, strict } from './build.js';
import type { RequestAction } from './base.js';
import {
  Id,
  LANGUAGE_TAG_PATTERN,
  LanguageTag,
  Languages,
  Need,
  Outcome,
  Pin,
  SkillId,
  Text,
  TimeZoneName,
  Uuid,
  Zone,
} from './base.js';
import {
  BRANCH_LANGUAGES_MAX,
  DeviceKind,
  ESCALATE_MAX_SECONDS,
  PresenceState,
  SERVICE_DESK_MAX,
  TOPIC_LABEL_MAX,
  ZONES_MAX,
  ZONE_MAX,
} from './records.js';

export const AdminSessionBody = Type.Object(
  { username: Text(64), password: Text(ADMIN_PASSWORD_MAX) },
  strict,
);
/** A new admin password (setup, a change): src/shared/passwords.ts says how long. */
const NewAdminPassword = Text(ADMIN_PASSWORD_MAX, { min: ADMIN_PASSWORD_MIN });
export const SetupBody = Type.Object({ setupToken: Text(128), password: NewAdminPassword }, strict);
export const AdminPasswordBody = Type.Object(
  { current: Text(ADMIN_PASSWORD_MAX), next: NewAdminPassword },
  strict,
);
export const BranchBody = Type.Object({ id: Id, name: Text(120) }, strict);
/** `serviceDesk` is trimmed and must keep 1..SERVICE_DESK_MAX characters; null clears it. */
export const BranchPatchBody = Type.Object(
  {
    name: Type.Optional(Text(120)),
    serviceDesk: Type.Optional(
      Type.Union([Text(2 * SERVICE_DESK_MAX, { lines: true }), Type.Null()]),
    ),
    zones: Type.Optional(Type.Array(Text(ZONE_MAX), { maxItems: ZONES_MAX })),
    escalateAfterSeconds: Type.Optional(
      Type.Integer({ minimum: 0, maximum: ESCALATE_MAX_SECONDS }),
    ),
    /** The languages its kiosks offer, the first the default: at least one. */
    languages: Type.Optional(
      Type.Array(LanguageTag, { minItems: 1, maxItems: BRANCH_LANGUAGES_MAX, uniqueItems: true }),
    ),
    /** Its IANA time zone, one the server knows; null clears it (reports are then in UTC). */
    timeZone: Type.Optional(Type.Union([TimeZoneName, Type.Null()])),
  },
  { ...strict, minProperties: 1 },
);
export type BranchPatchBody = Static<typeof BranchPatchBody>;
export const StaffBody = Type.Object(
  {
    displayName: Text(60),
    pin: Pin,
    skills: Type.Array(SkillId, { maxItems: 32, uniqueItems: true }),
    languages: Type.Optional(Languages),
    branchIds: Type.Array(Id, { minItems: 1, maxItems: 64, uniqueItems: true }),
  },
  strict,
);
export const StaffPatchBody = Type.Object(
  {
    displayName: Type.Optional(Text(60)),
    pin: Type.Optional(Pin),
    skills: Type.Optional(Type.Array(SkillId, { maxItems: 32, uniqueItems: true })),
    languages: Type.Optional(Languages),
    branchIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 64, uniqueItems: true })),
    active: Type.Optional(Type.Boolean()),
  },
  { ...strict, minProperties: 1 },
);
export type StaffBody = Static<typeof StaffBody>;
export type StaffPatchBody = Static<typeof StaffPatchBody>;
export const EnrollmentBody = Type.Object(
  { branchId: Id, kind: DeviceKind, label: Text(60), zone: Type.Optional(Zone) },
  strict,
);
/** `PATCH /api/devices/:id`: a kiosk's zone (null clears it). */
export const DevicePatchBody = Type.Object({ zone: Type.Union([Zone, Type.Null()]) }, strict);
/** `PUT /api/presence`: what the rover says about themself. */
export const PresenceBody = Type.Object(
  { state: PresenceState, zone: Type.Optional(Type.Union([Zone, Type.Null()])) },
  strict,
);
export type PresenceBody = Static<typeof PresenceBody>;
export const EnrollBody = Type.Object({ code: Text(64) }, strict);
export const StaffSessionBody = Type.Object({ staffId: Text(64), pin: Pin }, strict);
/** `DELETE /api/session?staffId=`: end the session only if it is this staff member's. */
export const SignOutQuery = Type.Object({ staffId: Type.Optional(Text(64)) }, strict);

/**
 * A topic's translations: `{es: "Computadoras", "zh-Hans": "..."}`. Keys are BCP 47 tags; a blank
 * label is left out (a form may send every language's field).
 */
const TopicLabels = Type.Record(
  Type.String({ pattern: LANGUAGE_TAG_PATTERN, maxLength: 35 }),
  Text(TOPIC_LABEL_MAX, { min: 0 }),
  { maxProperties: BRANCH_LANGUAGES_MAX },
);
export const TopicBody = Type.Object(
  {
    id: Type.Optional(Id),
    label: Text(TOPIC_LABEL_MAX),
    skill: SkillId,
    icon: Type.Optional(Text(32)),
    labels: Type.Optional(TopicLabels),
  },
  strict,
);
export type TopicBody = Static<typeof TopicBody>;
export const TopicPatchBody = Type.Object(
  {
    label: Type.Optional(Text(TOPIC_LABEL_MAX)),
    skill: Type.Optional(SkillId),
    icon: Type.Optional(Text(32)),
    hidden: Type.Optional(Type.Boolean()),
    /** Replaces the topic's translations as a whole. */
    labels: Type.Optional(TopicLabels),
  },
  { ...strict, minProperties: 1 },
);
export type TopicPatchBody = Static<typeof TopicPatchBody>;
/** `GET /api/branches/:branchId/topics?lang=es`: each `label` in that language where it has one. */
export const TopicsQuery = Type.Object({ lang: Type.Optional(LanguageTag) }, strict);

/** The longest skill name a supervisor may write. */
export const SKILL_LABEL_MAX = 60;
/** `POST /api/skills`: a new skill of the library's own. */
export const SkillBody = Type.Object({ id: SkillId, label: Text(SKILL_LABEL_MAX) }, strict);
export type SkillBody = Static<typeof SkillBody>;
/** `PATCH /api/skills/:id`: rename it, retire it or bring it back. */
export const SkillPatchBody = Type.Object(
  { label: Type.Optional(Text(SKILL_LABEL_MAX)), retired: Type.Optional(Type.Boolean()) },
  { ...strict, minProperties: 1 },
);
export type SkillPatchBody = Static<typeof SkillPatchBody>;

export const TopicOrderBody = Type.Object(
  { ids: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }) },
  strict,
);

export const CreateRequestBody = Type.Object(
  {
    id: Uuid,
    topicId: Id,
    name: Type.Optional(Text(60, { min: 0 })),
    note: Type.Optional(Text(280, { min: 0, lines: true })),
    needs: Type.Optional(Type.Array(Need, { maxItems: 3, uniqueItems: true })),
    language: Type.Optional(LanguageTag),
    /** Staff only: this is a walk-up (required from staff, refused from a kiosk). */
    origin: Type.Optional(Type.Literal('walk-up')),
    /** Staff only: where on the floor the patron is. */
    zone: Type.Optional(Zone),
    /** Staff only: take it oneself at once (`claimed` by the caller) instead of queueing it. */
    claim: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type CreateRequestBody = Static<typeof CreateRequestBody>;

/** The longest on-the-spot answer one can record, in minutes (a whole shift is not one). */
const INTERACTION_MAX_MINUTES = 240;

/**
 * `POST /api/interactions`: a question answered on the spot. No patron text at all: a name or
 * a note is an unknown field (400). `no-show` is not an outcome here: the patron was there.
 */
export const InteractionBody = Type.Object(
  {
    id: Uuid,
    topicId: Id,
    outcome: literals(ON_THE_SPOT_OUTCOMES),
    effort: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
    language: Type.Optional(LanguageTag),
    minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: INTERACTION_MAX_MINUTES })),
  },
  strict,
);
export type InteractionBody = Static<typeof InteractionBody>;

const actionBase = { opId: Uuid, version: Type.Optional(Type.Integer({ minimum: 1 })) };
export const ActionBodies = {
  claim: Type.Object(actionBase, strict),
  release: Type.Object(actionBase, strict),
  start: Type.Object(actionBase, strict),
  cancel: Type.Object(actionBase, strict),
  page: Type.Object(actionBase, strict),
  here: Type.Object(actionBase, strict),
  resolve: Type.Object(
    {
      ...actionBase,
      outcome: Outcome,
      effort: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
    },
    strict,
  ),
  transfer: Type.Object(
    { ...actionBase, skill: SkillId, note: Type.Optional(Text(280, { min: 0, lines: true })) },
    strict,
  ),
} satisfies Record<Static<typeof RequestAction>, TSchema>;
export type ActionBody<A extends keyof typeof ActionBodies> = Static<(typeof ActionBodies)[A]>;
