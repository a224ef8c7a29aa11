// Patrons' own words: a request's `name` and `note` and its hand-off `note`. They are kept in
// `patron_words` only (migration 0008), joined to a request as it is read, and left out of
// everything else the store keeps (the event log's payloads, the answers kept for replays),
// so the purge can delete them and rewrite that one small table (docs/SECURITY.md).
import type { HelpRequest } from '../../shared/schemas.js';
import type { Sql } from './db.js';

export interface PatronWords {
  name?: string | null;
  note?: string | null;
  handoffNote?: string | null;
}

/** The words of the request whose id is the SQL expression `id`, as one JSON value (or NULL). */
export function wordsOf(id: string): string {
  return `(SELECT jsonb_build_object('name', w.name, 'note', w.note, 'handoffNote', w.handoff_note)
      FROM patron_words w WHERE w.request_id = ${id})`;
}

/** `request` with `words` put back in (a hand-off note only where it has a hand-off). */
export function withWords(
  request: HelpRequest,
  words: PatronWords | null | undefined,
): HelpRequest {
  if (!words) return request;
  const filled: HelpRequest = { ...request };
  if (words.name != null) filled.name = words.name;
  if (words.note != null) filled.note = words.note;
  if (words.handoffNote != null && filled.handoff)
    filled.handoff = { ...filled.handoff, note: words.handoffNote };
  return filled;
}

/** `request` without a patron's words: what the event log and the replay answers keep. */
export function withoutWords(request: HelpRequest): HelpRequest {
  const { name: _name, note: _note, ...shape } = request;
  if (shape.handoff?.note !== undefined) {
    const { note: _handoffNote, ...handoff } = shape.handoff;
    shape.handoff = handoff;
  }
  return shape;
}

/** Sets the hand-off note of `requestId` (none clears it). */
export async function setHandoffNote(
  tx: Sql,
  requestId: string,
  note: string | undefined,
): Promise<void> {
  await tx.query(
    `INSERT INTO patron_words (request_id, handoff_note) VALUES ($1, $2)
     ON CONFLICT (request_id) DO UPDATE SET handoff_note = EXCLUDED.handoff_note`,
    [requestId, note ?? null],
  );
}
