// Registers Rove's service worker (src/sw/service-worker.ts) with workbox-window and turns "a new
// version is waiting" into update-status.ts state. main.ts calls registerServiceWorker() once.
import type { Workbox } from 'workbox-window';
import {
  announceUpdateWaiting,
  applyUpdate,
  isUpdateWaiting,
  onUpdateWaiting,
} from './update-status.js';

export { applyUpdate, isUpdateWaiting, onUpdateWaiting } from './update-status.js';

/** How often a long-running page (a kiosk runs for days) asks the server for a new version. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** How often the kiosk asks whether it is idle while an update waits. */
const IDLE_CHECK_MS = 15 * 1000;

/** How long a page that asked for the new version waits to hear it took over. */
const SWITCH_FALLBACK_MS = 5 * 1000;

let registered = false;

/**
 * Registers /service-worker.js. A no-op in the dev server (no worker is built there) and in
 * browsers without service workers. Never throws: the app works without the worker, just not
 * offline.
 */
export function registerServiceWorker(): void {
  if (registered || import.meta.env?.DEV || !('serviceWorker' in navigator)) return;
  registered = true;
  // Loaded apart so the kiosk's first paint does not wait for it; it is precached like any view.
  // And only once the page has loaded and the main thread is idle: registering is a long task
  // of its own (about 30 ms in a Lighthouse trace of the tablet, before the 4x slowdown), which
  // came before the tablet's first full screen, since the page's load event fires early.
  whenIdleAfterLoad(() => {
    import('workbox-window')
      .then(({ Workbox }) => watch(new Workbox('/service-worker.js', { scope: '/' })))
      .catch((error: unknown) => console.warn('Rove works without offline support here:', error));
  });
}

/** How long registering may wait for an idle main thread after the load event. */
const IDLE_WAIT_MS = 3000;

/** Runs `work` after the window's load event, when the main thread is next idle. */
function whenIdleAfterLoad(work: () => void): void {
  const idle = () => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(work, { timeout: IDLE_WAIT_MS });
    else setTimeout(work, 0);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

function watch(wb: Workbox): Promise<void> {
  let reloadWhenControlling = false;

  // Fires for a worker that installed while this page was open, and on load for one that was
  // already waiting from an earlier visit.
  wb.addEventListener('waiting', () => {
    announceUpdateWaiting(() => {
      reloadWhenControlling = true;
      wb.messageSkipWaiting();
      // Should the switch not be heard (the browser dropped the message or the event), reload
      // anyway: the person asked for it, and a worker still waiting is offered again on load.
      setTimeout(() => window.location.reload(), SWITCH_FALLBACK_MS);
    });
  });
  // A new worker took over. If this page asked, reload into the new version. If another tab
  // asked, do not throw away what someone is typing here: offer the reload instead.
  wb.addEventListener('controlling', (event) => {
    if (reloadWhenControlling) window.location.reload();
    else if (event.isUpdate) announceUpdateWaiting(() => window.location.reload());
  });

  // register() itself waits for the page's load event before it touches the network.
  return wb.register().then((registration) => {
    if (!registration) return;
    setInterval(() => {
      if (navigator.onLine) registration.update().catch(() => undefined);
    }, UPDATE_CHECK_MS);
  });
}

/**
 * For the kiosk: applies a waiting update by itself as soon as `isIdle()` says nobody is using
 * the screen (checked when the update arrives and then every 15 seconds). Returns a function
 * that stops watching; call it from disconnectedCallback.
 */
export function applyUpdateWhenIdle(isIdle: () => boolean): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const tryNow = () => {
    if (isUpdateWaiting() && isIdle()) applyUpdate();
  };
  const unsubscribe = onUpdateWaiting((waiting) => {
    if (waiting && timer === undefined) {
      timer = setInterval(tryNow, IDLE_CHECK_MS);
      tryNow();
    } else if (!waiting && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
}
