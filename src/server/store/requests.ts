// Help requests: creation (request-create.ts), the actions (request-actions.ts), the open
// queue, and the purge of patron text after the retention window. Long-wait alerts are in
// escalation.ts, the patron's feedback in feedback.ts, a follow link's first opening in
// follow.ts.
import type {
  ActionBody,
  CreateRequestBody,
  HelpRequest,
  InteractionBody,
} from '../../shared/schemas.js';
import type { Actor, RequestAction } from '../../shared/request-machine.js';
import { forKiosk, toRequest } from './rows.js';
import type { StoreCore } from './core.js';
import type { BranchStore } from './branches.js';
import type { PresenceStore } from './presence.js';
import { wordsOf } from './words.js';
import {
  createRequest,
  getRequest,
  patronText,
  type CreateOptions,
  type Created,
  type KioskActor,
  type StaffActor,
  type StoredRequest,
} from './request-create.js';
import { RequestActions, type Acted } from './request-actions.js';

export { ticketFor, ticketSql } from './request-create.js';
export type {
  AdminActor,
  CreateOptions,
  Created,
  KioskActor,
  StaffActor,
  StoredRequest,
} from './request-create.js';
export { viewFor, type Acted } from './request-actions.js';

export class RequestStore {
  private readonly actions: RequestActions;

  constructor(
    private readonly store: StoreCore,
    branches: BranchStore,
    presence: PresenceStore,
  ) {
    this.actions = new RequestActions(store, branches, presence);
  }

  /** 201 with the new request, or 200 with the stored one when this kiosk already sent `id`. */
  async create(
    kiosk: KioskActor,
    body: CreateRequestBody,
    zone: string | null = null,
    options: CreateOptions = {},
  ): Promise<Created> {
    return createRequest(
      this.store,
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
    return createRequest(this.store, { kind: 'staff', staff }, branchId, body.id, body.topicId, {
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
    return createRequest(this.store, { kind: 'staff', staff }, branchId, body.id, body.topicId, {
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

  get(id: string): Promise<StoredRequest | undefined> {
    return getRequest(this.store, id);
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
  act(
    actor: Actor,
    id: string,
    action: RequestAction,
    body: ActionBody<RequestAction>,
  ): Promise<Acted> {
    return this.actions.act(actor, id, action, body);
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
