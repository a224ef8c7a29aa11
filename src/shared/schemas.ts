// Every body and answer of the wire contract, written once: TypeBox gives the JSON Schema the
// server validates with and the TypeScript type both sides use. The client imports only types
// from here (`import type`), so none of this reaches a kiosk's bundle.
import { Type, type Static, type TLiteral, type TSchema } from '@sinclair/typebox';
import {
  ON_THE_SPOT_OUTCOMES,
  ORIGINS,
  OUTCOMES,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
} from './request-machine.js';
import { ADMIN_PASSWORD_MAX, ADMIN_PASSWORD_MIN } from './passwords.js';

const strict = { additionalProperties: false } as const;
/** One of `values`, typed as that union (not as any string). */
const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);

/**
 * Rove's one definition of text a person writes: no control characters (U+0000 breaks
 * PostgreSQL; the others break a line or a log). `LINES_TEXT` keeps tab and line breaks, for
 * notes and scripts that may be several lines. Every text field of every body uses `Text`.
 */
export const LINE_TEXT = '^[^\\u0000-\\u001F\\u007F]*$';
export const LINES_TEXT = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';
export const TEXT_PATTERNS: readonly string[] = [LINE_TEXT, LINES_TEXT];
export const Text = (max: number, { min = 1, lines = false } = {}) =>
  Type.String({ minLength: min, maxLength: max, pattern: lines ? LINES_TEXT : LINE_TEXT });

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
export const Uuid = Type.String({ format: 'uuid' });
export const IsoTime = Type.String({ format: 'date-time' });
/** A skill's id: lowercase letters, digits and `-`, 1 to 40 (a supervisor names new ones). */
export const SKILL_ID_MAX = 40;
export const SkillId = Type.String({
  minLength: 1,
  maxLength: SKILL_ID_MAX,
  pattern: '^[a-z0-9-]+$',
});
export const Pin = Type.String({ pattern: '^[0-9]{4,8}$' });

export const RequestStatus = literals(REQUEST_STATUSES);
export const RequestAction = literals(REQUEST_ACTIONS);
export const Outcome = literals(OUTCOMES);
export const Need = literals(['private', 'accessible', 'language'] as const);
export type Need = Static<typeof Need>;
export const Origin = literals(ORIGINS);

/**
 * A patron's language as a BCP 47 tag ("es", "pt-BR", "zh-Hant"). Any well-formed tag for now;
 * a branch's own list of languages narrows it later.
 */
export const LANGUAGE_TAG_PATTERN = '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$';
export const LanguageTag = Type.String({
  minLength: 2,
  maxLength: 35,
  pattern: LANGUAGE_TAG_PATTERN,
});
/** A place on the floor ("Kids' area", "By the entrance"): one line, no control characters. */
export const Zone = Text(60);
/** The languages a person speaks, as BCP 47 tags. */
export const Languages = Type.Array(LanguageTag, { maxItems: 16, uniqueItems: true });

export const StaffRef = Type.Object({ id: Type.String(), displayName: Type.String() }, strict);

