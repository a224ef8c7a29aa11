// The one thing the SQL store needs from a database: run a statement, run a transaction.
// pglite.ts and postgres.ts only open connections; every statement lives in the store.

export type Row = Record<string, unknown>;

export interface Sql {
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements with no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Calls `onSeq` whenever any process announces a committed event (`NOTIFY rove_events`).
   * PGlite has only this process, which tells its hub directly, so there it does nothing.
   */
  listen(onSeq: (seq: number) => void): Promise<void>;
  /**
   * Whether this process now hears every change to sessions and devices that any process
   * makes (`authChange`): PGlite has only this process; PostgreSQL while its listener is
   * connected (after `listen`). Only then may sessions and devices be remembered.
   */
  hearsAuthChanges(): boolean;
  /**
   * Calls `onChange` when any process announced a change to sessions or devices, and when
   * this process may have missed one (its listener lost or reconnected).
   */
  onAuthChange(onChange: () => void): void;
  /**
   * Announces, in `sql` (a transaction: when it commits), that sessions or devices changed.
   * The function it answers waits (briefly, bounded) until this process has heard the
   * announcement back: by then PostgreSQL has signalled every other process's listener too.
   */
  announceAuthChange(sql: Sql): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** PostgreSQL's SQLSTATE for a unique-key violation. */
const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}

/** PostgreSQL's SQLSTATE for an invalid parameter value, e.g. an unknown time zone. */
const INVALID_PARAMETER_VALUE = '22023';

/** True when the statement failed on a value it cannot use, such as a time zone it lacks. */
export function isInvalidParameter(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === INVALID_PARAMETER_VALUE;
}
