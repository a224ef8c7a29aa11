// Help requests: creation with a readable ticket (a kiosk's, a walk-up, an answer given on the
// spot), the actions under optimistic concurrency with opId replay, the open queue, and the
// purge of patron text after the retention window. Long-wait alerts are in escalation.ts, the
// patron's feedback in feedback.ts, a follow link's first opening in follow.ts.
import type {
  ActionBody,
  CreateRequestBody,
  HelpRequest,
  InteractionBody,
} from '../../shared/schemas.js';
import {
  allowedFrom,
  decide,
  holderOnly,
  resultOf,
  staffMay,
  type Actor,
  type RequestAction,
  type RequestStatus,
} from '../../shared/request-machine.js';
import { RoveError, conflict, forbidden, notFound } from '../errors.js';
import { isUniqueViolation } from './db.js';
import { forKiosk, kioskOf, localDay, requestJson, toRequest } from './rows.js';
import { requestEvent, type NewEvent } from './events.js';
import type { StoreCore, Tx } from './core.js';
import type { BranchStore } from './branches.js';
import { PresenceStore } from './presence.js';
import { setHandoffNote, withWords, withoutWords, wordsOf, type PatronWords } from './words.js';

/** No I or O: a ticket is read aloud across a room and must not sound like 1 or 0. */
const TICKET_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The n-th ticket of a day: A1..A99, B1..B99, ..., Z99, then A100.. so it never repeats. */
export function ticketFor(n: number): string {
  const block = Math.floor((n - 1) / 99);
  const letter = TICKET_LETTERS[block % TICKET_LETTERS.length];
  const number = ((n - 1) % 99) + 1 + 99 * Math.floor(block / TICKET_LETTERS.length);
  return `${letter}${number}`;
}

/** `ticketFor(n)` in SQL, `n` an integer expression: the statement that draws it names it. */
export function ticketSql(n: string): string {
  const letters = TICKET_LETTERS.length;
  return `(substr('${TICKET_LETTERS}', ((${n} - 1) / 99 % ${letters})::int + 1, 1)
    || (((${n} - 1) % 99) + 1 + 99 * ((${n} - 1) / 99 / ${letters}))::text)`;
}

export type KioskActor = Extract<Actor, { kind: 'kiosk' }>;
export type StaffActor = Extract<Actor, { kind: 'staff' }>;
export type AdminActor = Extract<Actor, { kind: 'admin' }>;

/**
 * What a creation did, in the store's terms: `made` a new request, or found the same id sent
 * again by its maker (a retry). Routes turn it into 201 or 200.
 */
export type Created = { made: boolean; request: HelpRequest };
/**
 * What an action did (replayed as it is for the same opId): `done`, or `refused` by the state
 * machine or a stale version, with the request as it stands. Routes turn it into 200 or 409.
 */
export type Acted =
  | { outcome: 'done'; request: HelpRequest }
  | { outcome: 'refused'; message: string; request: HelpRequest };

export interface StoredRequest {
  request: HelpRequest;
  /** The kiosk that made it; null for a walk-up. */
  kioskId: string | null;
}

/** What else a creation keeps. */
export interface CreateOptions {
  /** A follow link's token hash, kept with a new request (kiosk requests only). */
  followHash?: string;
}

/** Who makes a new request: a kiosk for its patron, or staff for a patron in front of them. */
type Maker = { kind: 'kiosk'; kiosk: KioskActor } | { kind: 'staff'; staff: StaffActor };

/** The columns a new request starts with besides its ticket, topic and maker. */
interface NewRequest {
  status: 'waiting' | 'claimed' | 'done';
  name: string | null;
  note: string | null;
  needs: string[];
  language: string | null;
  zone?: string | null;
  claimedBy?: StaffActor | null;
  outcome?: string | null;
  effort?: number | null;
  minutes?: number | null;
  handedOff?: boolean;
}