export const HelpRequest = Type.Object(
  {
    id: Uuid,
    branchId: Type.String(),
    ticket: Type.String(),
    topicId: Type.String(),
    skill: Type.String(),
    status: RequestStatus,
    name: Type.Optional(Type.String()),
    note: Type.Optional(Type.String()),
    needs: Type.Array(Type.String()),
    /**
     * `kiosk`: a patron asked at a kiosk; `walk-up`: staff started it for a patron in front of
     * them (see `createdBy`). Always sent by this server; absent only in copies older than it.
     */
    origin: Type.Optional(Origin),
    /** The staff member who started a walk-up. Staff see it; a kiosk never does. */
    createdBy: Type.Optional(StaffRef),
    /** The patron's language (BCP 47), when staff or the kiosk said it. */
    language: Type.Optional(Type.String()),
    /** Where on the floor the patron is (a walk-up's zone, or the zone of the kiosk asked at). */
    zone: Type.Optional(Type.String()),
    /** When the server last raised a long-wait alert for it (docs/API.md, "Long waits"). */
    escalatedAt: Type.Optional(IsoTime),
    /** While the claimer is paging the patron at the kiosk (docs/API.md, "Paging"). */
    pagedAt: Type.Optional(IsoTime),
    /** When the patron answered a page ("I'm here"). */
    patronHereAt: Type.Optional(IsoTime),
    /** When the patron first opened their follow link: they may be browsing nearby. */
    followedAt: Type.Optional(IsoTime),
    /** How long an answer given on the spot took, in minutes, when the rover said. */
    minutes: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Who is on the way or serving. A kiosk gets `displayName` only, never the staff `id`. */
    claimedBy: Type.Optional(
      Type.Object({ id: Type.Optional(Type.String()), displayName: Type.String() }, strict),
    ),
    /** Set by `transfer`: who handed it on and what the next person should know. A kiosk's
     *  view keeps only `at` (that it was handed on, and when): no note, no staff. */
    handoff: Type.Optional(
      Type.Object(
        { from: Type.Optional(StaffRef), note: Type.Optional(Type.String()), at: IsoTime },
        strict,
      ),
    ),
    outcome: Type.Optional(Outcome),
    effort: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
    version: Type.Integer({ minimum: 1 }),
    createdAt: IsoTime,
    claimedAt: Type.Optional(IsoTime),
    servedAt: Type.Optional(IsoTime),
    closedAt: Type.Optional(IsoTime),
  },
  strict,
);
export type HelpRequest = Static<typeof HelpRequest>;

