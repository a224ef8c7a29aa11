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

/**
 * What a process remembers of sessions or devices, by token hash: each call carries a token,
 * and reading what it stands for was one statement of every call. Remembered only while every
 * change any process makes is heard here (`Db.hearsAuthChanges`), and forgotten, all of it,
 * at each change (`StoreCore.authChanged`), so a revocation counts at once everywhere.
 */
export class Remembered<V> {
  private readonly known = new Map<string, { value: V; until: number }>();
  /** Bumped by every forget, so a read that raced a change is not remembered. */
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly max = 5000,
  ) {
    db.onAuthChange(() => this.forget());
  }

  forget(): void {
    this.generation += 1;
    this.known.clear();
  }

  /** What is remembered of `key`, while it may be trusted and has not run out. */
  private fresh(key: string): { value: V; until: number } | undefined {
    const known = this.db.hearsAuthChanges() ? this.known.get(key) : undefined;
    return known && known.until > Date.now() ? known : undefined;
  }

  /** Whether `key` is remembered now (and may be trusted): its value needs no read. */
  has(key: string): boolean {
    return this.fresh(key) !== undefined;
  }

  /**
   * The value for `key`: remembered, or read (and remembered until `until`, a time in ms,
   * when the store hears every change). `read` answers undefined for "none", never kept.
   */
  async get(
    key: string,
    read: () => Promise<{ value: V; until: number } | undefined>,
  ): Promise<V | undefined> {
    const known = this.fresh(key);
    if (known) return known.value;
    const trusted = this.db.hearsAuthChanges();
    const generation = this.generation;
    const found = await read();
    if (!found) {
      this.known.delete(key);
      return undefined;
    }
    if (trusted && generation === this.generation && this.db.hearsAuthChanges()) {
      if (this.known.size >= this.max) this.known.clear();
      this.known.set(key, found);
    }
    return found.value;
  }
}

export class StoreCore {
  readonly log: EventLog;
  private readonly committed = new Set<(events: LoggedEvent[]) => void>();
  private readonly remembered = new Set<Remembered<unknown>>();

  constructor(readonly db: Db) {
    this.log = new EventLog(db);
  }

  /** A memory of sessions or devices that every change (`authChanged`) empties. */
  remember<V>(): Remembered<V> {
    const memory = new Remembered<V>(this.db);
    this.remembered.add(memory as Remembered<unknown>);
    return memory;
  }

  /**
   * Sessions or devices change in `sql` (a transaction, or one statement already run):
   * tells every process, and forgets here. Call the answer once it has committed: it forgets
   * again (a read that began before the commit may have remembered the old state) and waits
   * until the announcement is heard back, so the other processes have it too.
   */
  async authChanged(sql: Sql): Promise<() => Promise<void>> {
    const heard = await this.db.announceAuthChange(sql);
    return async () => {
      for (const memory of this.remembered) memory.forget();
      await heard();
    };
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

  /**
   * Tells this process's listeners of events a single statement (`EventLog.appendFrom`)
   * committed as it ended, as `write` does after its COMMIT.
   */
  published(events: LoggedEvent[]): void {
    if (events.length) for (const listener of this.committed) listener(events);
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
