// Who is on the floor (docs/API.md, "Presence"): one row per person who has signed in on a
// tablet, `on_floor` while they are signed in. Every change is `event: presence` on the branch's
// staff stream, written in the transaction that made it.
import type { Presence, PresenceState } from '../../shared/schemas.js';
import { invalid } from '../errors.js';
import type { Sql } from './db.js';
import type { Row } from './db.js';
import type { StoreCore, Tx } from './core.js';
import { iso, isoSql } from './rows.js';

/** No stream for this long and a person counts as available for nobody (docs/API.md). */
const SILENT_AFTER_SECONDS = 120;

/** Presence rows (`p`, joined with their person) as the API shows them. */
const PRESENCE_COLUMNS = `p.staff_id, p.branch_id, p.on_floor, p.state, p.zone, p.since, p.silent,
  s.display_name, s.skills, s.languages,
  EXISTS (SELECT 1 FROM requests r
           WHERE r.claimed_by_id = p.staff_id AND r.status IN ('claimed', 'serving')) AS busy`;

/** `ahead` milliseconds added to the database's clock (tests move time; 0 in use). */
const NOW = `(now() + $1 * interval '1 millisecond')`;

/** Person `p` is on the floor and no stream of theirs has been heard for too long. */
const SILENT_DUE = `p.on_floor AND NOT p.silent
  AND p.heard_at <= ${NOW} - interval '${SILENT_AFTER_SECONDS} seconds'`;

function toPresence(row: Row): Presence {
  return {
    staffId: String(row.staff_id),
    displayName: String(row.display_name),
    state: row.state as PresenceState,
    zone: row.zone == null ? null : String(row.zone),
    since: iso(row.since),
    busy: Boolean(row.busy),
    silent: Boolean(row.silent),
    signedIn: Boolean(row.on_floor),
    skills: (row.skills as string[] | null) ?? [],
    languages: (row.languages as string[] | null) ?? [],
  };
}

/** A staff session that still lets `p`'s person work at `p`'s branch. */
const LIVE_SESSION = `EXISTS (
  SELECT 1 FROM sessions x JOIN devices d ON d.id = x.device_id
    JOIN staff_branches sb ON sb.staff_id = x.staff_id AND sb.branch_id = d.branch_id
   WHERE x.staff_id = p.staff_id AND x.role = 'staff' AND x.ended_at IS NULL
     AND x.expires_at > ${NOW} AND d.revoked_at IS NULL AND d.branch_id = p.branch_id)`;

export class PresenceStore {
  constructor(private readonly store: StoreCore) {}

  /** Everyone signed in on `branchId` now, by name. */
  async list(branchId: string, sql: Sql = this.store.db): Promise<Presence[]> {
    const rows = await sql.query(
      `SELECT ${PRESENCE_COLUMNS} FROM presence p JOIN staff s ON s.id = p.staff_id
        WHERE p.branch_id = $1 AND p.on_floor ORDER BY lower(s.display_name), p.staff_id`,
      [branchId],
    );
    return rows.map(toPresence);
  }

  /**
   * `staffId` signed in at `branchId`: available, in the zone they last chose if the branch
   * still has it, heard from now.
   */
  async signedIn(staffId: string, branchId: string): Promise<Presence> {
    return this.store.write(async (tx) => {
      await tx.query(
        `INSERT INTO presence AS p (staff_id, branch_id) VALUES ($1, $2)
         ON CONFLICT (staff_id) DO UPDATE SET branch_id = $2, on_floor = true,
           state = 'available', since = now(), heard_at = now(), silent = false,
           zone = CASE WHEN (SELECT b.zones FROM branches b WHERE b.id = $2) ? p.zone
                       THEN p.zone END`,
        [staffId, branchId],
      );
      return this.announce(tx, [staffId]).then((all) => all[0]!);
    });
  }

  /** What the rover says: their state and, when given, their zone (one of the branch's). */
  async set(
    staffId: string,
    branchId: string,
    state: PresenceState,
    zone: string | null | undefined,
  ): Promise<Presence> {
    return this.store.write(async (tx) => {
      if (zone != null) {
        const [known] = await tx.query('SELECT zones ? $2 AS known FROM branches WHERE id = $1', [
          branchId,
          zone,
        ]);
        if (!known?.known) throw invalid(`body.zone "${zone}" is not one of this branch's zones`);
      }
      await tx.query(
        `INSERT INTO presence AS p (staff_id, branch_id, state, zone)
           VALUES ($1, $2, $3, $4)
         ON CONFLICT (staff_id) DO UPDATE SET branch_id = $2, on_floor = true,
           since = CASE WHEN p.state = $3 AND p.on_floor AND p.branch_id = $2
                        THEN p.since ELSE now() END,
           state = $3, zone = CASE WHEN $5::boolean THEN $4 ELSE p.zone END,
           heard_at = now(), silent = false`,
        [staffId, branchId, state, zone ?? null, zone !== undefined],
      );
      return this.announce(tx, [staffId]).then((all) => all[0]!);
    });
  }

