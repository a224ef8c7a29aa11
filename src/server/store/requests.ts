// Help requests: creation with a readable ticket, the six actions under optimistic concurrency
// with opId replay, the open queue, and the purge of patron text after the retention window.
import type { ActionBody, CreateRequestBody, HelpRequest } from '../../shared/schemas.js';
import { decide, type Actor, type RequestAction } from '../../shared/request-machine.js';
import { RoveError, conflict, forbidden, notFound } from '../errors.js';
import { isUniqueViolation, type Row } from './db.js';
import { forKiosk, localDay, toRequest } from './rows.js';
import type { Store, Tx } from './store.js';

/** No I or O: a ticket is read aloud across a room and must not sound like 1 or 0. */
const TICKET_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The n-th ticket of a day: A1..A99, B1..B99, ..., Z99, then A100.. so it never repeats. */
export function ticketFor(n: number): string {
  const block = Math.floor((n - 1) / 99);
  const letter = TICKET_LETTERS[block % TICKET_LETTERS.length];
  const number = ((n - 1) % 99) + 1 + 99 * Math.floor(block / TICKET_LETTERS.length);
  return `${letter}${number}`;
}

export type KioskActor = Extract<Actor, { kind: 'kiosk' }>;
export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** What an action answered: replayed as it is for the same opId. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export interface StoredRequest {
  request: HelpRequest;
  kioskId: string;
}

export function viewFor(actor: Actor, request: HelpRequest): HelpRequest {
  return actor.kind === 'kiosk' ? forKiosk(request) : request;
}

const actorKey = (actor: Actor) =>
  actor.kind === 'kiosk'
    ? `kiosk:${actor.deviceId}`
    : actor.kind === 'staff'
      ? `staff:${actor.staffId}`
      : 'admin';

export class RequestStore {
  constructor(private readonly store: Store) {}

  /** 201 with the new request, or 200 with the stored one when this kiosk already sent `id`. */
  async create(kiosk: KioskActor, body: CreateRequestBody): Promise<Answer> {
    const existing = await this.get(body.id);
    if (existing) return this.again(kiosk, existing);
    const topic = await this.store.branches.topic(kiosk.branchId, body.topicId);
    if (!topic) throw notFound(`Topic "${body.topicId}" of this kiosk's branch`);
    try {
      const created = await this.store.write(async (tx) => {
        const day = localDay();
        const [counter] = await tx.query<{ n: unknown }>(
          `INSERT INTO ticket_counters (branch_id, day, n) VALUES ($1, $2, 1)
           ON CONFLICT (branch_id, day) DO UPDATE SET n = ticket_counters.n + 1 RETURNING n`,
          [kiosk.branchId, day],
        );
        const [row] = await tx.query(
          `INSERT INTO requests (id, branch_id, kiosk_id, ticket, ticket_day, topic_id, skill,
             status, name, note, needs)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $9, $10::jsonb)
           ON CONFLICT (id) DO NOTHING RETURNING *`,
          [
            body.id,
            kiosk.branchId,
            kiosk.deviceId,
            ticketFor(Number(counter!.n)),
            day,
            topic.id,
            topic.skill,
            body.name?.trim() || null,
            body.note?.trim() || null,
            JSON.stringify(body.needs ?? []),
          ],
        );
        // Another call with the same id got there first: roll back and answer as a repeat.
        if (!row) throw new RoveError('conflict', 'retry');
        const request = toRequest(row);
        await this.announce(tx, request, kiosk.deviceId);
        return request;
      });
      return { status: 201, body: { request: forKiosk(created) } };
    } catch (error) {
      const raced =
        error instanceof RoveError ? error.message === 'retry' : isUniqueViolation(error);
      if (!raced) throw error;
      const stored = await this.get(body.id);
      if (!stored) throw error;
      return this.again(kiosk, stored);
    }
  }

  private again(kiosk: KioskActor, stored: StoredRequest): Answer {
    if (stored.kioskId !== kiosk.deviceId) {
      throw conflict('A request with this id was made on another kiosk; make a new id');
    }
    return { status: 200, body: { request: forKiosk(stored.request) } };
  }

  async get(id: string): Promise<StoredRequest | undefined> {
    const [row] = await this.store.query('SELECT * FROM requests WHERE id = $1', [id]);
    return row ? { request: toRequest(row), kioskId: String(row.kiosk_id) } : undefined;
  }

