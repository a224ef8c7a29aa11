// Opens PostgreSQL from DATABASE_URL: a pool for statements and transactions, plus one
// dedicated client that LISTENs on `rove_events`, so every server process on the database
// hears every committed event's seq and can push it to its own streams.
import pg from 'pg';
import type { Db, Row, Sql } from './db.js';
import { unavailableReason } from './unavailable.js';

const CHANNEL = 'rove_events';
/** Sessions or devices changed: every process forgets what it remembered of them. */
const AUTH_CHANNEL = 'rove_auth';
/** How long a change's announcer waits to hear it back, at most. */
const AUTH_ECHO_MS = 1000;
/**
 * Then a little longer: PostgreSQL signals every listening backend at the commit, but each
 * forwards the notice when the OS next runs it, so on a loaded machine another process may hear
 * it a few milliseconds after this one. Revoking and signing out are rare; this is cheap.
 */
const AUTH_SETTLE_MS = 50;
/** Distinct statement texts prepared on each connection, at most. */
const MAX_PREPARED = 500;

/**
 * Runs `run` on a client of `pool` and answers its rows. pg-pool's own `pool.query` throws a
 * client away after any error, a refused statement too (a unique key, a check): the next call
 * then opened a new connection and prepared its statements again, 15-18 ms on this machine
 * instead of half a millisecond, and a burst of refusals churned the pool. A statement
 * PostgreSQL refused leaves its connection ready for the next one, so the client goes back;
 * only a broken connection (no answer, or a FATAL one) is thrown away.
 */
async function onPooledClient<R extends Row>(
  pool: pg.Pool,
  run: (client: pg.PoolClient) => Promise<pg.QueryResult<R>>,
): Promise<R[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    return (await run(client)).rows;
  } catch (error) {
    if (!refusedOnly(error)) broken ??= error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** PostgreSQL refused the statement and kept the session: an ERROR, not FATAL or PANIC. */
function refusedOnly(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.severity === 'ERROR';
}

export async function openPostgres(
  url: string,
  log: (message: string) => void = () => {},
): Promise<Db> {
  // A call waits at most this long for a connection (all in use, or PostgreSQL not answering),
  // then fails as "unavailable" (503) instead of hanging: docs/API.md, "Errors".
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => log(`PostgreSQL pool: ${error.message}`));
  // Fail at start, with the reason, rather than on the first request.
  await pool.query('SELECT 1');

  let listener: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  /** Listening on both channels now: auth changes of every process reach this one. */
  let hearing = false;
  const authListeners = new Set<() => void>();
  const authChanged = () => {
    for (const onChange of authListeners) onChange();
  };
  /** Announcements of this process waiting to be heard back, by payload. */
  const echoes = new Map<string, () => void>();
  let announced = 0;

  const connectListener = async (onSeq: (seq: number) => void): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel === AUTH_CHANNEL) {
        authChanged();
        const heard = echoes.get(message.payload ?? '');
        if (heard) heard();
        return;
      }
      const seq = Number(message.payload);
      if (message.channel === CHANNEL && Number.isFinite(seq)) onSeq(seq);
    });
    client.on('error', (error) => {
      log(`PostgreSQL listener: ${error.message}; reconnecting`);
      void client.end().catch(() => {});
      if (listener === client) {
        listener = undefined;
        // Changes made elsewhere are not heard until it is back: remember nothing till then.
        hearing = false;
        authChanged();
      }
      if (!closed) {
        retry = setTimeout(() => void connectListener(onSeq).catch(() => {}), 1000);
        retry.unref();
      }
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    await client.query(`LISTEN ${AUTH_CHANNEL}`);
    listener = client;
    // What changed while nobody listened is unknown: forget everything, then trust again.
    authChanged();
    hearing = true;
    // Anything committed while we were not listening is read from the log now.
    onSeq(Number.MAX_SAFE_INTEGER);
  };

  // Prepared statements: each connection parses and plans a statement once, then only binds
  // and runs it (PostgreSQL's CPU per command was mostly parsing and planning the same few
  // texts). Names are per text; a bounded number, so generated SQL can never grow it forever.
  const names = new Map<string, string>();
  let named = 0;
  const nameFor = (text: string): string | undefined => {
    let name = names.get(text);
    if (!name && names.size < MAX_PREPARED) names.set(text, (name = `rove_${++named}`));
    return name;
  };

  const query = async <R extends Row = Row>(
    conn: pg.Pool | pg.PoolClient,
    text: string,
    params: readonly unknown[] = [],
  ): Promise<R[]> => {
    const name = nameFor(text);
    try {
      const statement = { name, text, values: params as unknown[] };
      if (conn instanceof pg.Pool) return await onPooledClient(conn, (c) => c.query<R>(statement));
      return (await conn.query<R>(statement)).rows;
    } catch (error) {
      // A migration by another process changed a table under a prepared `SELECT *`: use a
      // fresh name (a fresh plan) from the next call on.
      if ((error as { code?: string }).code === '0A000' && name) names.delete(text);
      throw error;
    }
  };

  return {
    kind: 'postgres',
    query: (text, params) => query(pool, text, params),
    exec: async (text) => {
      await pool.query(text);
    },
    async transaction(fn) {
      const client = await pool.connect();
      // PostgreSQL going away between two statements of a transaction is an 'error' event on
      // the checked-out client: unheard, it would end the process. The next statement fails
      // instead, and the call answers 503 (see unavailable.ts).
      let broken = false;
      const onError = (error: Error) => {
        broken = true;
        log(`PostgreSQL connection lost: ${error.message}`);
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const tx: Sql = {
          query: (text, params) => query(client, text, params),
          exec: async (text) => {
            await client.query(text);
          },
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (unavailableReason(error) !== undefined) broken = true;
        else await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.off('error', onError);
        // A client whose connection broke is thrown away, not handed to the next caller.
        client.release(broken || undefined);
      }
    },
    listen: (onSeq) => connectListener(onSeq),
    hearsAuthChanges: () => hearing,
    onAuthChange: (onChange) => {
      authListeners.add(onChange);
    },
    async announceAuthChange(sql) {
      const payload = `${process.pid}:${++announced}`;
      let heard!: () => void;
      const echo = new Promise<void>((resolve) => (heard = resolve));
      echoes.set(payload, heard);
      try {
        await sql.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, payload]);
      } catch (error) {
        echoes.delete(payload);
        throw error;
      }
      return async () => {
        // Not listening (a store with no hub, or the listener is down): nothing to wait for.
        if (!hearing) return void echoes.delete(payload);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          echo,
          new Promise<void>((resolve) => (timer = setTimeout(resolve, AUTH_ECHO_MS))),
        ]);
        clearTimeout(timer);
        echoes.delete(payload);
        await new Promise<void>((resolve) => setTimeout(resolve, AUTH_SETTLE_MS));
      };
    },
    async close() {
      closed = true;
      hearing = false;
      if (retry) clearTimeout(retry);
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}
