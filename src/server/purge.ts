// Patron text (name, note) is kept only as long as it helps: the purge erases it from requests
// closed more than `retentionHours` ago, at start and every few minutes after.
import type { Store } from './store/store.js';

export const PURGE_EVERY_MS = 5 * 60_000;

export function startPurge(
  store: Store,
  retentionHours: number,
  log: (message: string, error?: unknown) => void,
): () => void {
  const run = () => {
    const cutoff = new Date(Date.now() - retentionHours * 3_600_000);
    store.requests
      .purge(cutoff)
      .catch((error: unknown) => log('Could not purge patron text', error));
  };
  run();
  const timer = setInterval(run, PURGE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
