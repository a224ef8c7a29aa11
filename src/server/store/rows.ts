// Database rows to the shapes the API shows, and the kiosk's narrower view of a request.
import type { Device, HelpRequest, Topic } from '../../shared/schemas.js';
import type { Row } from './db.js';
import { withWords, type PatronWords } from './words.js';

/** Both drivers give `timestamptz` as a Date; JSON built in SQL gives text. Either way: ISO. */
export function iso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

const str = (value: unknown) => String(value);

/** `timestamptz` expression `t` as `iso()` writes it, in SQL: UTC, milliseconds (truncated). */
export const isoSql = (t: string) =>
  `to_char(${t} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Request row `r` as the API shows it (without the patron's words), as one JSON value built
 * in SQL: what `toRequest` makes of the row's columns. A statement that writes a request and
 * its event at once puts this in the event, and the answer is read from it too, so the two
 * are the same to the millisecond.
 */
export function requestJson(r: string): string {
  const at = (column: string) =>
    `CASE WHEN ${r}.${column} IS NOT NULL THEN ${isoSql(`${r}.${column}`)} END`;
  const person = (id: string, name: string) =>
    `CASE WHEN ${r}.${id} IS NOT NULL THEN jsonb_build_object('id', ${r}.${id}, 'displayName', ${r}.${name}) END`;
  return `jsonb_strip_nulls(jsonb_build_object(
    'id', ${r}.id, 'branchId', ${r}.branch_id, 'ticket', ${r}.ticket, 'topicId', ${r}.topic_id,
    'skill', ${r}.skill, 'status', ${r}.status, 'needs', COALESCE(${r}.needs, '[]'::jsonb),
    'version', ${r}.version, 'createdAt', ${isoSql(`${r}.created_at`)},
    'origin', CASE WHEN ${r}.origin = 'walk-up' THEN 'walk-up' ELSE 'kiosk' END,
    'createdBy', ${person('created_by_id', 'created_by_name')},
    'language', ${r}.language, 'zone', ${r}.zone, 'minutes', ${r}.minutes,
    'claimedBy', ${person('claimed_by_id', 'claimed_by_name')},
    'handoff', ${r}.handoff, 'outcome', ${r}.outcome, 'effort', ${r}.effort,
    'claimedAt', ${at('claimed_at')}, 'servedAt', ${at('served_at')},
    'closedAt', ${at('closed_at')}, 'escalatedAt', ${at('escalated_at')},
    'pagedAt', ${at('paged_at')}, 'patronHereAt', ${at('patron_here_at')},
    'followedAt', ${at('followed_at')}))`;
}

/**
 * A request row as the API shows it: from `request_json` (`requestJson`) when the statement
 * built it, else from the columns; with the patron's words when the read joined them.
 */
export function toRequest(row: Row): HelpRequest {
  if (row.request_json != null) {
    const json = row.request_json;
    const built = (typeof json === 'string' ? JSON.parse(json) : json) as HelpRequest;
    return withWords(built, row.words as PatronWords | null | undefined);
  }
  const request: HelpRequest = {
    id: str(row.id),
    branchId: str(row.branch_id),
    ticket: str(row.ticket),
    topicId: str(row.topic_id),
    skill: str(row.skill),
    status: row.status as HelpRequest['status'],
    needs: (row.needs as string[] | null) ?? [],
    version: Number(row.version),
    createdAt: iso(row.created_at),
  };
  request.origin = row.origin === 'walk-up' ? 'walk-up' : 'kiosk';
  if (row.created_by_id != null) {
    request.createdBy = { id: str(row.created_by_id), displayName: str(row.created_by_name) };
  }
  if (row.language != null) request.language = str(row.language);
  if (row.zone != null) request.zone = str(row.zone);
  if (row.minutes != null) request.minutes = Number(row.minutes);
  if (row.claimed_by_id != null) {
    request.claimedBy = { id: str(row.claimed_by_id), displayName: str(row.claimed_by_name) };
  }
  if (row.handoff != null) request.handoff = row.handoff as HelpRequest['handoff'];
  if (row.outcome != null) request.outcome = row.outcome as HelpRequest['outcome'];
  if (row.effort != null) request.effort = Number(row.effort);
  if (row.claimed_at != null) request.claimedAt = iso(row.claimed_at);
  if (row.served_at != null) request.servedAt = iso(row.served_at);
  if (row.closed_at != null) request.closedAt = iso(row.closed_at);
  if (row.escalated_at != null) request.escalatedAt = iso(row.escalated_at);
  if (row.paged_at != null) request.pagedAt = iso(row.paged_at);
  if (row.patron_here_at != null) request.patronHereAt = iso(row.patron_here_at);
  if (row.followed_at != null) request.followedAt = iso(row.followed_at);
  // The patron's words, when the read joined them (`wordsOf`) and the purge has not run.
  return withWords(request, row.words as PatronWords | null | undefined);
}

/** The kiosk that made request row `row`; null for a walk-up. */
export const kioskOf = (row: Row): string | null =>
  row.kiosk_id == null ? null : String(row.kiosk_id);

/**
 * What a kiosk may see of its own request: who is coming (by name only), never a staff id;
 * of a hand-off only when it happened (so it can tell the patron a colleague is coming),
 * never who made it nor its note (staff-to-staff). Never `createdBy` (staff, and a kiosk's
 * own requests have none anyway).
 */
export function forKiosk(request: HelpRequest): HelpRequest {
  const { handoff, claimedBy, createdBy: _staff, ...rest } = request;
  const view: HelpRequest = { ...rest };
  if (claimedBy) view.claimedBy = { displayName: claimedBy.displayName };
  if (handoff) view.handoff = { at: handoff.at };
  return view;
}

export function toTopic(row: Row): Topic {
  return {
    id: str(row.id),
    branchId: str(row.branch_id),
    label: str(row.label),
    skill: str(row.skill),
    icon: str(row.icon),
    position: Number(row.position),
    hidden: Boolean(row.hidden),
    labels: (row.labels as Record<string, string> | null) ?? {},
  };
}

export function toDevice(row: Row): Device {
  const device: Device = {
    id: str(row.id),
    kind: row.kind as Device['kind'],
    branchId: str(row.branch_id),
    label: str(row.label),
  };
  if (row.zone != null) device.zone = str(row.zone);
  if (row.enrolled_at != null) device.enrolledAt = iso(row.enrolled_at);
  if (row.last_seen_at != null) device.lastSeenAt = iso(row.last_seen_at);
  if (row.revoked_at != null) device.revokedAt = iso(row.revoked_at);
  return device;
}

/**
 * The server's calendar day (its local time): tickets start over each morning at a branch
 * without a time zone of its own (request-create.ts uses the branch's when it has one).
 */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Start of today in server local time, for "helped today" at a branch without a time zone. */
export function startOfToday(now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}
