// Opens the embedded store: PGlite with its files in ROVE_DATA_DIR, or in memory for tests.
// In Node with a data directory PGlite writes through to real files on every statement (and
// we keep its default, non-relaxed durability), so a write acknowledged over HTTP is on disk.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import type { Db, Row, Sql } from './db.js';

export async function openPglite(dataDir: string): Promise<Db> {
  const inMemory = dataDir === 'memory://' || dataDir === '';
  let target = 'memory://';
  if (!inMemory) {
    target = resolve(dataDir);
    // A directory Rove cannot write (not a directory, read-only, a full disk) is said at start,
    // in one line naming it, before PGlite fails somewhere deeper with less to go on.
    try {
      mkdirSync(target, { recursive: true });
      const probe = join(target, '.rove-write-check');
      writeFileSync(probe, 'Rove checks it can write here at start.\n');
      rmSync(probe);
    } catch (error) {
      throw new Error(`cannot write its data directory ${target}: ${reasonOf(error)}`);
    }
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(target);
  } catch (error) {
    throw new Error(`cannot open its data directory ${target}: ${reasonOf(error)}`);
  }
  const prepared = new PreparedStatements(pg);
  const upkeep = new Upkeep(pg);
  const wrap = (conn: Pick<PGlite, 'query' | 'exec'>, inTransaction: boolean): Sql => ({
    async query<R extends Row = Row>(text: string, params: readonly unknown[] = []) {
      upkeep.counted();
      const rows = await prepared.query<R>(text, params, inTransaction);
      if (rows) return rows;
      return (await conn.query<R>(text, params as unknown[])).rows;
    },
    async exec(text: string) {
      await conn.exec(text);
    },
  });
  const outside = wrap(pg, false);
  const authListeners = new Set<() => void>();
  return {
    kind: 'pglite',
    query: outside.query,
    exec: outside.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx, true))),
    listen: async () => {},
    // One process: every change is made here, and heard here once it has committed.
    hearsAuthChanges: () => true,
    onAuthChange: (onChange) => {
      authListeners.add(onChange);
    },
    announceAuthChange: async () => async () => {
      for (const listener of authListeners) listener();
    },
    close: async () => {
      await upkeep.stop();
      if (!pg.closed) await pg.close();
    },
  };
}

/** Statements before the first upkeep; the gap doubles after each, up to UPKEEP_AT_MOST. */
const FIRST_UPKEEP = 200;
const UPKEEP_AT_MOST = 20_000;
/**
 * An upkeep due waits for this long a pause in the store's work (shorter than the floor's
 * one-second clock, whose check is a statement)...
 */
const UPKEEP_QUIET_MS = 250;
/** ...but no longer than this. */
const UPKEEP_WAITS_AT_MOST_MS = 10 * 60_000;

/**
 * What autovacuum does for PostgreSQL, which PGlite (one process, no background workers) never
 * does: `VACUUM (ANALYZE)`. Without it no table ever has statistics, so the planner guesses
 * from nothing (the foreign-key check of each new request's words scanned every request), and
 * a statement's plan, cached while its tables were nearly empty, is never made again: an
 * ANALYZE is what tells cached plans that a table has changed. Due after FIRST_UPKEEP
 * statements, then after twice as many each time (every UPKEEP_AT_MOST at most), so a new
 * store gets statistics as it fills and a busy one keeps them fresh. It holds PGlite, and so
 * the process, for a fraction of a second on a large store (tests/bench/README.md), so it
 * waits for a pause with no statement (a library's floor has many), or ten minutes at most.
 * Patrons' words get no statistics (migration 0008 sets their columns' target to 0).
 */
class Upkeep {
  private count = 0;
  private nextAt = FIRST_UPKEEP;
  /** `Date.now()` of the last statement, and since when an upkeep is due (0: not due). */
  private lastAt = 0;
  private dueSince = 0;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly pg: PGlite) {}

  /** One more statement. */
  counted(): void {
    this.lastAt = Date.now();
    if (++this.count < this.nextAt || this.dueSince || this.stopped) return;
    this.dueSince = this.lastAt;
    this.whenQuiet();
  }

  private whenQuiet(): void {
    this.timer = undefined;
    if (this.stopped) return;
    const now = Date.now();
    const quiet = now - this.lastAt;
    if (quiet < UPKEEP_QUIET_MS && now - this.dueSince < UPKEEP_WAITS_AT_MOST_MS) {
      this.timer = setTimeout(() => this.whenQuiet(), UPKEEP_QUIET_MS - quiet);
      this.timer.unref();
      return;
    }
    this.nextAt = this.count + Math.min(this.count, UPKEEP_AT_MOST);
    this.running = this.pg
      .exec('VACUUM (ANALYZE)')
      // Statistics are an optimisation: a failure (a full disk) is the next write's to report.
      .then(
        () => {},
        () => {},
      )
      .finally(() => {
        this.running = undefined;
        this.dueSince = 0;
      });
  }

  /** No more upkeep; waits for one under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}

/** Distinct statement texts prepared, at most: generated SQL can never grow it forever. */
const MAX_PREPARED = 500;

