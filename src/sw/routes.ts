// Which requests the service worker may answer from its own caches. Kept free of worker types so
// the rules are unit-tested in Node: a wrong pattern here could serve one patron's data to another.

/** The runtime cache for API answers that are safe to show stale (no patron data in them). */
export const REFERENCE_CACHE = 'rove-reference-v1';

/** How long a reference GET may wait for the network before the cached copy is shown. */
export const REFERENCE_NETWORK_TIMEOUT_SECONDS = 3;

/**
 * API paths that hold requests, live events or sessions. They are never cached, even if a
 * later pattern in REFERENCE_PATHS would happen to match them.
 */
const NEVER_CACHED: readonly RegExp[] = [
  /^\/api\/requests(\/|$)/,
  /^\/api\/branches\/[^/]+\/requests(\/|$)/,
  /^\/api\/(.+\/)?events(\/|$)/,
  /^\/api\/session(\/|$)/,
  /^\/api\/devices(\/|$)/,
  /^\/api\/stats(\/|$)/,
];

/** Topics, staff names and greeter scripts: what a device needs to keep working offline. */
const REFERENCE_PATHS: readonly RegExp[] = [
  /^\/api\/branches\/[^/]+\/topics$/,
  /^\/api\/branches\/[^/]+\/staff$/,
  // Published scripts only: not `/versions` (supervisors' history) and, below, no `?drafts=true`.
  /^\/api\/scripts(\/[^/]+)?$/,
];

/** True for an API path whose answer may carry patron data, live state or credentials. */
export function isNeverCached(pathname: string): boolean {
  return NEVER_CACHED.some((pattern) => pattern.test(pathname));
}

/**
 * True when a GET to this URL may be answered network-first with a cached fallback.
 * Only same-origin, only the reference paths above, and never with a query string: the one
 * query these paths take (`?drafts=true`) asks for supervisors' unpublished work.
 */
export function isCacheableReference(url: URL, origin: string): boolean {
  if (url.origin !== origin || url.search !== '') return false;
  if (isNeverCached(url.pathname)) return false;
  return REFERENCE_PATHS.some((pattern) => pattern.test(url.pathname));
}

/** True for a page navigation the app shell should answer (anything outside /api). */
export function isAppNavigation(url: URL, origin: string): boolean {
  // `/follow/<token>` is the patron's own page (follow.html), never the app shell.
  return url.origin === origin && !/^\/(api|follow)(\/|$)/.test(url.pathname);
}
