// Moving between screens without a page load: `navigate(path)`, Back and Forward, and plain
// same-origin links in any shadow root. Which screen a path shows is the app's one route table
// (src/client/app/routes.ts); this file knows only how to match a path against such a table.

/** One screen of the table: its first path segment and whether a second one is its param. */
export interface RouteSpec<Name extends string = string> {
  name: Name;
  segment: string;
  /** `/scripts/:id`, `/admin/:section`: a second segment is passed on as `param`. */
  param?: boolean;
}

export interface Route<Name extends string = string> {
  /** A spec's name, `home` for `/`, or `not-found`. */
  name: Name | 'home' | 'not-found';
  param?: string;
  query: URLSearchParams;
}

/** Which of `specs` a path (with its query) shows. */
export function matchPath<Name extends string>(
  specs: readonly RouteSpec<Name>[],
  pathname: string,
  search = '',
): Route<Name> {
  const query = new URLSearchParams(search);
  const [first, second, ...rest] = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (first === undefined) return { name: 'home', query };
  const spec = specs.find((candidate) => candidate.segment === first);
  if (!spec || rest.length > 0 || (second !== undefined && !spec.param)) {
    return { name: 'not-found', query };
  }
  return spec.param ? { name: spec.name, param: second, query } : { name: spec.name, query };
}

type Listener = () => void;
const listeners = new Set<Listener>();

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
  for (const listener of listeners) listener();
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
