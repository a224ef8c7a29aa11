// The app's routes: which view a path shows, loaded lazily so a kiosk's first load carries only
// the shell and the kiosk view. `navigate(path)` is how any view moves.

export type RouteName = 'home' | 'kiosk' | 'staff' | 'enroll' | 'scripts' | 'admin' | 'not-found';

export interface Route {
  name: RouteName;
  /** `/scripts/:id` gives `id`; `/admin/:section` gives `section`. */
  param?: string;
  query: URLSearchParams;
}

/** Which route a path (with its query) shows. */
export function matchRoute(pathname: string, search = ''): Route {
  const query = new URLSearchParams(search);
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { name: 'not-found', query };
  if (first === undefined) return { name: 'home', query };
  if ((first === 'kiosk' || first === 'staff' || first === 'enroll') && second === undefined) {
    return { name: first, query };
  }
  if (first === 'scripts' || first === 'admin') return { name: first, param: second, query };
  return { name: 'not-found', query };
}

/** Loads the module that defines a route's element (each view is its own chunk). */
export function loadView(name: RouteName): Promise<unknown> {
  switch (name) {
    case 'kiosk':
      return import('../views/kiosk/rove-kiosk-view.js');
    case 'staff':
      return import('../views/staff/rove-staff-view.js');
    case 'enroll':
      return import('../views/enroll/rove-enroll-view.js');
    case 'scripts':
      return import('../views/scripts/rove-scripts-view.js');
    case 'admin':
      return import('../views/admin/rove-admin-view.js');
    default:
      return import('./rove-landing.js');
  }
}

type Listener = (route: Route) => void;
const listeners = new Set<Listener>();

/** The route the address bar shows now. */
export function currentRoute(): Route {
  return matchRoute(location.pathname, location.search);
}

/** Moves to `path` (same origin) and tells the shell; `replace` keeps Back from returning. */
export function navigate(path: string, { replace = false } = {}): void {
  if (location.pathname + location.search !== path) {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
  }
  announce();
}

/** Calls `listener` on every move (links, Back, navigate); returns the unsubscribe. */
export function onRouteChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announce() {
  const route = currentRoute();
  for (const listener of listeners) listener(route);
}

if (typeof window !== 'undefined') {
  // Other views push history themselves and fire popstate; Back and Forward do too.
  window.addEventListener('popstate', announce);
  // Same-origin links inside any shadow root move without a page load.
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}
