// <rove-app>: the shell. Shows the connection banner and the update prompt on every surface,
// and the view for the current route, each loaded only when first needed. `/` decides by who
// this device is: a kiosk goes to /kiosk, a tablet to /staff, a supervisor to /admin.
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { navigate, onRouteChange } from '../core/router.js';
import { loadSession } from '../core/sync/session.js';
import { db } from '../core/db/db.js';
import { payOwedSignOutWhenOnline } from '../core/sync/owed-sign-out.js';
import { tokens } from '../ui/shared.styles.js';
import './rove-connection-banner.js';
import { currentRoute, screenOf, type AppRoute } from './routes.js';
import { msg } from '../core/locale/msg.js';
import { getLocale, markDocument, setLocale, staffLocale } from '../core/locale/index.js';

@customElement('rove-app')
export class RoveApp extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        background: var(--rove-paper);
      }
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
      }
      main > * {
        flex: 1;
      }
      .loading {
        padding: 2rem;
        font-size: 1.25rem;
      }
    `,
  ];

  @state() private _route: AppRoute = currentRoute();
  /** Route names whose module has loaded. */
  @state() private _loaded = new Set<string>();
  @state() private _failed?: string;

  private _stops: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this._stops.push(onRouteChange(() => this._show(currentRoute())));
    // A tablet that signed a rover out offline tells the server the moment it can, whatever
    // screen is showing by then.
    this._stops.push(payOwedSignOutWhenOnline());
    // Each screen's first step reads the device's database (who am I, what do I hold): it
    // opens now, while the screen's code downloads, rather than after it (measured on the
    // tablet, opening it came between the code and the question to the server).
    void db.open().catch(() => undefined);
    this._show(this._route);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this._stops.splice(0)) stop();
  }

  private async _show(route: AppRoute) {
    this._route = route;
    this._failed = undefined;
    if (route.name === 'home') {
      const home = await this._homeFor();
      if (home) {
        navigate(home, { replace: true });
        return;
      }
    }
    try {
      // The kiosk chooses its language per patron; every other screen is for staff.
      if (route.name !== 'kiosk') await speakStaffLanguage();
      await (screenOf(route)?.load() ?? import('./rove-landing.js'));
      this._loaded = new Set([...this._loaded, route.name]);
      // "A new version is ready" can only matter once the service worker has checked, well
      // after the first screen shows: its banner loads after that screen, not before it.
      void import('./rove-update-prompt.js');
    } catch (error) {
      console.error('Rove could not load this screen', error);
      this._failed = msg('This screen could not be loaded. Check the connection and try again.');
    }
  }

  /** Where `/` should go for this device, or undefined for the landing page. */
  private async _homeFor(): Promise<string | undefined> {
    try {
      const session = await loadSession();
      if (session.role === 'kiosk') return '/kiosk';
      if (session.role === 'tablet' || session.role === 'staff') return '/staff';
      if (session.role === 'admin') return '/admin';
    } catch (error) {
      console.warn('Rove could not ask who this device is', error);
    }
    return undefined;
  }

  override render() {
    const { name } = this._route;
    return html`
      <rove-connection-banner ?patron=${name === 'kiosk'}></rove-connection-banner>
      <rove-update-prompt></rove-update-prompt>
      <main>
        ${this._failed ? html`<p class="loading" role="alert">${this._failed}</p>` : this._view()}
      </main>
    `;
  }

  private _view(): TemplateResult {
    const route = this._route;
    if (!this._loaded.has(route.name)) return html`<p class="loading">${msg('Loading…')}</p>`;
    const screen = screenOf(route);
    if (screen) return screen.view(route);
    return route.name === 'not-found'
      ? html`<rove-landing missing></rove-landing>`
      : html`<rove-landing></rove-landing>`;
  }
}

/** The staff screens in the device's language, where the library has translated them. */
async function speakStaffLanguage() {
  const locale = staffLocale(navigator.languages);
  if (locale === getLocale()) return;
  await setLocale(locale);
  markDocument(locale);
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-app': RoveApp;
  }
}
