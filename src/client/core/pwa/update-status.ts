// Whether a new version of Rove is waiting, shared by the registration (which learns it) and the
// update prompt and kiosk (which act on it). Plain module state: one page, one service worker.

type Listener = (waiting: boolean) => void;

let waiting = false;
let apply: (() => void) | undefined;
const listeners = new Set<Listener>();

/** True while a new version is installed and waits to take over. */
export function isUpdateWaiting(): boolean {
  return waiting;
}

/**
 * Called by the registration when a new worker waits; `applyIt` activates it and reloads.
 * Every subscriber hears `true`.
 */
export function announceUpdateWaiting(applyIt: () => void): void {
  apply = applyIt;
  waiting = true;
  for (const listener of listeners) listener(true);
}

/** Calls `listener` now and whenever the waiting state changes; returns the unsubscribe. */
export function onUpdateWaiting(listener: Listener): () => void {
  listeners.add(listener);
  listener(waiting);
  return () => listeners.delete(listener);
}

/**
 * Switches to the waiting version: the new worker takes over and the page reloads. The outbox
 * and the replica live in IndexedDB, so nothing queued is lost. Does nothing if none waits.
 */
export function applyUpdate(): void {
  if (!waiting || !apply) return;
  waiting = false;
  for (const listener of listeners) listener(false);
  apply();
}
