// Moving between admin sections. The app's router (src/client/app/router.ts) owns the URL;
// until it is in place, push the path and announce it the way the browser's back button does.
export function goTo(path: string): void {
  if (location.pathname + location.search === path) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
}
