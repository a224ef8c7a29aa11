// Once per Vitest run, shared by every suite: one PostgreSQL cluster (`inject('pgAdminUrl')`;
// each suite makes its own database on it, so suites never see each other's rows) and one
// migrated PGlite store that suites copy rather than make (`inject('pgliteTemplate')`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makePgliteTemplate } from './pglite-template.js';
import { startPostgres, type PgCluster } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://` URL of the test cluster's `postgres` database. */
    pgAdminUrl: string;
    /** A migrated, seeded PGlite data directory to copy (tests/support/pglite-template.ts). */
    pgliteTemplate: string;
    /** Where copies of it go; removed with everything in it when the run ends. */
    pgliteCopies: string;
  }
}

let cluster: PgCluster | undefined;
let stores: Promise<string> | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Both projects list this file; when they run in one process they share both.
  stores ??= (async () => {
    const root = mkdtempSync(
      join(tmpdir(), `rove-test-stores-${process.env.ROVE_TEST_RUN ?? process.pid}-`),
    );
    await makePgliteTemplate(join(root, 'template'));
    return root;
  })();
  // PostgreSQL's initdb runs in its own processes meanwhile.
  cluster ??= await startPostgres();
  const root = await stores;
  project.provide('pgAdminUrl', cluster.adminUrl);
  project.provide('pgliteTemplate', join(root, 'template'));
  project.provide('pgliteCopies', root);
  return async () => {
    await cluster?.stop();
    cluster = undefined;
    if (stores) rmSync(await stores, { recursive: true, force: true });
    stores = undefined;
  };
}
