// A statement PostgreSQL refuses (a unique key, a division by zero) leaves its connection in
// the pool: pg-pool's own `pool.query` threw the client away after any error, so the next call
// opened a new connection and prepared its statements again (src/server/store/postgres.ts).
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgres } from '../../../src/server/store/postgres.js';
import type { Db } from '../../../src/server/store/db.js';
import { freshDatabaseUrl } from './fixtures.js';

let url: string;
let db: Db;
beforeAll(async () => {
  url = await freshDatabaseUrl();
  db = await openPostgres(url);
  await db.exec('CREATE TABLE pool_check (id integer PRIMARY KEY)');
});
afterAll(() => db.close());

/** Connections ever opened to this database (PostgreSQL 14+ counts them). */
async function sessionsOpened(): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      'SELECT sessions FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0].sessions);
  } finally {
    await admin.end();
  }
}

it('keeps the connection of a refused statement, and the statements still answer', async () => {
  await db.query('INSERT INTO pool_check (id) VALUES ($1)', [1]);
  const before = await sessionsOpened();
  for (let i = 0; i < 30; i++) {
    await expect(db.query('INSERT INTO pool_check (id) VALUES ($1)', [1])).rejects.toMatchObject({
      code: '23505',
    });
    await expect(db.query('SELECT 1 / $1::integer AS x', [0])).rejects.toMatchObject({
      code: '22012',
    });
    expect(await db.query('SELECT $1::integer AS x', [i])).toEqual([{ x: i }]);
  }
  // Our own reading of the count is one session each time; the pool opened none for the 60.
  expect((await sessionsOpened()) - before).toBeLessThanOrEqual(2);
});

it('a burst of refusals at once leaves the pool as it was', async () => {
  const before = await sessionsOpened();
  const answers = await Promise.allSettled(
    Array.from({ length: 200 }, () => db.query('INSERT INTO pool_check (id) VALUES ($1)', [1])),
  );
  expect(answers.every((a) => a.status === 'rejected')).toBe(true);
  // At most the pool's ten connections are opened (if it had fewer open), never one per refusal.
  expect((await sessionsOpened()) - before).toBeLessThanOrEqual(11);
});
