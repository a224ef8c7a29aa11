// The service report's figures for one branch and a range of days: counts, waits, hand-offs,
// effort, topics, hours and staff, all read in one snapshot so the parts add up. Durations are
// taken at millisecond precision, the precision the API shows a request's times in.
import type { Durations, ServiceReport } from '../../shared/report.js';
import { OUTCOMES } from '../../shared/request-machine.js';
import { invalid } from '../errors.js';
import { isInvalidParameter, type Row } from './db.js';
import type { StoreCore } from './core.js';
import { exportPages } from './export.js';
import { BOUNDS, ORIGIN_GROUP, SERVE_MS, WAIT_MS, type ReportRange } from './report-sql.js';

export type { ReportRange } from './report-sql.js';

// $1 branch, $2 first day, $3 last day, $4 time zone. Days start at midnight in that zone.
const SCOPE = `
  WITH ${BOUNDS}, scope AS (
    SELECT r.id, r.status, r.outcome, r.effort, r.cancelled_by, r.topic_id, r.branch_id,
           r.handoff_skills, r.claimed_by_id, r.claimed_by_name, r.created_at,
           ${ORIGIN_GROUP} AS origin_group,
           ${WAIT_MS} AS wait_ms,
           ${SERVE_MS} AS serve_ms
      FROM requests r, bounds b
     WHERE r.branch_id = $1 AND r.created_at >= b.start_at AND r.created_at < b.end_at
  )`;

const ORIGIN_COUNTS = `COUNT(*) FILTER (WHERE origin_group = 'kiosk') AS from_kiosk,
         COUNT(*) FILTER (WHERE origin_group = 'walkUp') AS walk_up,
         COUNT(*) FILTER (WHERE origin_group = 'handOff') AS hand_off`;

const SUMMARY = `${SCOPE}
  SELECT COUNT(*) AS total,
         COUNT(*) FILTER (WHERE status = 'done') AS done,
         COUNT(*) FILTER (WHERE status = 'cancelled') AS cancelled,
         COUNT(*) FILTER (WHERE status = 'waiting') AS waiting,
         COUNT(*) FILTER (WHERE status = 'claimed') AS claimed,
         COUNT(*) FILTER (WHERE status = 'serving') AS serving,
         ${OUTCOMES.map((o) => `COUNT(*) FILTER (WHERE status = 'done' AND outcome = '${o}') AS "${o}"`).join(',\n')},
         COUNT(*) FILTER (WHERE status = 'cancelled' AND cancelled_by = 'kiosk') AS by_kiosk,
         COUNT(*) FILTER (WHERE status = 'cancelled' AND cancelled_by IN ('staff', 'admin')) AS by_staff,
         COUNT(*) FILTER (WHERE status = 'cancelled' AND cancelled_by IS NULL) AS by_unknown,
         COUNT(wait_ms) AS wait_count,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_ms) AS wait_median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY wait_ms) AS wait_p90,
         COUNT(serve_ms) AS serve_count,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY serve_ms) AS serve_median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY serve_ms) AS serve_p90,
         COALESCE(SUM(jsonb_array_length(handoff_skills)), 0) AS handoffs,
         COUNT(*) FILTER (WHERE jsonb_array_length(handoff_skills) > 0) AS handoff_requests,
         COUNT(*) FILTER (WHERE status = 'done' AND effort IS NULL) AS ungraded,
         ${ORIGIN_COUNTS}
    FROM scope`;

const EFFORT = `${SCOPE}
  SELECT effort, COUNT(*) AS n FROM scope
   WHERE status = 'done' AND effort IS NOT NULL GROUP BY effort`;

const HANDOFF_SKILLS = `${SCOPE}
  SELECT s.skill, COUNT(*) AS n FROM scope, jsonb_array_elements_text(scope.handoff_skills) AS s(skill)
   GROUP BY s.skill ORDER BY n DESC, s.skill`;

const TOPICS = `${SCOPE}
  SELECT scope.topic_id, t.label, COUNT(*) AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY scope.wait_ms) AS wait_median,
         ${ORIGIN_COUNTS}
    FROM scope LEFT JOIN topics t ON t.branch_id = scope.branch_id AND t.id = scope.topic_id
   GROUP BY scope.topic_id, t.label ORDER BY n DESC, scope.topic_id`;

const HOURS = `${SCOPE}
  SELECT EXTRACT(HOUR FROM created_at AT TIME ZONE $4::text)::int AS hour, COUNT(*) AS n
    FROM scope GROUP BY 1`;

