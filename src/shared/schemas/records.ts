// The things Rove keeps and sends, as the wire shows them: requests, topics, skills, staff,
// devices, the session, branches and presence (docs/API.md).
import { Type, type Static } from '@sinclair/typebox';
import { literals, strict } from './build.js';
import { Id, IsoTime, Origin, Outcome, RequestStatus, SkillId, Uuid } from './base.js';

const StaffRef = Type.Object({ id: Type.String(), displayName: Type.String() }, strict);

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
const SessionRole = Type.Union([
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
    /**
     * The branch's IANA time zone ("America/Toronto"): its report and CSV count days and write
     * times on that clock. Absent until a supervisor sets it.
     */
    timeZone: Type.Optional(Type.String()),
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
