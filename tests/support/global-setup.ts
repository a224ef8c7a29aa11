// One PostgreSQL cluster per Vitest run, shared by every suite through `inject('pgAdminUrl')`.
// Each suite makes its own database on it, so suites never see each other's rows.
import type { TestProject } from 'vitest/node';
import { startPostgres, type PgCluster } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://` URL of the test cluster's `postgres` database. */
    pgAdminUrl: string;
  }
}

let cluster: PgCluster | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Both projects list this file; when they run in one process they share the cluster.
  cluster ??= await startPostgres();
  project.provide('pgAdminUrl', cluster.adminUrl);
  return async () => {
    await cluster?.stop();
    cluster = undefined;
  };
}
