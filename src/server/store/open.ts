// Opens the store the configuration asks for (PostgreSQL when DATABASE_URL is set, else
// PGlite), migrated and seeded.
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { Store } from './store.js';

export async function openStore(
  options: { databaseUrl?: string; dataDir: string },
  log: (message: string) => void = () => {},
): Promise<Store> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, log)
    : await openPglite(options.dataDir);
  const store = new Store(db);
  try {
    await store.prepare();
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return store;
}