// Weekday (0 Sunday .. 6 Saturday) and hour of the day the request was made, in the zone.
const HEATMAP = `${SCOPE}
  SELECT EXTRACT(DOW FROM created_at AT TIME ZONE $4::text)::int AS weekday,
         EXTRACT(HOUR FROM created_at AT TIME ZONE $4::text)::int AS hour, COUNT(*) AS n
    FROM scope GROUP BY 1, 2`;

// Per calendar day in the zone: requests made that day, and their waits measured as for `wait`.
const WAITS_BY_DAY = `${SCOPE}
  SELECT to_char((created_at AT TIME ZONE $4::text)::date, 'YYYY-MM-DD') AS day, COUNT(*) AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_ms) AS wait_median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY wait_ms) AS wait_p90
    FROM scope GROUP BY 1`;

// The current name of whoever resolved it, or the name they had then if they were removed.
const STAFF = `${SCOPE}
  SELECT scope.claimed_by_id AS staff_id,
         COALESCE(MAX(s.display_name), MAX(scope.claimed_by_name)) AS display_name, COUNT(*) AS n
    FROM scope LEFT JOIN staff s ON s.id = scope.claimed_by_id
   WHERE scope.status = 'done' AND scope.claimed_by_id IS NOT NULL
   GROUP BY scope.claimed_by_id ORDER BY n DESC, display_name, staff_id`;

// The patrons' word back: by topic and grade, with importance summed to average per topic.
const FEEDBACK = `${SCOPE}
  SELECT scope.topic_id, f.satisfaction, COUNT(*) AS n,
         SUM(f.importance) AS importance_sum, COUNT(f.importance) AS importance_n
    FROM scope JOIN feedback f ON f.request_id = scope.id
   GROUP BY scope.topic_id, f.satisfaction ORDER BY scope.topic_id`;

/** An unknown time zone as 400 `invalid`; anything else as it is. */
function zoneRefused(error: unknown, tz: string): unknown {
  if (isInvalidParameter(error)) return invalid(`tz "${tz}" is not a time zone this server knows`);
  return error;
}

const num = (value: unknown) => Number(value);
/** Seconds to the millisecond (a percentile may fall between two milliseconds). */
const seconds = (ms: unknown) => (ms == null ? null : Math.round(Number(ms)) / 1000);
const durations = (count: unknown, median: unknown, p90: unknown): Durations => ({
  count: num(count),
  medianSeconds: seconds(median),
  p90Seconds: seconds(p90),
});

const byOrigin = (row: Row) => ({
  kiosk: num(row.from_kiosk),
  walkUp: num(row.walk_up),
  handOff: num(row.hand_off),
});

export class ReportStore {
  constructor(private readonly store: StoreCore) {}

  /** The branch must exist (the route checks); an unknown `tz` is refused with 400. */
  async service(branchId: string, range: ReportRange): Promise<ServiceReport> {
    const params = [branchId, range.from, range.to, range.tz];
    try {
      return await this.store.db.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const read = (sql: string) => tx.query(sql, params);
        // One after another: a transaction runs one statement at a time on either store.
        const [summary] = await read(SUMMARY);
        return shape(branchId, range, {
          summary: summary!,
          effort: await read(EFFORT),
          handoffSkills: await read(HANDOFF_SKILLS),
          topics: await read(TOPICS),
          hours: await read(HOURS),
          heatmap: await read(HEATMAP),
          waitsByDay: await read(WAITS_BY_DAY),
          staff: await read(STAFF),
          feedback: await read(FEEDBACK),
        });
      });
    } catch (error) {
      throw zoneRefused(error, range.tz);
    }
  }

  /**
   * The CSV export's rows (export.ts), a page at a time. The first page is read before this
   * resolves, so an unknown `tz` is refused (400) before anything is sent.
   */
  async exportPages(branchId: string, range: ReportRange): Promise<AsyncIterable<string[][]>> {
    const pages = exportPages(this.store.db, branchId, range);
    let first: IteratorResult<string[][]>;
    try {
      first = await pages.next();
    } catch (error) {
      throw zoneRefused(error, range.tz);
    }
    return (async function* () {
      if (first.done) return;
      yield first.value;
      yield* pages;
    })();
  }
}

interface Rows {
  summary: Row;
  effort: Row[];
  handoffSkills: Row[];
  topics: Row[];
  hours: Row[];
  heatmap: Row[];
  waitsByDay: Row[];
  staff: Row[];
  feedback: Row[];
}

