// Opens the embedded store: PGlite with its files in ROVE_DATA_DIR, or in memory for tests.
// In Node with a data directory PGlite writes through to real files on every statement (and
// we keep its default, non-relaxed durability), so a write acknowledged over HTTP is on disk.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Row, Sql } from './db.js';

export async function openPglite(dataDir: string): Promise<Db> {
  const inMemory = dataDir === 'memory://' || dataDir === '';
  let target = 'memory://';
  if (!inMemory) {
    target = resolve(dataDir);
    mkdirSync(target, { recursive: true });
  }
  const pg = await PGlite.create(target);
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
    close: async () => {
      if (!pg.closed) await pg.close();
    },
  };
}
