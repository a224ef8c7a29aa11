// The supervisor's service report for one branch over a range of days (aggregates only), and
// the same range's requests as CSV, one row each, streamed a page at a time.
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { REPORT_MAX_DAYS, ReportQuery, ServiceReport } from '../../shared/report.js';
import { Id } from '../../shared/schemas.js';
import { requireAdmin } from '../auth/caller.js';
import { invalid } from '../errors.js';
import type { RouteModule } from '../context.js';
import type { Store } from '../store/store.js';
import type { ReportRange } from '../store/report.js';
import { CSV_COLUMNS, csvLine } from '../store/export.js';
import { canonicalTimeZone } from '../../shared/time-zone.js';

const BranchParams = Type.Object({ branchId: Id });
const DAY_MS = 86_400_000;

/** The years a report may cover: PostgreSQL has no year 0, and no library's data is older. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 9999;

/** Midnight UTC of a real calendar day, or undefined (2026-02-30 and 0000-01-01 are not). */
function dayNumber(day: string): number | undefined {
  const year = Number(day.slice(0, 4));
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) return undefined;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return undefined;
  return ms / DAY_MS;
}

/**
 * The range a report or export asks for, checked (400 otherwise); the branch must exist. Days
 * and times are on the clock of `tz` if given, else the branch's own zone, else UTC.
 */
async function checkedRange(
  store: Store,
  branchId: string,
  query: ReportQuery,
): Promise<ReportRange> {
  const branch = await store.branches.get(branchId);
  const { from, to, tz = branch.timeZone ?? 'UTC' } = query;
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (first === undefined) throw invalid(`querystring.from "${from}" is not a calendar day`);
  if (last === undefined) throw invalid(`querystring.to "${to}" is not a calendar day`);
  if (last < first) throw invalid('querystring.to comes before querystring.from');
  if (last - first + 1 > REPORT_MAX_DAYS)
    throw invalid(`A report covers at most ${REPORT_MAX_DAYS} days; choose a shorter range`);
  // The platform's time zone data must know it; the store checks again with its own.
  if (canonicalTimeZone(tz) === undefined)
    throw invalid(`querystring.tz "${tz}" is not a known time zone`);
  return { from, to, tz };
}

/** Spreadsheet programs read a CSV as UTF-8 (accents and all) when it starts with this. */
const BYTE_ORDER_MARK = '\uFEFF';

export const reportRoutes: RouteModule = (app, { store }) => {
  app.get(
    '/api/branches/:branchId/report',
    {
      schema: { params: BranchParams, querystring: ReportQuery, response: { 200: ServiceReport } },
    },
    async (request) => {
      await requireAdmin(store, request);
      const { branchId } = request.params;
      return store.reports.service(branchId, await checkedRange(store, branchId, request.query));
    },
  );

  app.get(
    '/api/branches/:branchId/export.csv',
    { schema: { params: BranchParams, querystring: ReportQuery } },
    async (request, reply) => {
      await requireAdmin(store, request);
      const { branchId } = request.params;
      const range = await checkedRange(store, branchId, request.query);
      const pages = await store.reports.exportPages(branchId, range);
      async function* csv() {
        yield BYTE_ORDER_MARK + csvLine(CSV_COLUMNS);
        for await (const rows of pages) yield rows.map(csvLine).join('');
      }
      // One page waits in the stream at most: the next is read as the client takes this one.
      const body = Readable.from(csv(), { highWaterMark: 1 });
      body.on('error', (error) => request.log.error({ err: error }, 'the CSV export broke off'));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="rove-${branchId}-${range.from}-to-${range.to}.csv"`,
        )
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
