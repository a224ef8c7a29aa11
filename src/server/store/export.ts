// The CSV export of one branch's requests over a range of days (docs/API.md, "CSV export"):
// one row per request made in the range, oldest first, read a page at a time by keyset
// (created_at, id) so a year of a busy branch never sits in memory at once. Never a patron's
// name or note: patron_words is not read here at all.
import type { Row, Sql } from './db.js';
import { BOUNDS, ORIGIN_GROUP, SERVE_MS, WAIT_MS, type ReportRange } from './report-sql.js';

/** The columns, in order: the protocol's fifteen, then `origin` (docs/API.md, "By origin"). */
export const CSV_COLUMNS = [
  'ticket',
  'createdAt',
  'claimedAt',
  'closedAt',
  'topicId',
  'skill',
  'language',
  'status',
  'outcome',
  'effort',
  'waitedSeconds',
  'servedSeconds',
  'handoffs',
  'satisfaction',
  'importance',
  'origin',
] as const;

/** Rows read per query: small enough to hold, large enough that 50,000 rows are 50 reads. */
const EXPORT_PAGE = 1000;

/** A time as milliseconds since the epoch and its zone's offset then, in seconds. */
const moment = (column: string, name: string) => `
  (EXTRACT(EPOCH FROM date_trunc('milliseconds', ${column})) * 1000)::float8 AS ${name}_ms,
  EXTRACT(EPOCH FROM (${column} AT TIME ZONE $4::text) - (${column} AT TIME ZONE 'UTC'))::int
    AS ${name}_offset`;

// $1 branch, $2 first day, $3 last day, $4 time zone, $5 page size; $6 and $7 the last row
// already sent (its created_at as text, to the microsecond, and its id).
const page = (after: boolean) => `
  WITH ${BOUNDS}
  SELECT r.id, r.created_at::text AS cursor_at, r.ticket, r.topic_id, r.skill, r.language,
         r.status, r.outcome, r.effort, jsonb_array_length(r.handoff_skills) AS handoffs,
         f.satisfaction, f.importance, ${ORIGIN_GROUP} AS origin_group,
         ${WAIT_MS} AS wait_ms, ${SERVE_MS} AS serve_ms,
         ${moment('r.created_at', 'created')},
         ${moment('r.first_claimed_at', 'claimed')},
         ${moment('r.closed_at', 'closed')}
    FROM requests r CROSS JOIN bounds b LEFT JOIN feedback f ON f.request_id = r.id
   WHERE r.branch_id = $1 AND r.created_at >= b.start_at AND r.created_at < b.end_at
     ${after ? 'AND r.created_at >= $6::timestamptz AND (r.created_at, r.id) > ($6::timestamptz, $7::uuid)' : ''}
   ORDER BY r.created_at, r.id
   LIMIT $5`;
const FIRST_PAGE = page(false);
const NEXT_PAGE = page(true);

/**
 * The range's requests, page by page (each an array of rows in CSV_COLUMNS order, as text). A
 * page is read only when the one before it has been taken, so the caller sets the pace.
 */
export async function* exportPages(
  db: Sql,
  branchId: string,
  range: ReportRange,
  pageSize = EXPORT_PAGE,
): AsyncGenerator<string[][]> {
  const params = [branchId, range.from, range.to, range.tz, pageSize];
  let rows = await db.query(FIRST_PAGE, params);
  for (;;) {
    if (rows.length) yield rows.map(csvFields);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    rows = await db.query(NEXT_PAGE, [...params, last.cursor_at, last.id]);
  }
}

const text = (value: unknown) => (value == null ? '' : String(value));
/** Seconds to the millisecond, as the report gives them. */
const seconds = (ms: unknown) => (ms == null ? '' : String(Math.round(Number(ms)) / 1000));

/** `2026-12-04T10:30:07.123+01:00`: the time on the zone's clock, and the zone's offset. */
export function isoInZone(ms: unknown, offsetSeconds: unknown): string {
  if (ms == null) return '';
  const offset = Number(offsetSeconds);
  const local = new Date(Number(ms) + offset * 1000).toISOString().slice(0, 23);
  const minutes = Math.round(Math.abs(offset) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function csvFields(row: Row): string[] {
  return [
    text(row.ticket),
    isoInZone(row.created_ms, row.created_offset),
    isoInZone(row.claimed_ms, row.claimed_offset),
    isoInZone(row.closed_ms, row.closed_offset),
    text(row.topic_id),
    text(row.skill),
    text(row.language),
    text(row.status),
    text(row.outcome),
    text(row.effort),
    seconds(row.wait_ms),
    seconds(row.serve_ms),
    text(row.handoffs),
    text(row.satisfaction),
    text(row.importance),
    text(row.origin_group),
  ];
}

/** One CSV record (RFC 4180): a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvLine(fields: readonly string[]): string {
  return (
    fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',') + '\r\n'
  );
}
