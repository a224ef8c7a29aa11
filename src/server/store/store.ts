// The store: one SQL implementation over a `Db` (PGlite or PostgreSQL), split by resource.
// Every change runs in `write()`, which appends its event-log rows in the same transaction and,
// once committed, tells this process's stream hub (and, on PostgreSQL, every process: NOTIFY).
import type { Db, Row, Sql } from './db.js';
import { AccountStore } from './accounts.js';
import { BranchStore } from './branches.js';
import { DeviceStore } from './devices.js';
import { EventLog, type Deferred, type LoggedEvent, type NewEvent } from './events.js';
import { migrate } from './migrate.js';
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
    await this.write((tx) => seed(tx));
    return applied;
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
