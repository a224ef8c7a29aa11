// Making a help request: a kiosk's for its patron, a walk-up, or an answer given on the spot,
// each with the day's next readable ticket, in one statement that logs its own events. The
// same id sent again is answered as a repeat to its maker and refused to anyone else.
import type { HelpRequest } from '../../shared/schemas.js';
import type { Actor } from '../../shared/request-machine.js';
import { RoveError, conflict, notFound } from '../errors.js';
import { isUniqueViolation } from './db.js';
import { forKiosk, kioskOf, localDay, requestJson, toRequest } from './rows.js';
import type { StoreCore } from './core.js';
import { PresenceStore } from './presence.js';
import { withWords, wordsOf } from './words.js';

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
export type Maker = { kind: 'kiosk'; kiosk: KioskActor } | { kind: 'staff'; staff: StaffActor };

/**
 * The branch's ($2) calendar day now, on its own clock once it has a time zone, else the
 * server's ($4, its local day): tickets start over each morning where the patrons are. A zone
 * is kept only once the database has counted in it (BranchStore.patch), so this cannot fail.
 */
const BRANCH_DAY = `COALESCE(
  (SELECT (now() AT TIME ZONE b.time_zone)::date FROM branches b
    WHERE b.id = $2 AND b.time_zone IS NOT NULL),
  $4::date)`;

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
export function patronText(body: { name?: string; note?: string }) {
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

/** The request with `id` as stored, with the kiosk that made it. */
export async function getRequest(store: StoreCore, id: string): Promise<StoredRequest | undefined> {
  const [row] = await store.query(
    `SELECT r.*, ${wordsOf('r.id')} AS words FROM requests r WHERE r.id = $1`,
    [id],
  );
  return row ? { request: toRequest(row), kioskId: kioskOf(row) } : undefined;
}

/**
 * Inserts a new request with the day's next ticket, and its event, in one transaction; or,
 * when `id` exists (a retry, or the same id sent twice at once), answers the stored one to
 * the maker who made it (409 to anyone else). A new id is the usual case, so it is not
 * looked up first: the insert finds out, and a repeat rolls back and reads what is stored.
 */
export async function createRequest(
  store: StoreCore,
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
  const { ctes, logged } = store.log.appendMade('$22');
  try {
    // One statement, committed as it ends: the topic (its skill), the day's next ticket,
    // the request, the patron's words, the follow link, and the events. Nothing is written
    // when the topic is not the branch's, or when the id exists (a repeat, answered below).
    const [row] = await store.query(
      `WITH topic AS (SELECT id, skill FROM topics WHERE branch_id = $2 AND id = $5),
       today AS (SELECT ${BRANCH_DAY} AS day),
       counter AS (
         INSERT INTO ticket_counters (branch_id, day, n) SELECT $2, today.day, 1 FROM topic, today
         ON CONFLICT (branch_id, day) DO UPDATE SET n = ticket_counters.n + 1 RETURNING n),
       made AS (
         INSERT INTO requests AS r (id, branch_id, kiosk_id, ticket, ticket_day, topic_id, skill,
           status, needs, origin, created_by_id, created_by_name, language, zone,
           handed_off, claimed_by_id, claimed_by_name, claimed_at, first_claimed_at, outcome,
           effort, minutes, closed_at, waiting_since)
         SELECT $1, $2, $3, ${ticketSql('counter.n')}, today.day, topic.id, topic.skill, $6,
           $9::jsonb, $10,
           $11, $12, $13, $14, $15, $16, $17,
           CASE WHEN $16::text IS NULL THEN NULL ELSE now() END,
           CASE WHEN $16::text IS NULL THEN NULL ELSE now() END,
           $18, $19, $20, CASE WHEN $6::text = 'done' THEN now() END,
           CASE WHEN $6::text = 'waiting' THEN now() END
           FROM topic, counter, today
         ON CONFLICT (id) DO NOTHING
         RETURNING r.id, r.branch_id, r.kiosk_id, ${requestJson('r')} AS request_json,
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
        ...store.log.lockParams(),
      ],
    );
    if (!row?.topic_found) {
      // The same id again is answered as a repeat, whatever its topic has become since.
      const stored = await getRequest(store, id);
      if (stored) return again(maker, stored);
      const whose = maker.kind === 'kiosk' ? "this kiosk's" : "this tablet's";
      throw notFound(`Topic "${topicId}" of ${whose} branch`);
    }
    // Another call with the same id got there first: answer as a repeat.
    if (row.id == null) throw new RoveError('conflict', 'retry');
    const created = withWords(toRequest(row), fields);
    store.published(store.log.madeOf(row, created, kioskId));
    return { made: true, request: viewOf(maker, created) };
  } catch (error) {
    const raced = error instanceof RoveError ? error.message === 'retry' : isUniqueViolation(error);
    if (!raced) throw error;
    const stored = await getRequest(store, id);
    if (!stored) throw error;
    return again(maker, stored);
  }
}