/**
 * A patron's name and note as stored: trimmed, blank as none. Kiosk requests and walk-ups both
 * come through here, so where patron text is kept can change in one place.
 */
function patronText(body: { name?: string; note?: string }) {
  return { name: body.name?.trim() || null, note: body.note?.trim() || null };
}

function viewOf(maker: Maker, request: HelpRequest): HelpRequest {
  return maker.kind === 'kiosk' ? forKiosk(request) : request;
}

/** The same id again: the stored request for whoever made it, a refusal for anyone else. */
function again(maker: Maker, stored: StoredRequest): Created {
  const mine =
    maker.kind === 'kiosk'
      ? stored.kioskId === maker.kiosk.deviceId
      : stored.kioskId === null && stored.request.createdBy?.id === maker.staff.staffId;
  if (!mine) {
    const where = maker.kind === 'kiosk' ? 'on another kiosk' : 'by someone else';
    throw conflict(`A request with this id was made ${where}; make a new id`);
  }
  return { made: false, request: viewOf(maker, stored.request) };
}

/**
 * The request as `actor` may see it: a kiosk its own (no staff notes), staff all of it, and
 * the admin account, which serves no patron, none of the patron's words either.
 */
export function viewFor(actor: Actor, request: HelpRequest): HelpRequest {
  if (actor.kind === 'staff') return request;
  const view = forKiosk(request);
  if (actor.kind === 'kiosk') return view;
  const { name: _name, note: _note, ...shape } = view;
  return shape;
}

/** Who holds `request` (claimed or serving it), if anyone: that person is busy. */
const holder = (request: HelpRequest): string | undefined =>
  request.status === 'claimed' || request.status === 'serving' ? request.claimedBy?.id : undefined;

/** Columns set as a request starts waiting again (released, handed on): a fresh count. */
const WAIT_STARTS =
  'waiting_since = now(), escalations = 0, escalated_at = NULL, paged_at = NULL, patron_here_at = NULL';
/** Columns set as its wait ends (claimed): no more alerts, and none shown. */
const WAIT_ENDS =
  'waiting_since = NULL, escalations = 0, escalated_at = NULL, paged_at = NULL, patron_here_at = NULL';

const actorKey = (actor: Actor) =>
  actor.kind === 'kiosk'
    ? `kiosk:${actor.deviceId}`
    : actor.kind === 'staff'
      ? `staff:${actor.staffId}`
      : 'admin';

/**
 * What `action` sets on request `r`: SQL for UPDATE's SET (not the version) and its
 * parameters, numbered from $2 ($1 is the request's id).
 */
function setFor(
  action: RequestAction,
  actor: Actor,
  body: ActionBody<RequestAction>,
): { sql: string; params: unknown[] } {
  const staff = actor.kind === 'staff' ? actor : undefined;
  switch (action) {
    case 'claim':
      return {
        sql: `status = 'claimed', claimed_by_id = $2, claimed_by_name = $3, claimed_at = now(),
           first_claimed_at = COALESCE(first_claimed_at, now()),
           handed_off = handed_off OR (origin = 'walk-up' AND created_by_id IS DISTINCT FROM $2),
           ${WAIT_ENDS}`,
        params: [staff!.staffId, staff!.displayName],
      };
    case 'release':
      return {
        sql: `status = 'waiting', claimed_by_id = NULL, claimed_by_name = NULL, claimed_at = NULL,
           ${WAIT_STARTS}`,
        params: [],
      };
    case 'start':
      return { sql: "status = 'serving', served_at = now()", params: [] };
    case 'resolve': {
      const { outcome, effort } = body as ActionBody<'resolve'>;
      return {
        sql: "status = 'done', outcome = $2, effort = $3, closed_at = now(), paged_at = NULL",
        params: [outcome, effort ?? null],
      };
    }
    case 'transfer': {
      const { skill } = body as ActionBody<'transfer'>;
      const handoff = {
        from: { id: staff!.staffId, displayName: staff!.displayName },
        at: new Date().toISOString(),
      };
      return {
        sql: `status = 'waiting', skill = $2, handoff = $3::jsonb, claimed_by_id = NULL,
           claimed_by_name = NULL, claimed_at = NULL, served_at = NULL,
           handoff_skills = handoff_skills || jsonb_build_array($2::text),
           handed_off = handed_off OR origin = 'walk-up', ${WAIT_STARTS}`,
        params: [skill, JSON.stringify(handoff)],
      };
    }
    case 'cancel':
      return {
        sql: "status = 'cancelled', closed_at = now(), cancelled_by = $2, paged_at = NULL",
        params: [actor.kind],
      };
    case 'page':
      return { sql: 'paged_at = now(), patron_here_at = NULL', params: [] };
    case 'here':
      return { sql: 'paged_at = NULL, patron_here_at = now()', params: [] };
  }
}

