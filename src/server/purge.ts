// Patron text (name, note, hand-off note) is kept only as long as it helps: the purge erases
// it from requests closed more than `retentionHours` ago, at start and every few minutes after.
import type { Store } from './store/store.js';

const PURGE_EVERY_MS = 5 * 60_000;

/** Starts the purge; answers a stop that resolves once a run under way has finished. */
export function startPurge(
  store: Store,
  retentionHours: number,
  log: (message: string, error?: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    const cutoff = new Date(Date.now() - retentionHours * 3_600_000);
    // One run at a time; a shutdown waits for it rather than closing the store beneath it.
    running = running
      .then(() => (stopped ? 0 : store.requests.purge(cutoff)))
      .catch((error: unknown) => log('The purge of patron text did not finish', error));
  };
  run();
  const timer = setInterval(run, PURGE_EVERY_MS);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
