// The core every part of the store works through: the database, the event log, and `write()`,
// which runs one transaction, appends its event-log rows in it and, once committed, tells this
// process's stream hub (and, on PostgreSQL, every process: NOTIFY). The parts of the store
// (store.ts composes them) take this core and the few peers they need, never the whole Store.
import type { Db, Row, Sql } from './db.js';
import { EventLog, type Deferred, type LoggedEvent, type NewEvent } from './events.js';

/** PostgreSQL's SQLSTATE when a role lacks a right (here: CHECKPOINT). */
const INSUFFICIENT_PRIVILEGE = '42501';

/** A transaction that can also append events. */
export interface Tx extends Sql {
  /** Appends one event to the log (at the end of the transaction). Visible to streams after commit. */
  event(event: NewEvent): Promise<void>;
  /** A write with no answer, run with the events in the transaction's last statement. */
  later(write: Deferred): void;
}

export class StoreCore {
  readonly log: EventLog;
  private readonly committed = new Set<(events: LoggedEvent[]) => void>();

  constructor(readonly db: Db) {
    this.log = new EventLog(db);
  }

  get kind(): Db['kind'] {
    return this.db.kind;
  }

  /** Reads outside any transaction. */
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]> {
    return this.db.query<R>(text, params);
  }

  /**
   * After the purge deleted words: rewrites `patron_words` (VACUUM FULL: a new file holding
   * only the live rows; the old one is unlinked) and takes a CHECKPOINT, so the deleted words
   * are in no table file and the WAL that still holds them can be recycled. On PostgreSQL,
   * CHECKPOINT needs a superuser or the `pg_checkpoint` role (docs/SECURITY.md).
   */
  async compactWords(): Promise<void> {
    await this.db.exec('VACUUM FULL patron_words');
    try {
      await this.db.exec('CHECKPOINT');
    } catch (error) {
      if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
      throw new Error(
        'Purged patron words and rewrote their table, but could not CHECKPOINT: grant pg_checkpoint to the database role Rove uses (the next automatic checkpoint will do it)',
      );
    }
  }

  /** Hears the events each transaction of this process commits (in seq order), right after. */
  onCommitted(listener: (events: LoggedEvent[]) => void): () => void {
    this.committed.add(listener);
    return () => this.committed.delete(listener);
  }

  /**
   * One transaction; events it appends are written as its last statement (one round trip,
   * with the NOTIFY on PostgreSQL: delivered exactly when it commits, never if it rolls back)
   * and handed to this process's listeners right after the commit.
   */
  async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    let logged: LoggedEvent[] = [];
    const result = await this.db.transaction(async (sql) => {
      const pending: NewEvent[] = [];
      const deferred: Deferred[] = [];
      logged = [];
      const tx: Tx = {
        query: (text, params) => sql.query(text, params),
        exec: (text) => sql.exec(text),
        event: async (event) => {
          pending.push(event);
        },
        later: (write) => {
          deferred.push(write);
        },
      };
      const value = await fn(tx);
      logged = await this.log.appendAll(sql, pending, deferred);
      return value;
    });
    if (logged.length) for (const listener of this.committed) listener(logged);
    return result;
  }
}
