// The append-only event log every stream reads: `seq` is one counter per store. Appends take
// a transaction-scoped advisory lock, so on PostgreSQL events commit in seq order and a reader
// that has seen seq N has seen every event before it (no gap from a slower transaction).
// A transaction's events are appended together, as its last statement (see Store.write).
import type { Db, Row, Sql } from './db.js';
import type { HelpRequest } from '../../shared/schemas.js';
import { iso } from './rows.js';
import { withWords, withoutWords, wordsOf, type PatronWords } from './words.js';

export type EventKind = 'request' | 'topic' | 'script' | 'branch' | 'presence' | 'alert' | 'notice';

export interface NewEvent {
  kind: EventKind;
  /** The branch whose staff hear it; null for an event every branch hears (scripts). */
  branchId: string | null;
  /** The one kiosk that also hears it (its own request). */
  kioskId?: string | null;
  /** Every kiosk of the branch also hears it (topics). */
  kiosks?: boolean;
  /** The `data:` of the event as staff see it, e.g. `{request}`. */
  payload: Record<string, unknown>;
  /**
   * What the log keeps of `payload` when that differs: a request's event is kept without the
   * patron's words, which a read of the log joins back from `patron_words` while they last.
   */
  stored?: Record<string, unknown>;
}

export interface LoggedEvent extends NewEvent {
  seq: number;
  kioskId: string | null;
  kiosks: boolean;
  createdAt: string;
}

/**
 * A write a transaction leaves for its last statement (one round trip fewer): an INSERT,
 * UPDATE or DELETE with no answer, its parameters numbered from $1, no `$n` in literals.
 */
export interface Deferred {
  text: string;
  params: readonly unknown[];
}

/** Any fixed number: held from a transaction's event insert until it ends. */
const APPEND_LOCK = 7_301_002;

/**
 * A request's event: its branch's staff hear it (with the patron's words), and the kiosk that
 * made it, if any; the log keeps it without the words.
 */
export function requestEvent(request: HelpRequest, kioskId: string | null): NewEvent {
  return {
    kind: 'request',
    branchId: request.branchId,
    kioskId,
    payload: { request },
    stored: { request: withoutWords(request) },
  };
}

function toEvent(row: Row): LoggedEvent {
  let payload = row.payload as Record<string, unknown>;
  if (row.words != null && payload.request) {
    payload = {
      ...payload,
      request: withWords(payload.request as HelpRequest, row.words as PatronWords),
    };
  }
  return {
    seq: Number(row.seq),
    kind: row.kind as EventKind,
    branchId: row.branch_id == null ? null : String(row.branch_id),
    kioskId: row.kiosk_id == null ? null : String(row.kiosk_id),
    kiosks: Boolean(row.kiosks),
    payload,
    createdAt: iso(row.created_at),
  };
}

export class EventLog {
  constructor(private readonly db: Db) {}