/** The largest `version` a request can have (its column is a PostgreSQL integer). */
const MAX_VERSION = 2_147_483_647;

/** The statuses in which a request has a holder (its claimer is busy with it). */
const HELD: readonly RequestStatus[] = ['claimed', 'serving'];

/**
 * What the state machine (request-machine.ts) lets a staff member do, for `actAtOnce`'s SQL:
 * per action, the statuses it may start from, those of them only the claimer may act from,
 * whether the actor holds the request afterwards, and the statuses from which that changes
 * whether the actor is busy (the floor hears it). Derived from the machine's table, never
 * restated, so the guard and `decide` cannot drift apart.
 */
function staffRule(action: RequestAction) {
  const from = allowedFrom(action);
  const mine = from.filter((status) => holderOnly(action, status));
  const holdsAfter = HELD.includes(resultOf(action));
  const heldBefore = (status: RequestStatus) => HELD.includes(status) && mine.includes(status);
  const floorFrom = from.filter((status) => heldBefore(status) !== holdsAfter);
  return { from, mine, holdsAfter, floorFrom };
}

export class RequestStore {
  constructor(
    private readonly store: StoreCore,
    private readonly branches: BranchStore,
    private readonly presence: PresenceStore,
  ) {}

  /** 201 with the new request, or 200 with the stored one when this kiosk already sent `id`. */
  async create(
    kiosk: KioskActor,
    body: CreateRequestBody,
    zone: string | null = null,
    options: CreateOptions = {},
  ): Promise<Created> {
    return this.createOnce(
      { kind: 'kiosk', kiosk },
      kiosk.branchId,
      body.id,
      body.topicId,
      {
        status: 'waiting',
        ...patronText(body),
        needs: body.needs ?? [],
        language: body.language ?? null,
        // The kiosk's place on the floor: someone nearby fits it best.
        zone,
      },
      options,
    );
  }

  /**
   * A walk-up at `branchId` (the branch of the caller's tablet): `waiting` for whoever has the
   * skill (a greeter sending for a specialist), or with `claim` taken by the caller at once.
   * 201 with the new request, or 200 with the stored one when this person already sent `id`.
   */
  async createWalkUp(
    staff: StaffActor,
    branchId: string,
    body: CreateRequestBody,
  ): Promise<Created> {
    const taken = body.claim === true;
    return this.createOnce({ kind: 'staff', staff }, branchId, body.id, body.topicId, {
      status: taken ? 'claimed' : 'waiting',
      ...patronText(body),
      needs: body.needs ?? [],
      language: body.language ?? null,
      zone: body.zone?.trim() || null,
      claimedBy: taken ? staff : null,
      handedOff: !taken,
    });
  }

