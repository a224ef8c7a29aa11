// The device's one IndexedDB database: the replica of what the server holds (requests, topics,
// staff names, scripts), the outbox of actions not yet answered, and small facts in `meta`.
import { Dexie, type Table } from 'dexie';
import type { HelpRequest, StaffName, Topic } from '../../../shared/schemas.js';
import type { RequestAction } from '../../../shared/request-machine.js';

/**
 * What may wait in the outbox: a new request (a kiosk's, or a walk-up staff start), a staff
 * action on one, or an answer given on the spot (`interaction`, see db/walk-ups.ts).
 */
/** `feedback`: a kiosk patron's answers about a request that ended (docs/API.md, "Feedback"). */
export type OutboxAction = 'create' | 'interaction' | 'feedback' | RequestAction;

/** One action written before it is sent; it leaves only when the server has answered it. */
export interface OutboxEntry {
  /** Order of enqueue; the outbox is sent strictly in this order. */
  seq?: number;
  /** Made once at enqueue, so a resend after a reload is the same action to the server. */
  opId: string;
  requestId: string;
  action: OutboxAction;
  /** The JSON body to POST (without opId for a create, whose id is the request's id). */
  body: Record<string, unknown>;
  /** Who queued it (staff id), so the pending view can show it as theirs. */
  actorId?: string;
  actorName?: string;
  createdAt: string;
  attempts: number;
  /** Epoch ms before which the flusher leaves it alone (backoff). */
  notBefore: number;
  /**
   * Epoch ms until which it is not sent and may still be taken back (an answer given on the
   * spot, in its Undo window). The flusher passes over it meanwhile: nothing depends on it.
   */
  holdUntil?: number;
}

/** A message for the person at the device about one of their actions, shown until dismissed. */
export interface Notice {
  id?: number;
  requestId: string;
  /** What happened, in words ("Lee got there first: A12 is theirs"). */
  text: string;
  at: string;
}

interface MetaRow {
  key: string;
  value: unknown;
}

export class RoveDatabase extends Dexie {
  requests!: Table<HelpRequest, string>;
  topics!: Table<Topic, string>;
  staffNames!: Table<StaffName & { branchId: string }, string>;
  outbox!: Table<OutboxEntry, number>;
  notices!: Table<Notice, number>;
  meta!: Table<MetaRow, string>;

  constructor() {
    super('rove');
    this.version(1).stores({
      requests: 'id, branchId, status, createdAt',
      topics: 'id, branchId, position',
      staffNames: 'id, branchId',
      outbox: '++seq, opId, requestId',
      notices: '++id, requestId',
      meta: 'key',
      // Owned by the scripts feature (db/scripts.ts).
      scripts: 'id, updatedAt, *tags, *topicIds',
      scriptProgress: 'scriptId',
    });
  }
}

export const db = new RoveDatabase();

/** The meta key where this device remembers its session (written by sync/session.ts). */
export const SESSION_KEY = 'session';

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(key: string): Promise<void> {
  await db.meta.delete(key);
}
