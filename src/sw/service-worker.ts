// Rove's service worker: precaches the app shell and every lazy view so a kiosk or tablet that
// loaded once starts with no network, and keeps reference data (topics, staff names, scripts)
// for offline use. Requests, events and sessions always go to the network.
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import {
  REFERENCE_CACHE,
  REFERENCE_NETWORK_TIMEOUT_SECONDS,
  isAppNavigation,
  isCacheableReference,
} from './routes.js';

declare const self: ServiceWorkerGlobalScope;

/** Set by vite `define` from ROVE_BUILD_ID; a different value makes a different worker. */
declare const __ROVE_BUILD_ID__: string;
const BUILD_ID = typeof __ROVE_BUILD_ID__ === 'string' ? __ROVE_BUILD_ID__ : 'dev';

/** Messages the page may post (see src/client/core/pwa/register.ts). */
type PageMessage = { type: 'SKIP_WAITING' } | { type: 'GET_BUILD_ID' };

// Drop precaches left by older Workbox versions; our own revisions are replaced in place, and
// nothing else (IndexedDB with the outbox, the reference cache) is touched.
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every page of the app (/kiosk, /staff, /scripts/x, /admin/...) is the same index.html; the
// router picks the view. /api navigations must reach the server (or fail honestly).
registerRoute(
  ({ url, request }) => request.mode === 'navigate' && isAppNavigation(url, self.location.origin),
  createHandlerBoundToURL('/index.html'),
);

// Reference data: fresh when the network answers quickly, the last copy when it does not.
registerRoute(
  ({ url, request }) => request.method === 'GET' && isCacheableReference(url, self.location.origin),
  new NetworkFirst({
    cacheName: REFERENCE_CACHE,
    networkTimeoutSeconds: REFERENCE_NETWORK_TIMEOUT_SECONDS,
    plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 })],
  }),
);

// A first install takes over the pages already open (a kiosk that has just enrolled), so a view
// they have not loaded yet comes from the precache even with no network. A later version never
// does: it waits for the page's word (SKIP_WAITING below), so nobody's screen changes under them.
let firstInstall = false;
self.addEventListener('install', () => {
  firstInstall = !self.registration.active;
});
self.addEventListener('activate', (event: ExtendableEvent) => {
  if (firstInstall) event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as PageMessage | undefined;
  // A new worker waits until the page says so: the page reloads itself right after, so no
  // view runs old code against a new cache, and the kiosk chooses an idle moment.
  if (message?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (message?.type === 'GET_BUILD_ID') event.ports[0]?.postMessage({ buildId: BUILD_ID });
});
