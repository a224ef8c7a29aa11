// PGlite runs no autovacuum, so the store does its job (pglite.ts, `Upkeep`): as a store fills,
// its tables get statistics in its first pause (a key is looked up by its index, and cached
// plans are made again), and no patron's words are copied into those statistics.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/server/store/store.js';
import { kioskOf, newBranch, openTestStore } from './fixtures.js';

const MARKER = 'Zqxwordmarker';

/** How many rows PostgreSQL's statistics say `table` has (negative: never analysed). */
async function counted(store: Store, table: string): Promise<number> {
  const [row] = await store.query('SELECT reltuples FROM pg_class WHERE relname = $1', [table]);
  return Number(row!.reltuples);
}

describe('the embedded store keeps its statistics', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('pglite');
  });
  afterAll(async () => {
    await store.close();
  });

  it('as it fills, without copying a patron word into them', async () => {
    const branchId = await newBranch(store);
    const kiosk = await kioskOf(store, branchId);
    expect(await counted(store, 'requests')).toBeLessThanOrEqual(0);
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const { request } = await store.requests.create(kiosk, {
        id: randomUUID(),
        topicId: 'tech',
        name: `${MARKER} ${i}`,
        note: `${MARKER} note`,
      });
      ids.push(request.id);
    }
    // Due now, but it waits for a pause: while statements keep coming, none runs.
    for (let i = 0; i < 15; i++) {
      expect(await counted(store, 'requests')).toBeLessThanOrEqual(0);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    // The upkeep waits for a pause with no statement (each look here is one).
    for (let i = 0; i < 10 && (await counted(store, 'requests')) <= 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await counted(store, 'requests')).toBeGreaterThan(100);
    expect(await counted(store, 'patron_words')).toBeGreaterThan(100);

    const plan = await store.query(`EXPLAIN SELECT * FROM requests WHERE id = $1`, [ids[7]]);
    expect(plan.map((row) => String(row['QUERY PLAN'])).join('\n')).toMatch(/Index Scan/);

    const copied = await store.query(
      `SELECT s.tablename, s.attname FROM pg_stats s WHERE s::text LIKE $1`,
      [`%${MARKER}%`],
    );
    expect(copied).toEqual([]);
    // The statistics exist (so the search above looked at something).
    const [stats] = await store.query(
      `SELECT count(*) AS n FROM pg_stats WHERE tablename IN ('requests', 'patron_words')`,
    );
    expect(Number(stats!.n)).toBeGreaterThan(0);
  });
});