/** What PGlite 0.5.16 has but does not declare: its two locks (see `PreparedStatements`). */
interface PGliteLocks {
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _checkReady(): Promise<void>;
}

/**
 * Statements as PostgreSQL's prepared statements, each sent in one call into PGlite.
 *
 * PGlite's own `query()` makes six calls into its WASM per statement (Parse of an unnamed
 * statement, so the text is parsed and analysed every time; Describe to learn the parameters'
 * types; Bind; Describe; Execute; Sync). A profile of the claims bench put half the server's
 * time in PostgreSQL's WASM (tests/bench/README.md). Here a statement's text is parsed once,
 * named, with its parameters' types remembered; every later run is Bind, Describe, Execute and
 * Sync in one buffer, one call. Values are serialised, and answers parsed, by PGlite's own
 * serialisers, parsers and protocol code, so rows come back as `query()` would give them.
 *
 * Locking and durability are PGlite's own, as `query()` does them: outside a transaction a
 * statement takes both of PGlite's locks (so it never runs inside another caller's open
 * transaction) and the files are synced before it answers; inside one (`transaction()` holds
 * the transaction lock) it takes the statement lock only, and the commit syncs.
 */
class PreparedStatements {
  private readonly statements = new Map<string, { name: string; types: number[] }>();
  /** Names given so far: a statement prepared afresh takes a new one. */
  private named = 0;
  private readonly locks: PGliteLocks;

  constructor(private readonly pg: PGlite) {
    this.locks = pg as unknown as PGliteLocks;
  }

  /** The statement's rows, or undefined when it is not to be prepared (past the bound). */
  async query<R extends Row>(
    text: string,
    params: readonly unknown[],
    inTransaction: boolean,
  ): Promise<R[] | undefined> {
    if (!this.statements.has(text) && this.statements.size >= MAX_PREPARED) return undefined;
    const run = () => this.pg.runExclusive(() => this.run<R>(text, params, !inTransaction));
    if (inTransaction) return this.replanned(text, run);
    await this.locks._checkReady();
    // Outside a transaction a statement refused for a stale plan changed nothing: try again.
    return this.locks._runExclusiveTransaction(() =>
      this.replanned(text, run).catch((error: unknown) =>
        isStalePlan(error) ? run() : Promise.reject(error),
      ),
    );
  }

  /**
   * Runs `run`; when PostgreSQL refuses a statement because a table changed under its
   * prepared `SELECT *` (a migration), forgets it, so the next run prepares it afresh.
   */
  private async replanned<R>(text: string, run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (error) {
      if (isStalePlan(error)) this.statements.delete(text);
      throw error;
    }
  }

  private async run<R extends Row>(
    text: string,
    params: readonly unknown[],
    sync: boolean,
  ): Promise<R[]> {
    const { serialize } = protocol;
    let statement = this.statements.get(text);
    if (!statement) {
      const name = `rove_${++this.named}`;
      const described = await this.pg.execProtocol(
        joined([
          serialize.parse({ name, text, types: [] }),
          serialize.describe({ type: 'S', name }),
          serialize.sync(),
        ]),
        { syncToFs: false },
      );
      statement = { name, types: parse.parseDescribeStatementResults(described.messages) };
      this.statements.set(text, statement);
    }
    const { types } = statement;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = this.pg.serializers[types[i]!];
      return serializer ? serializer(value) : String(value);
    });
    const answer = await this.pg.execProtocol(
      joined([
        serialize.bind({ statement: statement.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: sync },
    );
    const [result] = parse.parseResults(answer.messages, this.pg.parsers);
    return (result?.rows ?? []) as R[];
  }
}

/** "cached plan must not change result type": feature_not_supported, from a prepared plan. */
const isStalePlan = (error: unknown) => (error as { code?: unknown } | null)?.code === '0A000';

function joined(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** "no space left on device (ENOSPC)" rather than a stack. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = error.message.replace(/^E[A-Z]+: /, '').replace(/, \w+ '[^']*'$/, '');
  return typeof code === 'string' && code.startsWith('E') ? `${message} (${code})` : message;
}
