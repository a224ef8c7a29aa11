// One PGlite store made and migrated once per test run, copied for every server that needs a
// fresh one. A new PGlite store spends seconds on its initdb (4 to 9 s on this 2-core machine)
// and migrations; copying a made one and opening it takes well under one. The copy is a real
// store on disk, as in production, opened by the real `openStore` path: only the initdb and the
// migrations of an empty store are shared, and the template itself is made by them each run.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/server/store/open.js';

/** Makes a migrated, seeded, closed PGlite store in `dir`. */
export async function makePgliteTemplate(dir: string): Promise<void> {
  const store = await openStore({ dataDir: dir });
  await store.close();
}

/** A fresh copy of the run's template in a directory of its own under `parent`. */
export function copyPgliteTemplate(template: string, parent: string): string {
  const dir = mkdtempSync(join(parent, 'store-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

export function removeStoreCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