  /**
   * Ends a transaction's writes in one statement, run as its last before COMMIT: its events
   * (and on PostgreSQL the append lock, taken before any seq is drawn, so it is held only for
   * this statement and the commit, and the NOTIFY that wakes every process when it commits),
   * plus any writes the transaction deferred (`also`), each a data-modifying CTE. PGlite runs
   * one transaction at a time, so it needs no lock. Answers the events as logged, in seq order.
   */
  async appendAll(
    tx: Sql,
    events: readonly NewEvent[],
    also: readonly Deferred[] = [],
  ): Promise<LoggedEvent[]> {
    const postgres = this.db.kind === 'postgres';
    const params: unknown[] = [];
    const ctes: string[] = [];
    if (events.length && postgres) {
      params.push(APPEND_LOCK);
      ctes.push(`lock AS (SELECT pg_advisory_xact_lock($1))`);
    }
    if (events.length) {
      const values = events.map((event, i) => {
        const p = params.length + 1;
        params.push(
          event.kind,
          event.branchId,
          event.kioskId ?? null,
          event.kiosks ?? false,
          JSON.stringify(event.stored ?? event.payload),
        );
        return `(${i}, $${p}::text, $${p + 1}::text, $${p + 2}::text, $${p + 3}::boolean, $${p + 4}::jsonb)`;
      });
      // Rows are drawn from the sequence in the order of `n`, so seqs follow the array's order.
      ctes.push(`added AS (
        INSERT INTO events (kind, branch_id, kiosk_id, kiosks, payload)
        SELECT v.kind, v.branch_id, v.kiosk_id, v.kiosks, v.payload
          FROM ${postgres ? 'lock, ' : ''}(VALUES ${values.join(', ')})
            AS v (n, kind, branch_id, kiosk_id, kiosks, payload)
         ORDER BY v.n
        RETURNING seq, created_at)`);
    }
    also.forEach((write, i) => {
      const offset = params.length;
      params.push(...write.params);
      ctes.push(
        `also${i} AS (${write.text.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + offset}`)})`,
      );
    });
    if (ctes.length === 0) return [];
    const main = !events.length
      ? 'SELECT 1'
      : postgres
        ? `SELECT seq, created_at, pg_notify('rove_events', seq::text) FROM added`
        : 'SELECT seq, created_at FROM added';
    const rows = await tx.query<{ seq: unknown; created_at: unknown }>(
      `WITH ${ctes.join(',\n')}\n${main}`,
      params,
    );
    if (!events.length) return [];
    const logged = rows
      .map((row) => ({ seq: Number(row.seq), createdAt: iso(row.created_at) }))
      .sort((a, b) => a.seq - b.seq);
    return events.map((event, i) => ({
      ...event,
      kioskId: event.kioskId ?? null,
      kiosks: event.kiosks ?? false,
      seq: logged[i]!.seq,
      createdAt: logged[i]!.createdAt,
    }));
  }

  /**
   * For a statement that writes and logs its change by itself (one round trip, committed as
   * it ends: no BEGIN, no COMMIT): CTEs `lock` (PostgreSQL) and `added` that append one event
   * per row of `source`, a SELECT of (n, kind, branch_id, kiosk_id, kiosks, payload) over the
   * statement's earlier CTEs, in the order of `n`. `source` must read the CTE that changed
   * rows, so the append lock is taken after that change's row locks (as `appendAll` takes it
   * last) and only when there is an event. `lockParam` is the parameter holding
   * `APPEND_LOCK` (see `lockParams`); `logged()` is the select-list entry that answers the
   * seqs (and sends the NOTIFY on PostgreSQL); read its column `seqs` with `seqsOf`.
   */
  appendFrom(source: string, lockParam: string): { ctes: string; logged: string } {
    const postgres = this.db.kind === 'postgres';
    const lock = postgres
      ? `lock AS (SELECT pg_advisory_xact_lock(${lockParam}::bigint) AS locked
                    FROM (SELECT 1 FROM (${source}) AS s LIMIT 1) AS one),\n`
      : '';
    const ctes = `${lock}added AS (
        INSERT INTO events (kind, branch_id, kiosk_id, kiosks, payload)
        SELECT v.kind, v.branch_id, v.kiosk_id, v.kiosks, v.payload
          FROM ${postgres ? 'lock, ' : ''}(${source}) AS v ORDER BY v.n
        RETURNING seq, created_at)`;
    const notify = postgres ? `, pg_notify('rove_events', seq::text)` : '';
    const logged = `(SELECT jsonb_agg(jsonb_build_object('seq', a.seq, 'at', a.created_at) ORDER BY a.seq)
        FROM (SELECT seq, created_at${notify} FROM added) AS a) AS seqs`;
    return { ctes, logged };
  }

  /**
   * `appendFrom` for a statement whose CTE `made` answers the request it made or changed (its
   * `branch_id`, `kiosk_id`, `request_json`) and `floor`, someone's presence when they became
   * busy or free with it (else null): the request's event, then the presence event.
   */
  appendMade(lockParam: string): { ctes: string; logged: string } {
    return this.appendFrom(
      `SELECT 0 AS n, 'request'::text AS kind, m.branch_id, m.kiosk_id, false AS kiosks,
              jsonb_build_object('request', m.request_json) AS payload FROM made m
       UNION ALL
       SELECT 1, 'presence', m.branch_id, NULL, false, jsonb_build_object('presence', m.floor)
         FROM made m WHERE m.floor IS NOT NULL`,
      lockParam,
    );
  }

  /** The events an `appendMade` statement appended for `request`, as logged. */
  madeOf(row: Row, request: HelpRequest, kioskId: string | null): LoggedEvent[] {
    const events: NewEvent[] = [requestEvent(request, kioskId)];
    if (row.floor)
      events.push({
        kind: 'presence',
        branchId: request.branchId,
        payload: { presence: row.floor },
      });
    return this.seqsOf(row, events);
  }

  /** The parameter `appendFrom`'s `lockParam` stands for, last of the statement's: none on PGlite. */
  lockParams(): unknown[] {
    return this.db.kind === 'postgres' ? [APPEND_LOCK] : [];
  }

  /** The events a statement built with `appendFrom` appended, as logged, in seq order. */
  seqsOf(row: Row, events: readonly NewEvent[]): LoggedEvent[] {
    const raw = row.seqs;
    const logged = ((typeof raw === 'string' ? JSON.parse(raw) : raw) ?? []) as {
      seq: unknown;
      at: unknown;
    }[];
    if (logged.length !== events.length)
      throw new Error(`Logged ${logged.length} events for ${events.length}`);
    return events.map((event, i) => ({
      ...event,
      kioskId: event.kioskId ?? null,
      kiosks: event.kiosks ?? false,
      seq: Number(logged[i]!.seq),
      createdAt: iso(logged[i]!.at),
    }));
  }

  /** Events after `seq`, oldest first, at most `limit`. */
  async after(seq: number, limit = 500): Promise<LoggedEvent[]> {
    // A request's event comes with the patron's words as they stand now (none once purged).
    const rows = await this.db.query(
      `SELECT e.*, CASE WHEN e.kind = 'request'
           THEN ${wordsOf("(e.payload->'request'->>'id')::uuid")} END AS words
         FROM events e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
      [seq, limit],
    );
    return rows.map(toEvent);
  }

  async lastSeq(sql: Sql = this.db): Promise<number> {
    // The purge may have emptied the log; the counter still stands where it was.
    const [row] = await sql.query<{ seq: unknown }>(
      `SELECT GREATEST((SELECT COALESCE(MAX(seq), 0) FROM events),
                       (SELECT pruned_through FROM event_log_state WHERE id = 1)) AS seq`,
    );
    return Number(row!.seq);
  }

  /**
   * Can a stream resume after `seq`? Only if the log still holds everything after it: not
   * purged, and not from a future this store never reached (another database, a reset).
   */
  async canResumeAfter(seq: number): Promise<boolean> {
    const [row] = await this.db.query<{ pruned: unknown; last: unknown }>(
      `SELECT (SELECT pruned_through FROM event_log_state WHERE id = 1) AS pruned,
              GREATEST((SELECT COALESCE(MAX(seq), 0) FROM events),
                       (SELECT pruned_through FROM event_log_state WHERE id = 1)) AS last`,
    );
    return seq >= Number(row!.pruned) && seq <= Number(row!.last);
  }

  /** Removes events older than `cutoff` (they may hold patron text); returns how many. */
  async prune(tx: Sql, cutoff: Date): Promise<number> {
    const [row] = await tx.query<{ seq: unknown; n: unknown }>(
      'SELECT MAX(seq) AS seq, COUNT(*) AS n FROM events WHERE created_at < $1',
      [cutoff],
    );
    if (!row || row.seq == null) return 0;
    await tx.query('DELETE FROM events WHERE seq <= $1', [Number(row.seq)]);
    await tx.query(
      'UPDATE event_log_state SET pruned_through = GREATEST(pruned_through, $1) WHERE id = 1',
      [Number(row.seq)],
    );
    return Number(row.n);
  }
}
