// A staff member's, a kiosk's or the admin account's action on a help request, by opId: a
// replay answers what the first call answered. Staff actions the state machine allows take one
// guarded statement; everything else (a refusal, a replay, a kiosk's cancel) takes the long way
// under the request's row lock. See docs/API.md, "Help requests".
import type { ActionBody, HelpRequest } from '../../shared/schemas.js';
import { decide, staffMay, type Actor, type RequestAction } from '../../shared/request-machine.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { setFor, staffRule } from './request-changes.js';
import { isUniqueViolation } from './db.js';
import { forKiosk, kioskOf, requestJson, toRequest } from './rows.js';
import { requestEvent } from './events.js';
import type { StoreCore, Tx } from './core.js';
import type { BranchStore } from './branches.js';
import { PresenceStore } from './presence.js';
import { setHandoffNote, withWords, withoutWords, wordsOf, type PatronWords } from './words.js';
import type { StaffActor } from './request-create.js';

/**
 * What an action did (replayed as it is for the same opId): `done`, or `refused` by the state
 * machine or a stale version, with the request as it stands. Routes turn it into 200 or 409.
 */
export type Acted =
  | { outcome: 'done'; request: HelpRequest }
  | { outcome: 'refused'; message: string; request: HelpRequest };

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

const actorKey = (actor: Actor) =>
  actor.kind === 'kiosk'
    ? `kiosk:${actor.deviceId}`
    : actor.kind === 'staff'
      ? `staff:${actor.staffId}`
      : 'admin';

/** The largest `version` a request can have (its column is a PostgreSQL integer). */
const MAX_VERSION = 2_147_483_647;

export class RequestActions {
  constructor(
    private readonly store: StoreCore,
    private readonly branches: BranchStore,
    private readonly presence: PresenceStore,
  ) {}

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
        // Its branch's staff hear it, and the kiosk that made it, if any.
        await tx.event(requestEvent(updated, kioskOf(row)));
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
    const { ctes, logged } = this.store.log.appendMade(`$${params.length + 1}`);
    params.push(...lock);
    // One statement, committed as it ends: the change, the hand-off note, the answer kept for
    // replays of the opId (never the patron's words), and the events. It answers only the
    // columns used (the request comes as `request_json`): printing every column of the row
    // was a tenth of the statement's time.
    const [row] = await this.store.query(
      `WITH made AS (
         UPDATE requests r SET ${change.sql}, version = r.version + 1 WHERE ${guard}
         RETURNING r.id, r.branch_id, r.kiosk_id, ${requestJson('r')} AS request_json,
           ${wordsOf('r.id')} AS words, ${floor} AS floor),
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
    this.store.published(this.store.log.madeOf(row, updated, kioskOf(row)));
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