export const Topic = Type.Object(
  {
    id: Id,
    branchId: Type.String(),
    label: Type.String(),
    skill: SkillId,
    /** Name of an icon the client knows (see client/components/topic-icon). */
    icon: Type.String(),
    position: Type.Integer(),
    hidden: Type.Boolean(),
    /**
     * The label in other languages, by BCP 47 tag, as a supervisor wrote them. `label` is the
     * branch's default language (or, with `?lang=`, the language asked for where there is one).
     * Always sent by this server (absent only in copies kept from before it).
     */
    labels: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  strict,
);
export type Topic = Static<typeof Topic>;

/**
 * A skill: the starter eight, or one a supervisor named. `retired` skills are given to no new
 * topic or person; those that have one keep it. Always sent by this server.
 */
export const Skill = Type.Object(
  { id: SkillId, label: Type.String(), retired: Type.Optional(Type.Boolean()) },
  strict,
);
export type Skill = Static<typeof Skill>;

export const StaffMember = Type.Object(
  {
    id: Type.String(),
    displayName: Type.String(),
    skills: Type.Array(Type.String()),
    /** Languages the person speaks (BCP 47), for matching patrons who asked in them. */
    languages: Type.Optional(Type.Array(Type.String())),
    branchIds: Type.Array(Type.String()),
    active: Type.Boolean(),
  },
  strict,
);
export type StaffMember = Static<typeof StaffMember>;

/** What a tablet shows on its sign-in screen: no branches, no PIN state. */
export const StaffName = Type.Object(
  { id: Type.String(), displayName: Type.String(), skills: Type.Array(Type.String()) },
  strict,
);
export type StaffName = Static<typeof StaffName>;

export const DeviceKind = literals(['kiosk', 'tablet'] as const);
export type DeviceKind = Static<typeof DeviceKind>;
export const Device = Type.Object(
  {
    id: Type.String(),
    kind: DeviceKind,
    branchId: Type.String(),
    label: Type.String(),
    /** A kiosk's place on the floor: one of its branch's zones. */
    zone: Type.Optional(Type.String()),
    enrolledAt: Type.Optional(IsoTime),
    lastSeenAt: Type.Optional(IsoTime),
    revokedAt: Type.Optional(IsoTime),
  },
  strict,
);
export type Device = Static<typeof Device>;

/** Who a device is and who is signed in on it: `GET /api/session` (docs/API.md). */
export const SessionRole = Type.Union([
  Type.Literal('admin'),
  Type.Literal('staff'),
  Type.Literal('kiosk'),
  Type.Literal('tablet'),
  Type.Null(),
]);
export const Session = Type.Object(
  { role: SessionRole, device: Type.Optional(Device), staff: Type.Optional(StaffName) },
  strict,
);
export type Session = Static<typeof Session>;

/** `serviceDesk`: where a patron finds the service desk, e.g. "on the ground floor". */
export const Branch = Type.Object(
  {
    id: Id,
    name: Type.String(),
    serviceDesk: Type.Optional(Type.String()),
    /** The places on the floor staff move between and kiosks stand in, in the order given. */
    /** Always sent by this server (absent only in copies kept from before it). */
    zones: Type.Optional(Type.Array(Type.String())),
    /** How long a request may wait before staff are alerted; 0: never (docs/API.md). */
    escalateAfterSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
    /**
     * The languages the branch's kiosks offer (BCP 47 tags), the first its default. Always sent
     * by this server (absent only in copies kept from before it).
     */
    languages: Type.Optional(Type.Array(Type.String())),
  },
  strict,
);
export type Branch = Static<typeof Branch>;

/** The longest service desk place a supervisor may write (after trimming). */
export const SERVICE_DESK_MAX = 120;
/** A branch's zones: at most this many (docs/API.md, "Zones"). */
export const ZONES_MAX = 30;
/** The longest name of one of a branch's zones. */
export const ZONE_MAX = 40;
/** The longest wait a supervisor may set before staff are alerted: a day. */
export const ESCALATE_MAX_SECONDS = 86_400;
export const ESCALATE_DEFAULT_SECONDS = 180;
/** The most languages a branch's kiosks may offer. */
export const BRANCH_LANGUAGES_MAX = 16;
/** The longest topic label, in any language. */
export const TOPIC_LABEL_MAX = 60;

export const PRESENCE_STATES = ['available', 'break', 'away'] as const;
export const PresenceState = literals(PRESENCE_STATES);
export type PresenceState = (typeof PRESENCE_STATES)[number];
/** Who is on the floor (docs/API.md, "Presence"). */
export const Presence = Type.Object(
  {
    staffId: Type.String(),
    displayName: Type.String(),
    state: PresenceState,
    zone: Type.Union([Type.String(), Type.Null()]),
    since: IsoTime,
    busy: Type.Boolean(),
    silent: Type.Boolean(),
    signedIn: Type.Boolean(),
    skills: Type.Array(Type.String()),
    languages: Type.Array(Type.String()),
  },
  strict,
);
export type Presence = Static<typeof Presence>;

// ---- bodies ---------------------------------------------------------------------------------

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
export const TopicLabels = Type.Record(
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
export const INTERACTION_MAX_MINUTES = 240;

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

// ---- answers --------------------------------------------------------------------------------

export const ErrorCode = literals([
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'rate_limited',
  'internal',
  'unavailable',
] as const);
export type ErrorCode = Static<typeof ErrorCode>;
/**
 * Why, more precisely than `code`, where a client may act on it: `skill_retired` (409
 * `conflict`): a retired skill was given to a topic or person that did not have it.
 */
export const ErrorReason = literals(['skill_retired'] as const);
export type ErrorReason = Static<typeof ErrorReason>;
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: ErrorCode,
      message: Type.String(),
      reason: Type.Optional(ErrorReason),
    }),
    request: Type.Optional(HelpRequest),
  },
  strict,
);
export type ErrorBody = Static<typeof ErrorBody>;

/** `{request}`: a request as made, acted on or read (docs/API.md, "Help requests"). */
export const RequestAnswer = Type.Object({ request: HelpRequest }, strict);
/** A creation's answer: to the kiosk that made it, also the patron's follow link. */
export const CreatedAnswer = Type.Object(
  { request: HelpRequest, followUrl: Type.Optional(Type.String()) },
  strict,
);
/** A refused action (409): why, and the request as it now stands. */
export const RefusalAnswer = Type.Object(
  {
    error: Type.Object({ code: ErrorCode, message: Type.String() }),
    request: HelpRequest,
  },
  strict,
);
/** `GET /api/branches/:branchId/requests`: the open requests and the seq they are current as of. */
export const OpenRequestsAnswer = Type.Object(
  { requests: Type.Array(HelpRequest), seq: Type.Integer() },
  strict,
);

