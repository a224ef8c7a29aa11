// SQL the service report (report.ts) and the CSV export (export.ts) share, so both count a
// request's origin, wait and time with the patron by the same rule, over the same range.

export interface ReportRange {
  /** First day, YYYY-MM-DD, in `tz`. */
  from: string;
  /** Last day (included), YYYY-MM-DD, in `tz`. */
  to: string;
  tz: string;
}

/**
 * Which of the report's three origins a request counts under (`byOrigin`, docs/API.md): a
 * kiosk request, a walk-up kept by whoever met the patron, or a walk-up left for someone else
 * (`handed_off`, see migration 0006). They never overlap and add up to every request. The
 * CSV export's `origin` column (docs/API.md, "CSV export") reads this same expression.
 */
export const ORIGIN_GROUP = `CASE WHEN r.origin = 'kiosk' THEN 'kiosk'
  WHEN r.handed_off THEN 'handOff' ELSE 'walkUp' END`;

/**
 * A request `r`'s wait in milliseconds, or NULL. A wait is measured only for a request that
 * waited in the queue for someone: not for a walk-up taken at once or answered on the spot,
 * whose first claim is its creation (both written by one transaction, so the same now()); the
 * patron had someone with them from the start. The CSV export's `waitedSeconds` reads this too.
 */
export const WAIT_MS = `CASE WHEN r.origin = 'kiosk' OR r.first_claimed_at <> r.created_at THEN
    (EXTRACT(EPOCH FROM date_trunc('milliseconds', r.first_claimed_at)
       - date_trunc('milliseconds', r.created_at)) * 1000)::float8 END`;

/**
 * A done request `r`'s time with the patron in milliseconds (start to resolve), or NULL. An
 * answer given on the spot counts its `minutes`. The CSV's `servedSeconds` reads this too.
 */
export const SERVE_MS = `CASE WHEN r.status = 'done' THEN COALESCE(r.minutes * 60000.0,
    (EXTRACT(EPOCH FROM date_trunc('milliseconds', r.closed_at)
       - date_trunc('milliseconds', r.served_at)) * 1000))::float8 END`;

/** $2 first day, $3 last day, $4 time zone: the range's ends, midnights in that zone. */
export const BOUNDS = `bounds AS (
    SELECT ($2::date)::timestamp AT TIME ZONE $4::text AS start_at,
           ($3::date + 1)::timestamp AT TIME ZONE $4::text AS end_at
  )`;
