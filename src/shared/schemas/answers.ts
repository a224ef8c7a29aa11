// What the server answers: errors and every route's response, with notices, feedback and the
// patron's follow page, whose bodies and answers sit together.
import { Type, type Static } from '@sinclair/typebox';
import { literals, strict } from './build.js';
import { IsoTime, RequestStatus, Text, Uuid } from './base.js';
import {
  Branch,
  Device,
  HelpRequest,
  Presence,
  Skill,
  StaffMember,
  StaffName,
  Topic,
} from './records.js';

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
