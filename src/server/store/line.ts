// A branch's line, as kiosks are told it: the waiting requests in order, how many were helped
// today, and how long the last few waited (the stream hub turns it into each kiosk's positions).
import type { Sql } from './db.js';

export interface BranchLine {
  /** Walk-ups wait in the same line, with no kiosk. */
  waiting: { id: string; kioskId: string | null }[];
  helpedToday: number;
  /** Average minutes from ticket to claim over the last couple of hours, if any. */
  recentWaitMinutes: number | undefined;
}

/** `since`: the start of today for a branch without a time zone (the server's midnight). */
export async function readLine(sql: Sql, branchId: string, since: Date): Promise<BranchLine> {
  const waiting = await sql.query(
    `SELECT id, kiosk_id FROM requests WHERE branch_id = $1 AND status = 'waiting'
      ORDER BY created_at, ticket`,
    [branchId],
  );
  // "Today" starts at midnight on the branch's clock once it has a time zone, else at `since`.
  const [stats] = await sql.query<{ helped: unknown; wait: unknown }>(
    `WITH start AS (SELECT COALESCE(
       (SELECT date_trunc('day', now() AT TIME ZONE b.time_zone) AT TIME ZONE b.time_zone
          FROM branches b WHERE b.id = $1 AND b.time_zone IS NOT NULL),
       $2::timestamptz) AS at)
     SELECT
       (SELECT COUNT(*) FROM requests, start
         WHERE branch_id = $1 AND status = 'done' AND closed_at >= start.at) AS helped,
       (SELECT AVG(EXTRACT(EPOCH FROM (claimed_at - created_at))) / 60 FROM (
          SELECT claimed_at, created_at FROM requests
           WHERE branch_id = $1 AND claimed_at IS NOT NULL AND claimed_at >= now() - interval '2 hours'
           ORDER BY claimed_at DESC LIMIT 20) AS recent) AS wait`,
    [branchId, since],
  );
  return {
    waiting: waiting.map((row) => ({
      id: String(row.id),
      kioskId: row.kiosk_id == null ? null : String(row.kiosk_id),
    })),
    helpedToday: Number(stats!.helped),
    recentWaitMinutes: stats!.wait == null ? undefined : Number(stats!.wait),
  };
}

/** With no recent claims to learn from: about three minutes for each person's turn. */
const DEFAULT_MINUTES_PER_PERSON = 3;

/**
 * Where the request at `index` of `line.waiting` stands: its position, and about how long
 * until someone comes (everyone ahead takes about a turn each, and so does the walk over).
 */
export function placeIn(
  line: BranchLine,
  index: number,
): { position: number; estimateMinutes: number } {
  const perPerson = Math.max(1, line.recentWaitMinutes ?? DEFAULT_MINUTES_PER_PERSON);
  const position = index + 1;
  return { position, estimateMinutes: Math.max(1, Math.round(perPerson * position)) };
}
