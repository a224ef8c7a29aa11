// The store: one SQL implementation over a `Db` (PGlite or PostgreSQL), split by resource.
// Every change runs in `write()`, which appends its event-log rows in the same transaction and,
// once committed, tells this process's stream hub (and, on PostgreSQL, every process: NOTIFY).
import type { Db, Row, Sql } from './db.js';
import { AccountStore } from './accounts.js';
import { BranchStore } from './branches.js';
import { DeviceStore } from './devices.js';
import { EventLog, type Deferred, type LoggedEvent, type NewEvent } from './events.js';
import { migrate } from './migrate.js';

/** The migration that moved patrons' words into `patron_words`. */
const WORDS_MIGRATION = '0008_patron_words';
/** PostgreSQL's SQLSTATE when a role lacks a right (here: CHECKPOINT). */
const INSUFFICIENT_PRIVILEGE = '42501';
import { ReportStore } from './report.js';
import { RequestStore } from './requests.js';
import { seed } from './seed.js';
import { StaffStore } from './staff.js';

/** A transaction that can also append events. */
export interface Tx extends Sql {
  /** Appends one event to the log (at the end of the transaction). Visible to streams after commit. */
  event(event: NewEvent): Promise<void>;
  /** A write with no answer, run with the events in the transaction's last statement. */
  later(write: Deferred): void;
}

export class Store {
  readonly log: EventLog;
  readonly accounts: AccountStore;
  readonly branches: BranchStore;
  readonly requests: RequestStore;
  readonly reports: ReportStore;
  readonly devices: DeviceStore;
  readonly staff: StaffStore;
  private readonly committed = new Set<(events: LoggedEvent[]) => void>();

  constructor(readonly db: Db) {
    this.log = new EventLog(db);
    this.accounts = new AccountStore(this);
    this.branches = new BranchStore(this);
    this.requests = new RequestStore(this);
    this.reports = new ReportStore(this);
    this.devices = new DeviceStore(this);
    this.staff = new StaffStore(this);
  }

  get kind(): Db['kind'] {
    return this.db.kind;
  }

  /** Reads outside any transaction. */
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]> {
    return this.db.query<R>(text, params);
  }

  /** Migrates and seeds; safe on every start and from several processes at once. */
  async prepare(): Promise<string[]> {
    const applied = await migrate(this.db);
    // Patrons' words just moved out of these tables: rewrite them once so no old row version
    // keeps a copy in their files.
    if (applied.includes(WORDS_MIGRATION)) {
      for (const table of ['requests', 'events', 'ops']) await this.db.exec(`VACUUM FULL ${table}`);
    }
    await this.write((tx) => seed(tx));
    return applied;
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

  close(): Promise<void> {
    return this.db.close();
  }
}