  /**
   * A question `staff` answered on the spot at `branchId`: stored as a walk-up already `done`,
   * resolved by them, with no patron text. 201, or 200 with what was stored for the same `id`.
   */
  async recordInteraction(
    staff: StaffActor,
    branchId: string,
    body: InteractionBody,
  ): Promise<Created> {
    return this.createOnce({ kind: 'staff', staff }, branchId, body.id, body.topicId, {
      status: 'done',
      name: null,
      note: null,
      needs: [],
      language: body.language ?? null,
      claimedBy: staff,
      outcome: body.outcome,
      effort: body.effort ?? null,
      minutes: body.minutes ?? null,
      handedOff: false,
    });
  }

  /**
   * Inserts a new request with the day's next ticket, and its event, in one transaction; or,
   * when `id` exists (a retry, or the same id sent twice at once), answers the stored one to
   * the maker who made it (409 to anyone else). A new id is the usual case, so it is not
   * looked up first: the insert finds out, and a repeat rolls back and reads what is stored.
   */
  private async createOnce(
    maker: Maker,
    branchId: string,
    id: string,
    topicId: string,
    fields: NewRequest,
    options: CreateOptions = {},
  ): Promise<Created> {
    const kioskId = maker.kind === 'kiosk' ? maker.kiosk.deviceId : null;
    const by = maker.kind === 'staff' ? maker.staff : undefined;
    const claimer = fields.claimedBy ?? undefined;
    const taker = fields.status === 'claimed' ? claimer : undefined;
    // The request's event, and the taker's presence (busy now) when it is claimed at once.
    const { ctes, logged } = this.store.log.appendFrom(
      `SELECT 0 AS n, 'request'::text AS kind, m.branch_id, m.kiosk_id, false AS kiosks,
              jsonb_build_object('request', m.request_json) AS payload FROM made m
       UNION ALL
       SELECT 1, 'presence', m.branch_id, NULL, false, jsonb_build_object('presence', m.floor)
         FROM made m WHERE m.floor IS NOT NULL`,
      '$22',
    );
    try {
      // One statement, committed as it ends: the topic (its skill), the day's next ticket,
      // the request, the patron's words, the follow link, and the events. Nothing is written
      // when the topic is not the branch's, or when the id exists (a repeat, answered below).
      const [row] = await this.store.query(
        `WITH topic AS (SELECT id, skill FROM topics WHERE branch_id = $2 AND id = $5),
         counter AS (
           INSERT INTO ticket_counters (branch_id, day, n) SELECT $2, $4, 1 FROM topic
           ON CONFLICT (branch_id, day) DO UPDATE SET n = ticket_counters.n + 1 RETURNING n),
         made AS (
           INSERT INTO requests AS r (id, branch_id, kiosk_id, ticket, ticket_day, topic_id, skill,
             status, needs, origin, created_by_id, created_by_name, language, zone,
             handed_off, claimed_by_id, claimed_by_name, claimed_at, first_claimed_at, outcome,
             effort, minutes, closed_at, waiting_since)
           SELECT $1, $2, $3, ${ticketSql('counter.n')}, $4, topic.id, topic.skill, $6, $9::jsonb, $10,
             $11, $12, $13, $14, $15, $16, $17,
             CASE WHEN $16::text IS NULL THEN NULL ELSE now() END,
             CASE WHEN $16::text IS NULL THEN NULL ELSE now() END,
             $18, $19, $20, CASE WHEN $6::text = 'done' THEN now() END,
             CASE WHEN $6::text = 'waiting' THEN now() END
             FROM topic, counter
           ON CONFLICT (id) DO NOTHING
           RETURNING r.*, ${requestJson('r')} AS request_json,
             ${taker ? PresenceStore.floorJsonOf('$16', 'true') : 'NULL::jsonb'} AS floor),
         words AS (
           INSERT INTO patron_words (request_id, name, note)
           SELECT id, $7, $8 FROM made WHERE $7::text IS NOT NULL OR $8::text IS NOT NULL),
         follow AS (
           INSERT INTO follow_tokens (token_hash, request_id)
           SELECT $21, id FROM made WHERE $21::text IS NOT NULL),
         ${ctes}
         SELECT EXISTS (SELECT 1 FROM topic) AS topic_found, m.*, ${logged}
           FROM (SELECT 1) AS one LEFT JOIN made m ON true`,
        [
          id,
          branchId,
          kioskId,
          localDay(),
          topicId,
          fields.status,
          fields.name,
          fields.note,
          JSON.stringify(fields.needs),
          maker.kind === 'kiosk' ? 'kiosk' : 'walk-up',
          by?.staffId ?? null,
          by?.displayName ?? null,
          fields.language,
          fields.zone ?? null,
          fields.handedOff ?? false,
          claimer?.staffId ?? null,
          claimer?.displayName ?? null,
          fields.outcome ?? null,
          fields.effort ?? null,
          fields.minutes ?? null,
          options.followHash ?? null,
          ...this.store.log.lockParams(),
        ],
      );
      if (!row?.topic_found) {
        // The same id again is answered as a repeat, whatever its topic has become since.
        const stored = await this.get(id);
        if (stored) return again(maker, stored);
        const whose = maker.kind === 'kiosk' ? "this kiosk's" : "this tablet's";
        throw notFound(`Topic "${topicId}" of ${whose} branch`);
      }
      // Another call with the same id got there first: answer as a repeat.
      if (row.id == null) throw new RoveError('conflict', 'retry');
      const created = withWords(toRequest(row), fields);
      const events: NewEvent[] = [requestEvent(created, kioskId)];
      if (row.floor) events.push({ kind: 'presence', branchId, payload: { presence: row.floor } });
      this.store.published(this.store.log.seqsOf(row, events));
      return { made: true, request: viewOf(maker, created) };
    } catch (error) {
      const raced =
        error instanceof RoveError ? error.message === 'retry' : isUniqueViolation(error);
      if (!raced) throw error;
      const stored = await this.get(id);
      if (!stored) throw error;
      return again(maker, stored);
    }
  }