  /** `staffId` signed out: off the floor, unless another session still has them on it. */
  async signedOut(staffId: string): Promise<void> {
    await this.store.write(async (tx) => {
      const gone = await tx.query(
        `UPDATE presence p SET on_floor = false, since = now()
          WHERE p.staff_id = $2 AND p.on_floor AND NOT ${LIVE_SESSION} RETURNING p.staff_id`,
        [0, staffId],
      );
      if (gone.length) await this.announce(tx, [staffId]);
    });
  }

  /**
   * After an action moved a claim: tells the branch that these people became busy or free.
   * Only those on the floor at `branchId` are announced.
   */
  async busyChanged(tx: Tx, branchId: string, staffIds: readonly string[]): Promise<void> {
    if (staffIds.length === 0) return;
    await this.announce(tx, staffIds, branchId);
  }

  /**
   * A stream of theirs is open on this process: heard from now. Those who were silent are
   * announced as back.
   */
  async heard(staffIds: readonly string[]): Promise<void> {
    if (staffIds.length === 0) return;
    const ids = [...new Set(staffIds)];
    const back = await this.store.db.query(
      'SELECT staff_id FROM presence WHERE staff_id = ANY($1) AND on_floor AND silent',
      [ids],
    );
    if (back.length) {
      await this.store.write(async (tx) => {
        const changed = await tx.query(
          `UPDATE presence SET silent = false, heard_at = now()
            WHERE staff_id = ANY($1) AND on_floor AND silent RETURNING staff_id`,
          [back.map((row) => String(row.staff_id))],
        );
        await this.announce(
          tx,
          changed.map((row) => String(row.staff_id)),
        );
      });
    }
    await this.store.db.query(
      'UPDATE presence SET heard_at = now() WHERE staff_id = ANY($1) AND on_floor',
      [ids],
    );
  }

  /**
   * The floor's periodic check, as of the database's clock plus `aheadMs`: people no stream
   * has been heard from for 2 minutes become silent; people whose last session ended or
   * expired leave the floor. Each is one UPDATE whose condition is the change itself, so of
   * several processes checking at once only one makes (and announces) each change.
   */
  async sweep(aheadMs = 0): Promise<void> {
    // Most seconds nobody is due either: one read says so, and no write transaction is opened.
    const [due] = await this.store.query(
      `SELECT EXISTS (SELECT 1 FROM presence p
                       WHERE (${SILENT_DUE}) OR (p.on_floor AND NOT ${LIVE_SESSION})) AS due`,
      [aheadMs],
    );
    if (!due?.due) return;
    await this.store.write(async (tx) => {
      const silent = await tx.query(
        `UPDATE presence p SET silent = true WHERE ${SILENT_DUE} RETURNING p.staff_id`,
        [aheadMs],
      );
      const left = await tx.query(
        `UPDATE presence p SET on_floor = false, since = ${NOW}
          WHERE p.on_floor AND NOT ${LIVE_SESSION} RETURNING p.staff_id`,
        [aheadMs],
      );
      const ids = [...silent, ...left].map((row) => String(row.staff_id));
      await this.announce(tx, [...new Set(ids)]);
    });
  }

  /**
   * `staffId`'s presence at the branch of request `r` as the API shows it (what `toPresence`
   * makes of its row), built in SQL as one JSON value (NULL when they are not on its floor),
   * for a statement that changes whether they are busy and logs its own events
   * (`EventLog.appendFrom`): `busy` is the SQL for it as that statement leaves things (its
   * own snapshot does not see its own change).
   */
  static floorJsonOf(staffId: string, busy: string): string {
    return `(SELECT jsonb_build_object('staffId', p.staff_id, 'displayName', s.display_name,
         'state', p.state, 'zone', p.zone, 'since', ${isoSql('p.since')}, 'busy', ${busy},
         'silent', p.silent, 'signedIn', p.on_floor, 'skills', s.skills, 'languages', s.languages)
       FROM presence p JOIN staff s ON s.id = p.staff_id
      WHERE p.staff_id = ${staffId} AND p.on_floor AND p.branch_id = r.branch_id)`;
  }

  /** Reads these people's presence in `tx` and appends an event for each. */
  private async announce(tx: Tx, staffIds: readonly string[], onFloorAt?: string) {
    if (staffIds.length === 0) return [];
    const rows = await tx.query(
      `SELECT ${PRESENCE_COLUMNS} FROM presence p JOIN staff s ON s.id = p.staff_id
        WHERE p.staff_id = ANY($1) ${onFloorAt ? 'AND p.on_floor AND p.branch_id = $2' : ''}`,
      onFloorAt ? [staffIds, onFloorAt] : [staffIds],
    );
    const all: Presence[] = [];
    for (const row of rows) {
      const presence = toPresence(row);
      all.push(presence);
      await tx.event({ kind: 'presence', branchId: String(row.branch_id), payload: { presence } });
    }
    return all;
  }
}
