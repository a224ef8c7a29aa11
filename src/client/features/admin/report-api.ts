// The supervisor's service report (docs/API.md "Service report"): one named call, so the
// report view never builds the URL or calls fetch itself.
import { apiFetch } from '../../core/http.js';
import type { ServiceReport } from '../../../shared/report.js';

export interface ReportRange {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (included), YYYY-MM-DD. */
  to: string;
  /** IANA time zone the days are counted in. */
  tz: string;
}

export function getServiceReport(
  branchId: string,
  range: ReportRange,
  signal?: AbortSignal,
): Promise<ServiceReport> {
  const query = new URLSearchParams({ from: range.from, to: range.to, tz: range.tz });
  const path = `/api/branches/${encodeURIComponent(branchId)}/report?${query}`;
  return apiFetch<ServiceReport>(path, { signal });
}

/** Where the CSV of the same range is (docs/API.md "CSV export"): a link the browser downloads. */
export function exportCsvUrl(branchId: string, range: ReportRange): string {
  const query = new URLSearchParams({ from: range.from, to: range.to, tz: range.tz });
  return `/api/branches/${encodeURIComponent(branchId)}/export.csv?${query}`;
}
