// Opens the embedded store: PGlite with its files in ROVE_DATA_DIR, or in memory for tests.
// In Node with a data directory PGlite writes through to real files on every statement (and
// we keep its default, non-relaxed durability), so a write acknowledged over HTTP is on disk.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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
  const wrap = (conn: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<R extends Row = Row>(text: string, params: readonly unknown[] = []) {
      const result = await conn.query<R>(text, params as unknown[]);
      return result.rows;
    },
    async exec(text: string) {
      await conn.exec(text);
    },
  });
  const outside = wrap(pg);
  return {
    kind: 'pglite',
    query: outside.query,
    exec: outside.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    listen: async () => {},
    // One process: every change is made here and forgotten here.
    hearsAuthChanges: () => true,
    onAuthChange: () => {},
    announceAuthChange: async () => async () => {},
    close: async () => {
      if (!pg.closed) await pg.close();
    },
  };
}

/** "no space left on device (ENOSPC)" rather than a stack. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = error.message.replace(/^E[A-Z]+: /, '').replace(/, \w+ '[^']*'$/, '');
  return typeof code === 'string' && code.startsWith('E') ? `${message} (${code})` : message;
}
