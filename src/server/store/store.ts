// The store: one SQL implementation over a `Db` (PGlite or PostgreSQL), split by resource.
// Every change runs in `write()`, which appends its event-log rows in the same transaction and,
// once committed, tells this process's stream hub (and, on PostgreSQL, every process: NOTIFY).
import type { Db, Row, Sql } from './db.js';
import { AccountStore } from './accounts.js';
import { BranchStore } from './branches.js';
import { DeviceStore } from './devices.js';
import { EventLog, type NewEvent } from './events.js';
import { migrate } from './migrate.js';
import { RequestStore } from './requests.js';
import { seed } from './seed.js';
import { StaffStore } from './staff.js';

/** A transaction that can also append events. */
export interface Tx extends Sql {
  /** Appends one event to the log; returns its seq. Visible to streams after commit. */
  event(event: NewEvent): Promise<number>;
}

export class Store {
  readonly log: EventLog;
  readonly accounts: AccountStore;
  readonly branches: BranchStore;
  readonly requests: RequestStore;
  readonly devices: DeviceStore;
  readonly staff: StaffStore;
  private readonly committed = new Set<(seq: number) => void>();

  constructor(readonly db: Db) {
    this.log = new EventLog(db);
    this.accounts = new AccountStore(this);
    this.branches = new BranchStore(this);
    this.requests = new RequestStore(this);
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

  /** Hears the seq of each event this process commits, right after the commit. */
  onCommitted(listener: (seq: number) => void): () => void {
    this.committed.add(listener);
    return () => this.committed.delete(listener);
  }

  /** One transaction; events it appends are announced after it commits. */
  async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    let last = 0;
    const result = await this.db.transaction(async (sql) => {
      last = 0;
      const tx: Tx = {
        query: (text, params) => sql.query(text, params),
        exec: (text) => sql.exec(text),
        event: async (event) => {
          last = await this.log.append(sql, event);
          return last;
        },
      };
      const value = await fn(tx);
      // NOTIFY inside the transaction is delivered exactly when it commits, and never if it
      // rolls back: every process LISTENing then reads the log from its last seq.
      if (last && this.db.kind === 'postgres') {
        await sql.query("SELECT pg_notify('rove_events', $1)", [String(last)]);
      }
      return value;
    });
    if (last) for (const listener of this.committed) listener(last);
    return result;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