  /**
   * Open requests, oldest first, and the seq they are current as of. One REPEATABLE READ
   * transaction, so the list and the seq come from the same moment.
   */
  async open(
    branchId: string,
    kioskId?: string,
  ): Promise<{ requests: HelpRequest[]; seq: number }> {
    return this.store.db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const rows = await tx.query(
        `SELECT * FROM requests WHERE branch_id = $1 AND status IN ('waiting', 'claimed', 'serving')
           AND ($2::text IS NULL OR kiosk_id = $2) ORDER BY created_at, ticket`,
        [branchId, kioskId ?? null],
      );
      const seq = await this.store.log.lastSeq(tx);
      const requests = rows.map(toRequest);
      return { requests: kioskId ? requests.map(forKiosk) : requests, seq };
    });
  }

  /** One action, by opId: a replay answers what the first call answered and changes nothing. */
  async act(
    actor: KioskActor | StaffActor,
    id: string,
    action: RequestAction,
    body: ActionBody<RequestAction>,
  ): Promise<Answer> {
    // Checked before the transaction: PGlite runs one transaction at a time and a read outside
    // it would wait for it to end.
    if (action === 'transfer')
      await this.store.branches.mustBeSkills([(body as ActionBody<'transfer'>).skill]);
    try {
      return await this.actOnce(actor, id, action, body);
    } catch (error) {
      // The same opId sent twice at once: the loser finds the winner's answer on a second try.
      if (isUniqueViolation(error)) return this.actOnce(actor, id, action, body);
      throw error;
    }
  }

  private actOnce(
    actor: KioskActor | StaffActor,
    id: string,
    action: RequestAction,
    body: ActionBody<RequestAction>,
  ): Promise<Answer> {
    return this.store.write(async (tx) => {
      // Lock the request first: every action on it queues here, and two claims get one winner.
      // The opId's earlier answer comes in the same round trip. If an action with the same
      // opId commits while we wait for the lock, this (older) read of ops misses it; our ops
      // insert below then fails on its key, which rolls this back and retries (see act), so
      // a replay still answers what the first call answered.
      const [row] = await tx.query(
        `SELECT r.*, o.actor AS op_actor, o.status AS op_status, o.body AS op_body
           FROM requests r LEFT JOIN ops o ON o.op_id = $2
          WHERE r.id = $1 FOR UPDATE OF r`,
        [id, body.opId],
      );
      if (row && row.op_actor != null) {
        if (row.op_actor !== actorKey(actor))
          throw conflict('This opId was already used; make a new one');
        const replayed = typeof row.op_body === 'string' ? JSON.parse(row.op_body) : row.op_body;
        return { status: Number(row.op_status), body: replayed as Answer['body'] };
      }
      if (!row) throw notFound(`Request "${id}"`);
      const current = toRequest(row);
      const facts = {
        ...current,
        kioskId: String(row.kiosk_id),
        claimedBy: current.claimedBy ?? null,
      };
      const decision = decide(facts as Parameters<typeof decide>[0], action, actor);
      if (!decision.ok && decision.code === 'forbidden') throw forbidden(decision.message);

      let answer: Answer;
      if (!decision.ok) {
        answer = refusal(decision.message, viewFor(actor, current));
      } else if (body.version !== undefined && body.version !== current.version) {
        const message = `This request has changed (version ${current.version}, you sent ${body.version})`;
        answer = refusal(message, viewFor(actor, current));
      } else {
        const updated = await this.apply(tx, actor, current, action, body);
        await this.announce(tx, updated, String(row.kiosk_id));
        answer = { status: 200, body: { request: viewFor(actor, updated) } };
      }
      // Written with the event, in the transaction's last statement.
      tx.later({
        text: 'INSERT INTO ops (op_id, actor, status, body) VALUES ($1, $2, $3, $4)',
        params: [body.opId, actorKey(actor), answer.status, JSON.stringify(answer.body)],
      });
      return answer;
    });
  }

  private async apply(
    tx: Tx,
    actor: KioskActor | StaffActor,
    current: HelpRequest,
    action: RequestAction,
    body: ActionBody<RequestAction>,
  ): Promise<HelpRequest> {
    const set = (sql: string, ...params: unknown[]) =>
      tx.query(`UPDATE requests SET ${sql}, version = version + 1 WHERE id = $1 RETURNING *`, [
        current.id,
        ...params,
      ]);
    const staff = actor.kind === 'staff' ? actor : undefined;
    let rows: Row[];
    switch (action) {
      case 'claim':
        rows = await set(
          `status = 'claimed', claimed_by_id = $2, claimed_by_name = $3, claimed_at = now(),
           first_claimed_at = COALESCE(first_claimed_at, now())`,
          staff!.staffId,
          staff!.displayName,
        );
        break;
      case 'release':
        rows = await set(
          "status = 'waiting', claimed_by_id = NULL, claimed_by_name = NULL, claimed_at = NULL",
        );
        break;
      case 'start':
        rows = await set("status = 'serving', served_at = now()");
        break;
      case 'resolve': {
        const { outcome, effort } = body as ActionBody<'resolve'>;
        rows = await set(
          "status = 'done', outcome = $2, effort = $3, closed_at = now()",
          outcome,
          effort ?? null,
        );
        break;
      }
      case 'transfer': {
        const { skill, note } = body as ActionBody<'transfer'>;
        const handoff = {
          from: { id: staff!.staffId, displayName: staff!.displayName },
          ...(note?.trim() ? { note: note.trim() } : {}),
          at: new Date().toISOString(),
        };
        rows = await set(
          `status = 'waiting', skill = $2, handoff = $3::jsonb, claimed_by_id = NULL,
           claimed_by_name = NULL, claimed_at = NULL, served_at = NULL,
           handoff_skills = handoff_skills || jsonb_build_array($2::text)`,
          skill,
          JSON.stringify(handoff),
        );
        break;
      }
      case 'cancel':
        rows = await set("status = 'cancelled', closed_at = now(), cancelled_by = $2", actor.kind);
        break;
    }
    return toRequest(rows[0]!);
  }

  private async announce(tx: Tx, request: HelpRequest, kioskId: string): Promise<void> {
    await tx.event({ kind: 'request', branchId: request.branchId, kioskId, payload: { request } });
  }

  /**
   * Erases patron text (name, note, hand-off note) of requests closed before `cutoff`, and
   * the log's events from before it, which carry copies. Returns how many requests it erased.
   */
  async purge(cutoff: Date): Promise<number> {
    return this.store.write(async (tx) => {
      const erased = await tx.query(
        `UPDATE requests SET name = NULL, note = NULL, handoff = handoff - 'note'
          WHERE closed_at < $1 AND (name IS NOT NULL OR note IS NOT NULL OR handoff->>'note' IS NOT NULL)
          RETURNING id`,
        [cutoff],
      );
      await this.store.log.prune(tx, cutoff);
      // Old opId answers hold copies too; a client retries an action for minutes, not hours.
      await tx.query('DELETE FROM ops WHERE created_at < $1', [cutoff]);
      return erased.length;
    });
  }

  /** The branch's line: waiting requests in order, and how it has been moving lately. */
  async line(
    branchId: string,
    since: Date,
  ): Promise<{
    waiting: { id: string; kioskId: string }[];
    helpedToday: number;
    recentWaitMinutes: number | undefined;
  }> {
    const waiting = await this.store.query(
      `SELECT id, kiosk_id FROM requests WHERE branch_id = $1 AND status = 'waiting'
        ORDER BY created_at, ticket`,
      [branchId],
    );
    const [stats] = await this.store.query<{ helped: unknown; wait: unknown }>(
      `SELECT
         (SELECT COUNT(*) FROM requests WHERE branch_id = $1 AND status = 'done' AND closed_at >= $2) AS helped,
         (SELECT AVG(EXTRACT(EPOCH FROM (claimed_at - created_at))) / 60 FROM (
            SELECT claimed_at, created_at FROM requests
             WHERE branch_id = $1 AND claimed_at IS NOT NULL AND claimed_at >= now() - interval '2 hours'
             ORDER BY claimed_at DESC LIMIT 20) AS recent) AS wait`,
      [branchId, since],
    );
    return {
      waiting: waiting.map((row) => ({ id: String(row.id), kioskId: String(row.kiosk_id) })),
      helpedToday: Number(stats!.helped),
      recentWaitMinutes: stats!.wait == null ? undefined : Number(stats!.wait),
    };
  }
}

function refusal(message: string, request: HelpRequest): Answer {
  return { status: 409, body: { error: { code: 'conflict', message }, request } };
}