/** Answers of the reference-data routes (docs/API.md, "Branches, staff, skills", "Topics"). */
export const BranchesAnswer = Type.Object({ branches: Type.Array(Branch) }, strict);
export const SkillsAnswer = Type.Object({ skills: Type.Array(Skill) }, strict);
export const SkillAnswer = Type.Object({ skill: Skill }, strict);
export const StaffNamesAnswer = Type.Object({ staff: Type.Array(StaffName) }, strict);
export const StaffListAnswer = Type.Object({ staff: Type.Array(StaffMember) }, strict);
export const StaffAnswer = Type.Object({ staff: StaffMember }, strict);
export const NewStaffAnswer = Type.Omit(StaffMember, ['active']);
export const TopicsAnswer = Type.Object({ topics: Type.Array(Topic) }, strict);
export const TopicAnswer = Type.Object({ topic: Topic }, strict);
/** Answers of the device routes (docs/API.md, "Sessions and devices"). */
export const DevicesAnswer = Type.Object({ devices: Type.Array(Device) }, strict);
export const DeviceAnswer = Type.Object({ device: Device }, strict);
/** A notice to a branch's waiting patrons (docs/API.md, "Notices"). */
export const Notice = Type.Object(
  { id: Uuid, branchId: Type.String(), text: Type.String(), until: IsoTime, by: Type.String() },
  strict,
);
export type Notice = Static<typeof Notice>;
export const NOTICE_MAX = 200;
/** The furthest ahead a notice may end: a day. */
export const NOTICE_HOURS_MAX = 24;
export const NoticeBody = Type.Object(
  { text: Text(2 * NOTICE_MAX), until: Type.String({ format: 'date-time' }) },
  strict,
);
export type NoticeBody = Static<typeof NoticeBody>;
export const NoticeAnswer = Type.Object({ notice: Notice }, strict);
export const NoticesAnswer = Type.Object({ notices: Type.Array(Notice) }, strict);

/** `POST .../feedback`: how well we did, and how much it mattered today (no free text). */
export const FeedbackBody = Type.Object(
  {
    satisfaction: Type.Integer({ minimum: 1, maximum: 5 }),
    importance: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  },
  strict,
);
export type FeedbackBody = Static<typeof FeedbackBody>;

/** What a patron's follow link shows of their request: never a name, note or staff id. */
export const FollowView = Type.Object(
  {
    ticket: Type.String(),
    status: RequestStatus,
    topicLabel: Type.String(),
    claimedBy: Type.Union([Type.Object({ displayName: Type.String() }, strict), Type.Null()]),
    pagedAt: Type.Union([IsoTime, Type.Null()]),
    patronHereAt: Type.Union([IsoTime, Type.Null()]),
    place: Type.Union([
      Type.Object({ position: Type.Integer(), estimateMinutes: Type.Number() }, strict),
      Type.Null(),
    ]),
    version: Type.Integer({ minimum: 1 }),
    feedback: Type.Boolean(),
  },
  strict,
);
export type FollowView = Static<typeof FollowView>;
export const FollowAnswer = Type.Object(
  { request: FollowView, notices: Type.Optional(Type.Array(Notice)) },
  strict,
);
/** A follow link's refused action (409): why, and the request as the patron sees it. */
export const FollowRefusal = Type.Object(
  { error: Type.Object({ code: ErrorCode, message: Type.String() }), request: FollowView },
  strict,
);
export const FeedbackAnswer = Type.Object({ ok: Type.Literal(true) }, strict);

export const PresenceAnswer = Type.Object({ presence: Presence }, strict);
export const PresenceListAnswer = Type.Object({ staff: Type.Array(Presence) }, strict);
export const EnrolledAnswer = Type.Object({ token: Type.String(), device: Device }, strict);
export const EnrollmentAnswer = Type.Object(
  { code: Type.String(), expiresAt: Type.String() },
  strict,
);
/** A sign-in's answer: the session token (also set as the `rove_session` cookie). */
export const AdminSignedInAnswer = Type.Object(
  { token: Type.String(), role: Type.Literal('admin') },
  strict,
);
export const StaffSignedInAnswer = Type.Object({ token: Type.String(), staff: StaffName }, strict);

export const HealthAnswer = Type.Object({
  ok: Type.Boolean(),
  store: literals(['pglite', 'postgres'] as const),
  /** Only when `ok` is false (503): why the store does not answer, in a few words. */
  reason: Type.Optional(Type.String()),
});
