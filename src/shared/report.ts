// The supervisor's service report (GET /api/branches/:branchId/report): the query it takes and
// the figures it answers. Aggregates only: no patron name, note or hand-off note ever appears.
import { Type, type Static } from '@sinclair/typebox';
import { TimeZoneName } from './schemas/base.js';

const strict = { additionalProperties: false } as const;

/** The longest range one report covers, in days (a leap year). */
export const REPORT_MAX_DAYS = 366;

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const ReportQuery = Type.Object(
  {
    /** First day of the range, in `tz`. */
    from: Day,
    /** Last day of the range (included), in `tz`. */
    to: Day,
    /**
     * An IANA time zone name such as `Europe/Paris`. When absent: the branch's own `timeZone`,
     * or UTC for a branch without one.
     */
    tz: Type.Optional(TimeZoneName),
  },
  strict,
);
export type ReportQuery = Static<typeof ReportQuery>;

/** Median and 90th percentile, in seconds; both null when nothing was measured. */
export const Durations = Type.Object(
  {
    count: Type.Integer({ minimum: 0 }),
    medianSeconds: Type.Union([Type.Number(), Type.Null()]),
    p90Seconds: Type.Union([Type.Number(), Type.Null()]),
  },
  strict,
);
export type Durations = Static<typeof Durations>;

const Count = Type.Integer({ minimum: 0 });

/**
 * Requests by where they came from, three parts that add up to all of them: `kiosk` (a patron
 * asked at a kiosk), `walkUp` (staff served a patron in front of them themselves: answered on
 * the spot, or taken at once and never left for anyone else) and `handOff` (a walk-up left for
 * someone else: sent to the queue for a specialist, handed on, or claimed by a colleague).
 */
const ByOrigin = Type.Object({ kiosk: Count, walkUp: Count, handOff: Count }, strict);
export type ByOrigin = Static<typeof ByOrigin>;

export const ServiceReport = Type.Object(
  {
    branchId: Type.String(),
    from: Type.String(),
    to: Type.String(),
    tz: Type.String(),
    /** Requests made in the range, and how each stands now. */
    requests: Type.Object({ total: Count, done: Count, cancelled: Count, open: Count }, strict),
    /** Done requests by outcome. */
    outcomes: Type.Object(
      { answered: Count, referred: Count, 'follow-up': Count, 'no-show': Count },
      strict,
    ),
    /** Cancelled requests by who cancelled; `unknown` for those cancelled before it was kept. */
    cancelled: Type.Object({ byKiosk: Count, byStaff: Count, unknown: Count }, strict),
    /** Open requests by where they stand. */
    open: Type.Object({ waiting: Count, claimed: Count, serving: Count }, strict),
    /** Requests by where they came from: the kiosk, a walk-up served there, a hand-off. */
    byOrigin: ByOrigin,
    /**
     * From the patron's tap (or the greeter's send) to the first time someone claimed it, over
     * claimed requests that waited for someone (not walk-ups taken at once or answered on the
     * spot: someone was with the patron from the start).
     */
    wait: Durations,
    /**
     * From "start" to "resolve" for done requests that were started (the last person's part),
     * and the minutes given for answers recorded on the spot.
     */
    withPatron: Durations,
    /** Transfers: how many, how many requests had one, and to which skills. */
    handoffs: Type.Object(
      {
        total: Count,
        requests: Count,
        toSkills: Type.Array(Type.Object({ skill: Type.String(), count: Count }, strict)),
      },
      strict,
    ),
    /** Done requests by effort grade 1-6 (always six rows), and how many had no grade. */
    effort: Type.Object(
      {
        grades: Type.Array(Type.Object({ grade: Type.Integer(), count: Count }, strict)),
        ungraded: Count,
      },
      strict,
    ),
    /** Per topic asked about: requests, the median wait for a first claim, and by origin. */
    topics: Type.Array(
      Type.Object(
        {
          topicId: Type.String(),
          label: Type.String(),
          count: Count,
          medianWaitSeconds: Type.Union([Type.Number(), Type.Null()]),
          byOrigin: ByOrigin,
        },
        strict,
      ),
    ),
    /** Requests made in each hour of the day (0-23, in `tz`): always 24 rows. */
    hours: Type.Array(Type.Object({ hour: Type.Integer(), count: Count }, strict)),
    /**
     * Requests made in each hour of each weekday (in `tz`): always 168 cells, weekday 0
     * (Sunday) to 6 (Saturday), each with hours 0 to 23.
     */
    heatmap: Type.Array(
      Type.Object(
        {
          weekday: Type.Integer({ minimum: 0, maximum: 6 }),
          hour: Type.Integer({ minimum: 0, maximum: 23 }),
          requests: Count,
        },
        strict,
      ),
    ),
    /**
     * Every day of the range (in `tz`, oldest first): requests made that day, and the median
     * and 90th percentile of their waits (as `wait` measures them; null when none was measured).
     */
    waitsByDay: Type.Array(
      Type.Object(
        {
          day: Type.String(),
          requests: Count,
          p50Seconds: Type.Union([Type.Number(), Type.Null()]),
          p90Seconds: Type.Union([Type.Number(), Type.Null()]),
        },
        strict,
      ),
    ),
    /** Per staff member: requests they resolved (the one who resolved it). */
    staff: Type.Array(
      Type.Object({ staffId: Type.String(), displayName: Type.String(), resolved: Count }, strict),
    ),
    /**
     * The patrons' word back (docs/API.md, "Feedback"): how many answered, how many gave each
     * grade of "how well we did" (1..5, five counts), and per topic the mean of each answer.
     */
    feedback: Type.Object(
      {
        responses: Count,
        satisfaction: Type.Array(Count, { minItems: 5, maxItems: 5 }),
        byTopic: Type.Array(
          Type.Object(
            {
              topicId: Type.String(),
              responses: Count,
              satisfactionMean: Type.Number(),
              importanceMean: Type.Union([Type.Number(), Type.Null()]),
            },
            strict,
          ),
        ),
      },
      strict,
    ),
  },
  strict,
);
export type ServiceReport = Static<typeof ServiceReport>;