  async get(id: string): Promise<StoredRequest | undefined> {
    const [row] = await this.store.query(
      `SELECT r.*, ${wordsOf('r.id')} AS words FROM requests r WHERE r.id = $1`,
      [id],
    );
    return row ? { request: toRequest(row), kioskId: kioskOf(row) } : undefined;
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
        `SELECT r.*, ${wordsOf('r.id')} AS words FROM requests r
          WHERE r.branch_id = $1 AND r.status IN ('waiting', 'claimed', 'serving')
            AND ($2::text IS NULL OR r.kiosk_id = $2) ORDER BY r.created_at, r.ticket`,
        [branchId, kioskId ?? null],
      );
      const seq = await this.store.log.lastSeq(tx);
      const requests = rows.map(toRequest);
      return { requests: kioskId ? requests.map(forKiosk) : requests, seq };
    });
  }

  /** One action, by opId: a replay answers what the first call answered and changes nothing. */
  async act(
    actor: Actor,
    id: string,
    action: RequestAction,
    body: ActionBody<RequestAction>,
  ): Promise<Acted> {
    // Checked before the transaction: PGlite runs one transaction at a time and a read outside
    // it would wait for it to end.
    if (action === 'transfer')
      await this.branches.mustBeSkills([(body as ActionBody<'transfer'>).skill]);
    try {
      return await this.actOnce(actor, id, action, body);
    } catch (error) {
      // The same opId sent twice at once: the loser finds the winner's answer on a second try.
      if (isUniqueViolation(error)) return this.actOnce(actor, id, action, body);
      throw error;
    }
  }

  private async actOnce(
    actor: Actor,
    id: string,
    action: RequestAction,
    body: ActionBody<RequestAction>,
  ): Promise<Acted> {
    if (actor.kind === 'staff' && staffMay(action)) {
      // Staff: the one statement, or, when it changed nothing, why not. The state may have
      // changed between the two (a release just committed): then the statement is tried again.
      for (let attempt = 0; ; attempt += 1) {
        const done = await this.actAtOnce(actor, id, action, body);
        if (done) return done;
        const why = await this.settle(actor, id, action, body, attempt < 3);
        if (why) return why;
      }
    }
    return this.settle(actor, id, action, body, false) as Promise<Acted>;
  }

  /**
   * The long way, under the request's row lock: a replay of the opId, not found, forbidden, a
   * refusal by the state machine or for a stale version (kept for replays). When the machine
   * allows the action and `retry` is set (staff, whose one statement just changed nothing),
   * answers undefined with nothing written, for the caller to try the statement again;
   * otherwise (a kiosk or the admin account, or staff after several tries) it applies it.
   */
  private settle(
    actor: Actor,
    id: string,
    action: RequestAction,
    body: ActionBody<RequestAction>,
    retry: boolean,
  ): Promise<Acted | undefined> {
    return this.store.write(async (tx) => {
      // Lock the request first: every action on it queues here, and two claims get one winner.
      // The opId's earlier answer comes in the same round trip. If an action with the same
      // opId commits while we wait for the lock, this (older) read of ops misses it; our ops
      // insert below then fails on its key, which rolls this back and retries (see act), so
      // a replay still answers what the first call answered.
      const [row] = await tx.query(
        `SELECT r.*, ${wordsOf('r.id')} AS words,
                o.actor AS op_actor, o.outcome AS op_outcome, o.body AS op_body
           FROM requests r LEFT JOIN ops o ON o.op_id = $2
          WHERE r.id = $1 FOR UPDATE OF r`,
        [id, body.opId],
      );
      if (row && row.op_actor != null) {
        if (row.op_actor !== actorKey(actor))
          throw conflict('This opId was already used; make a new one');
        // Our own answer, as kept (without the patron's words): put back the words that still
        // exist, as this actor sees them.
        const kept = replayedAnswer(String(row.op_outcome), row.op_body);
        return {
          ...kept,
          request: viewFor(actor, withWords(kept.request, row.words as PatronWords | null)),
        };
      }
      if (!row) throw notFound(`Request "${id}"`);
      const current = toRequest(row);
      const facts = {
        ...current,
        kioskId: kioskOf(row),
        claimedBy: current.claimedBy ?? null,
        pagedAt: current.pagedAt ?? null,
      };
      const decision = decide(facts as Parameters<typeof decide>[0], action, actor);
      if (!decision.ok && decision.code === 'forbidden') throw forbidden(decision.message);

      let answer: Acted;
      if (!decision.ok) {
        answer = {
          outcome: 'refused',
          message: decision.message,
          request: viewFor(actor, current),
        };
      } else if (body.version !== undefined && body.version !== current.version) {
        const message = `This request has changed (version ${current.version}, you sent ${body.version})`;
        answer = { outcome: 'refused', message, request: viewFor(actor, current) };
      } else if (retry) {
        return undefined;
      } else {
        const updated = await this.apply(tx, actor, current, action, body);
        await this.announce(tx, updated, kioskOf(row));
        // Whoever took it on or let it go is now busy or free: the floor hears it.
        const [was, now] = [holder(current), holder(updated)];
        if (was !== now)
          await this.presence.busyChanged(
            tx,
            updated.branchId,
            [was, now].filter((id): id is string => id !== undefined),
          );
        answer = { outcome: 'done', request: viewFor(actor, updated) };
      }
      // Written with the event, in the transaction's last statement.
      tx.later({
        text: 'INSERT INTO ops (op_id, actor, outcome, body) VALUES ($1, $2, $3, $4)',
        params: [body.opId, actorKey(actor), answer.outcome, JSON.stringify(keptAnswer(answer))],
      });
      return answer;
    });
  }

  /**
   * A staff member's action in one statement, when the state machine allows it on a version
   * they have seen, with a new opId. The UPDATE's condition is generated from the machine's
   * table (`staffRule`): exactly what `decide` accepts for this staff member, so when it
   * changes the row the answer is `done`; when it changes nothing (a refusal, a replay, no
   * such request) the caller finds out why. On PostgreSQL a concurrent action on the row
   * makes this UPDATE wait and re-check its condition against the committed row, so two
   * claims still get one winner. It reads the actor's presence too, for the floor's event
   * when they become busy or free.
   */
  private async actAtOnce(
    actor: StaffActor,
    id: string,
    action: RequestAction,
    body: ActionBody<RequestAction>,
  ): Promise<Acted | undefined> {
    // A version no row can have (past PostgreSQL's integer) is refused the long way.
    if (body.version !== undefined && !(body.version <= MAX_VERSION)) return undefined;
    const rule = staffRule(action);
    const change = setFor(action, actor, body);
    const params: unknown[] = [id, ...change.params];
    const $ = (value: unknown) => `$${params.push(value)}`;
    const me = $(actor.staffId);
    const opId = $(body.opId);
    // Taking it on makes them busy; letting go leaves them busy only with another request.
    const busy = rule.holdsAfter
      ? 'true'
      : `EXISTS (SELECT 1 FROM requests o WHERE o.claimed_by_id = p.staff_id
                   AND o.status IN ('claimed', 'serving') AND o.id <> r.id)`;
    const floorJson = PresenceStore.floorJsonOf(me, busy);
    // From some statuses only (a cancel of a claimed request, not of a waiting one): those are
    // the held ones, and only a held request has a claimer, which such an action leaves set.
    const floor =
      rule.floorFrom.length === 0
        ? 'NULL::jsonb'
        : rule.floorFrom.length === rule.from.length
          ? floorJson
          : `CASE WHEN r.claimed_by_id IS NOT NULL THEN ${floorJson} END`;
    const guard = `r.id = $1 AND r.status = ANY(${$(rule.from)}::text[])
      AND r.branch_id = ANY(${$(actor.branchIds)}::text[])
      AND (r.status <> ALL(${$(rule.mine)}::text[]) OR r.claimed_by_id = ${me})
      AND (${$(body.version ?? null)}::integer IS NULL OR r.version = $${params.length})
      AND NOT EXISTS (SELECT 1 FROM ops WHERE op_id = ${opId})`;
    // A hand-off's note is the patron's business between colleagues: kept with their words.
    const note =
      action === 'transfer' ? (body as ActionBody<'transfer'>).note?.trim() || null : undefined;
    const noteCte =
      note === undefined
        ? ''
        : `noted AS (
             INSERT INTO patron_words (request_id, handoff_note) SELECT id, ${$(note)}::text FROM made
             ON CONFLICT (request_id) DO UPDATE SET handoff_note = EXCLUDED.handoff_note),`;
    const kept = `kept AS (
         INSERT INTO ops (op_id, actor, outcome, body)
         SELECT ${opId}, ${$(actorKey(actor))}, 'done',
                jsonb_build_object('request', m.request_json)::text FROM made m),`;
    // The request's event, and the actor's presence when they become busy or free.
    const lock = this.store.log.lockParams();
    const { ctes, logged } = this.store.log.appendFrom(
      `SELECT 0 AS n, 'request'::text AS kind, m.branch_id, m.kiosk_id, false AS kiosks,
              jsonb_build_object('request', m.request_json) AS payload FROM made m
       UNION ALL
       SELECT 1, 'presence', m.branch_id, NULL, false, jsonb_build_object('presence', m.floor)
         FROM made m WHERE m.floor IS NOT NULL`,
      `$${params.length + 1}`,
    );
    params.push(...lock);
    // One statement, committed as it ends: the change, the hand-off note, the answer kept for
    // replays of the opId (never the patron's words), and the events.
    const [row] = await this.store.query(
      `WITH made AS (
         UPDATE requests r SET ${change.sql}, version = r.version + 1 WHERE ${guard}
         RETURNING r.*, ${requestJson('r')} AS request_json, ${wordsOf('r.id')} AS words,
           ${floor} AS floor),
       ${noteCte}
       ${kept}
       ${ctes}
       SELECT m.*, ${logged} FROM made m`,
      params,
    );
    if (!row) return undefined;
    const words = row.words as PatronWords | null;
    const updated = toRequest({
      ...row,
      words: note === undefined ? words : { ...words, handoffNote: note },
    });
    const events: NewEvent[] = [requestEvent(updated, kioskOf(row))];
    if (row.floor)
      events.push({
        kind: 'presence',
        branchId: updated.branchId,
        payload: { presence: row.floor },
      });
    this.store.published(this.store.log.seqsOf(row, events));
    return { outcome: 'done', request: updated };
  }

  private async apply(
    tx: Tx,
    actor: Actor,
    current: HelpRequest,
    action: RequestAction,
    body: ActionBody<RequestAction>,
  ): Promise<HelpRequest> {
    if (action === 'transfer') {
      // The note is the patron's business between colleagues: it is kept with their words.
      const { note } = body as ActionBody<'transfer'>;
      await setHandoffNote(tx, current.id, note?.trim() || undefined);
    }
    const change = setFor(action, actor, body);
    const [row] = await tx.query(
      `UPDATE requests r SET ${change.sql}, version = r.version + 1 WHERE r.id = $1
       RETURNING r.*, ${wordsOf('r.id')} AS words`,
      [current.id, ...change.params],
    );
    return toRequest(row!);
  }

  /** The request's event: its branch's staff hear it, and the kiosk that made it, if any. */
  private async announce(tx: Tx, request: HelpRequest, kioskId: string | null): Promise<void> {
    await tx.event(requestEvent(request, kioskId));
  }

  /**
   * Erases patron text (name, note, hand-off note) of requests closed before `cutoff`, and the
   * log's events and kept answers from before it. The words are deleted from `patron_words`,
   * which is then rewritten (VACUUM FULL) and a CHECKPOINT taken, so they are gone from the
   * table files, not only hidden (docs/SECURITY.md). Returns how many requests it erased.
   */
  async purge(cutoff: Date): Promise<number> {
    const erased = await this.store.write(async (tx) => {
      const gone = await tx.query(
        `DELETE FROM patron_words w USING requests r
          WHERE r.id = w.request_id AND r.closed_at < $1 RETURNING w.request_id`,
        [cutoff],
      );
      await this.store.log.prune(tx, cutoff);
      // Old opId answers: a client retries an action for minutes, not hours.
      await tx.query('DELETE FROM ops WHERE created_at < $1', [cutoff]);
      // Follow links die an hour after their request ends: their hashes go too.
      await tx.query(
        `DELETE FROM follow_tokens f USING requests r
          WHERE r.id = f.request_id AND r.closed_at < now() - interval '1 hour'`,
      );
      return gone.length;
    });
    if (erased > 0) await this.store.compactWords();
    return erased;
  }
}

/** An action's answer as the ops table keeps it for replays: never the patron's words. */
function keptAnswer(answer: Acted) {
  const request = withoutWords(answer.request);
  return answer.outcome === 'done' ? { request } : { message: answer.message, request };
}

/** A kept answer read back (rows kept before migration 0009 hold the refusal's error body). */
function replayedAnswer(outcome: string, stored: unknown): Acted {
  const body = (typeof stored === 'string' ? JSON.parse(stored) : stored) as {
    request: HelpRequest;
    message?: string;
    error?: { message: string };
  };
  if (outcome === 'done') return { outcome, request: body.request };
  return {
    outcome: 'refused',
    message: body.message ?? body.error?.message ?? '',
    request: body.request,
  };
}