function shape(branchId: string, range: ReportRange, rows: Rows): ServiceReport {
  const s = rows.summary;
  const byGrade = new Map(rows.effort.map((row) => [num(row.effort), num(row.n)]));
  const byHour = new Map(rows.hours.map((row) => [num(row.hour), num(row.n)]));
  const byCell = new Map(
    rows.heatmap.map((row) => [num(row.weekday) * 24 + num(row.hour), num(row.n)]),
  );
  const byDay = new Map(rows.waitsByDay.map((row) => [String(row.day), row]));
  const open = { waiting: num(s.waiting), claimed: num(s.claimed), serving: num(s.serving) };
  return {
    branchId,
    from: range.from,
    to: range.to,
    tz: range.tz,
    requests: {
      total: num(s.total),
      done: num(s.done),
      cancelled: num(s.cancelled),
      open: open.waiting + open.claimed + open.serving,
    },
    outcomes: {
      answered: num(s.answered),
      referred: num(s.referred),
      'follow-up': num(s['follow-up']),
      'no-show': num(s['no-show']),
    },
    cancelled: { byKiosk: num(s.by_kiosk), byStaff: num(s.by_staff), unknown: num(s.by_unknown) },
    open,
    byOrigin: byOrigin(s),
    wait: durations(s.wait_count, s.wait_median, s.wait_p90),
    withPatron: durations(s.serve_count, s.serve_median, s.serve_p90),
    handoffs: {
      total: num(s.handoffs),
      requests: num(s.handoff_requests),
      toSkills: rows.handoffSkills.map((row) => ({ skill: String(row.skill), count: num(row.n) })),
    },
    effort: {
      grades: [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, count: byGrade.get(grade) ?? 0 })),
      ungraded: num(s.ungraded),
    },
    topics: rows.topics.map((row) => ({
      topicId: String(row.topic_id),
      label: row.label == null ? String(row.topic_id) : String(row.label),
      count: num(row.n),
      medianWaitSeconds: seconds(row.wait_median),
      byOrigin: byOrigin(row),
    })),
    hours: Array.from({ length: 24 }, (_, hour) => ({ hour, count: byHour.get(hour) ?? 0 })),
    heatmap: Array.from({ length: 7 * 24 }, (_, cell) => ({
      weekday: Math.floor(cell / 24),
      hour: cell % 24,
      requests: byCell.get(cell) ?? 0,
    })),
    waitsByDay: daysOf(range).map((day) => {
      const row = byDay.get(day);
      return {
        day,
        requests: row ? num(row.n) : 0,
        p50Seconds: row ? seconds(row.wait_median) : null,
        p90Seconds: row ? seconds(row.wait_p90) : null,
      };
    }),
    staff: rows.staff.map((row) => ({
      staffId: String(row.staff_id),
      displayName: String(row.display_name),
      resolved: num(row.n),
    })),
    feedback: feedbackFigures(rows.feedback),
  };
}

/** Every calendar day from `from` to `to`, both included (YYYY-MM-DD). */
function daysOf({ from, to }: ReportRange): string[] {
  const DAY_MS = 86_400_000;
  const days: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS)
    days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}

/** Responses, how many gave each grade 1..5, and per topic the mean of both answers. */
function feedbackFigures(rows: Row[]): ServiceReport['feedback'] {
  const satisfaction = [0, 0, 0, 0, 0];
  const topics = new Map<
    string,
    { n: number; sum: number; importanceSum: number; importanceN: number }
  >();
  for (const row of rows) {
    const grade = num(row.satisfaction);
    const n = num(row.n);
    satisfaction[grade - 1]! += n;
    const topic = topics.get(String(row.topic_id)) ?? {
      n: 0,
      sum: 0,
      importanceSum: 0,
      importanceN: 0,
    };
    topic.n += n;
    topic.sum += grade * n;
    topic.importanceSum += num(row.importance_sum);
    topic.importanceN += num(row.importance_n);
    topics.set(String(row.topic_id), topic);
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    responses: satisfaction.reduce((a, b) => a + b, 0),
    satisfaction,
    byTopic: [...topics].map(([topicId, t]) => ({
      topicId,
      responses: t.n,
      satisfactionMean: round(t.sum / t.n),
      importanceMean: t.importanceN ? round(t.importanceSum / t.importanceN) : null,
    })),
  };
}
