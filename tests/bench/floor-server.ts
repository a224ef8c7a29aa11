// The store floor: the reference server (reference-core.ts) writing each change to the store
// before it answers, in one statement through Rove's own drivers (src/server/store/pglite.ts,
// postgres.ts: PGlite's prepared statements and file writes, PostgreSQL's pool), and nothing
// else: no Fastify, no checks, no tickets, no patron words, no lock or NOTIFY. Any server that
// keeps every acknowledged change on this store pays at least this per change; what Rove costs
// beyond it is Rove's own (tests/bench/README.md, "The store floor").
//
// Built by the bench with esbuild into its private app copy (packages left external) and run
// as `node tests/bench/floor-server.mjs` with PORT, HOST and DATABASE_URL (PostgreSQL) or
// ROVE_DATA_DIR (PGlite; a directory of its own, never Rove's).
import type { Db } from '../../src/server/store/db.js';
import { openPglite } from '../../src/server/store/pglite.js';
import { openPostgres } from '../../src/server/store/postgres.js';
import { serveReference, type Durable } from './reference-core.js';

const TABLES = `
  CREATE TABLE IF NOT EXISTS floor_requests (
    id uuid PRIMARY KEY, branch_id text NOT NULL, status text NOT NULL, request jsonb NOT NULL);
  CREATE TABLE IF NOT EXISTS floor_events (
    seq bigserial PRIMARY KEY, branch_id text NOT NULL, payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now());`;

/** The request and its event, one statement, committed as it ends. */
const MADE = `WITH made AS (
    INSERT INTO floor_requests (id, branch_id, status, request) VALUES ($1, $2, $3, $4::jsonb))
  INSERT INTO floor_events (branch_id, payload) VALUES ($2, $4::jsonb)`;

/** The guarded change (only from the status the server saw) and its event, one statement. */
const ACTED = `WITH changed AS (
    UPDATE floor_requests SET status = $2, request = $3::jsonb WHERE id = $1 AND status = $4
    RETURNING branch_id)
  INSERT INTO floor_events (branch_id, payload) SELECT branch_id, $3::jsonb FROM changed
  RETURNING seq`;

async function open(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  // On disk, as Rove's: in memory, nothing would be durable.
  const dir = process.env.ROVE_DATA_DIR;
  if (!dir) throw new Error('The store floor needs DATABASE_URL or ROVE_DATA_DIR');
  return openPglite(dir);
}

const db = await open();
await db.exec(TABLES);
const durable: Durable = {
  async made(request) {
    const json = JSON.stringify({ request });
    await db.query(MADE, [request.id, request.branchId, request.status, json]);
  },
  async acted(request, from) {
    const json = JSON.stringify({ request });
    const rows = await db.query(ACTED, [request.id, request.status, json, from]);
    return rows.length === 1;
  },
};
serveReference(durable, () => db.close());
