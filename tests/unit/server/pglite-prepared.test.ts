// The embedded store sends each statement as a prepared statement in one call into PGlite
// (src/server/store/pglite.ts, PreparedStatements). These check what that path must keep of
// PGlite's own query(): answers and types, errors with their codes, a transaction's rollback,
// and that a statement from outside never runs inside another caller's open transaction.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPglite } from '../../../src/server/store/pglite.js';
import { isUniqueViolation, type Db } from '../../../src/server/store/db.js';

describe('PGlite statements, prepared', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite('memory://');
  });
  afterAll(async () => {
    await db.close();
  });
  // A fresh table `t` for each test (one PGlite for them all: making one takes seconds).
  beforeEach(async () => {
    await db.exec(
      `DROP TABLE IF EXISTS t;
       CREATE TABLE t (id integer PRIMARY KEY, name text, at timestamptz, tags text[], doc jsonb)`,
    );
  });

  it('answer rows as PGlite parses them, the same statement with new values each time', async () => {
    const at = new Date('2026-12-04T10:00:00.000Z');
    const insert = 'INSERT INTO t VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING *';
    const first = await db.query(insert, [1, 'Ana', at, ['a', 'b'], JSON.stringify({ n: 1 })]);
    const second = await db.query(insert, [2, null, null, [], JSON.stringify([1, 'x'])]);
    expect(first).toEqual([{ id: 1, name: 'Ana', at, tags: ['a', 'b'], doc: { n: 1 } }]);
    expect(second).toEqual([{ id: 2, name: null, at: null, tags: [], doc: [1, 'x'] }]);
    const counted = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM t WHERE id = ANY($1::int[])',
      [[1, 2, 3]],
    );
    expect(counted).toEqual([{ n: 2 }]);
    expect(await db.query('SELECT 1 AS one WHERE false')).toEqual([]);
  });

  it('an error keeps its code and spoils nothing after it', async () => {
    const insert = 'INSERT INTO t (id, name) VALUES ($1, $2)';
    await db.query(insert, [1, 'Ana']);
    const failed = await db.query(insert, [1, 'Ben']).catch((error: unknown) => error);
    expect(isUniqueViolation(failed)).toBe(true);
    await expect(db.query('SELEC nothing')).rejects.toMatchObject({ code: '42601' });
    await db.query(insert, [2, 'Ben']);
    const names = await db.query<{ name: string }>('SELECT name FROM t ORDER BY id');
    expect(names.map((row) => row.name)).toEqual(['Ana', 'Ben']);
  });

  it("a transaction's statements go when it rolls back", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id, name) VALUES ($1, $2)', [1, 'Ana']);
        expect(await tx.query('SELECT id FROM t')).toEqual([{ id: 1 }]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.query('SELECT id FROM t')).toEqual([]);
  });

  it('a statement from outside waits for an open transaction, and outlives its rollback', async () => {
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO t (id, name) VALUES ($1, $2)', [1, 'rolled back']);
        inside();
        await held;
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    await entered;
    // Sent while the transaction is open: it must not join it.
    const outside = db.query('INSERT INTO t (id, name) VALUES ($1, $2) RETURNING id', [2, 'kept']);
    release();
    expect(await transaction).toBe('rolled back');
    expect(await outside).toEqual([{ id: 2 }]);
    expect(await db.query('SELECT id, name FROM t')).toEqual([{ id: 2, name: 'kept' }]);
  });

  it('a burst of 200 statements at once, each answered with its own row', async () => {
    const rows = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        db.query<{ id: number }>('INSERT INTO t (id) VALUES ($1) RETURNING id', [i]),
      ),
    );
    expect(rows.map(([row]) => row!.id)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('a table changed under a prepared SELECT * answers its new columns', async () => {
    await db.query('INSERT INTO t (id, name) VALUES ($1, $2)', [1, 'Ana']);
    expect(await db.query('SELECT * FROM t WHERE id = $1', [1])).toHaveLength(1);
    await db.exec('ALTER TABLE t ADD COLUMN extra integer');
    expect(await db.query('SELECT * FROM t WHERE id = $1', [1])).toEqual([
      { id: 1, name: 'Ana', at: null, tags: null, doc: null, extra: null },
    ]);
  });

  it('past 500 distinct texts, statements still answer (unprepared)', async () => {
    for (let i = 0; i < 520; i++) {
      const [row] = await db.query<{ n: number }>(`SELECT $1::int + ${i} AS n`, [1]);
      expect(row!.n).toBe(1 + i);
    }
  });
});
