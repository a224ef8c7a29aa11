// The app's one route table: each screen's address, the chunk that defines it (loaded only when
// first needed, so a kiosk's first load carries just the shell and the kiosk view) and how the
// shell shows it. A new screen is one entry here.
import { html, type TemplateResult } from 'lit';
import { matchPath, type Route, type RouteSpec } from '../core/router.js';

export type ScreenName = 'kiosk' | 'staff' | 'enroll' | 'scripts' | 'admin';

interface Screen extends RouteSpec<ScreenName> {
  load(): Promise<unknown>;
  view(route: AppRoute): TemplateResult;
}

export type AppRoute = Route<ScreenName>;

const SCREENS: readonly Screen[] = [
  {
    name: 'kiosk',
    segment: 'kiosk',
    load: () => import('../features/kiosk/rove-kiosk-view.js'),
    view: () => html`<rove-kiosk-view></rove-kiosk-view>`,
  },
  {
    name: 'staff',
    segment: 'staff',
    load: () => import('../features/staff/rove-staff-view.js'),
    view: () => html`<rove-staff-view></rove-staff-view>`,
  },
  {
    name: 'enroll',
    segment: 'enroll',
    load: () => import('../features/enroll/rove-enroll-view.js'),
    view: (route) =>
      html`<rove-enroll-view .code=${route.query.get('code') ?? ''}></rove-enroll-view>`,
  },
  {
    name: 'scripts',
    segment: 'scripts',
    param: true,
    load: () => import('../features/scripts/rove-scripts-view.js'),
    view: (route) => html`<rove-scripts-view .scriptId=${route.param}></rove-scripts-view>`,
  },
  {
    name: 'admin',
    segment: 'admin',
    param: true,
    load: () => import('../features/admin/rove-admin-view.js'),
    view: (route) => html`<rove-admin-view .section=${route.param}></rove-admin-view>`,
  },
];

/** Which screen a path (with its query) shows. */
export function matchRoute(pathname: string, search = ''): AppRoute {
  return matchPath(SCREENS, pathname, search);
}

/** The route the address bar shows now. */
export function currentRoute(): AppRoute {
  return matchRoute(location.pathname, location.search);
}

/** The screen of `route`, or undefined for the landing page (`/`, or nothing there). */
export function screenOf(route: AppRoute): Screen | undefined {
  return SCREENS.find((screen) => screen.name === route.name);
}
