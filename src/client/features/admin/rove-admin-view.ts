// <rove-admin-view>: the supervisor's screens at /admin and /admin/:section. Checks the
// session first: signed out shows sign-in (or, at /admin/setup?token=..., the first-start
// password form); signed in shows the section nav and the chosen section.
// Sections fire `admin-session-ended` when the server says the sign-in is gone (401).
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getSession, signOut } from './admin-api.js';
import { ADMIN_SECTIONS } from './rove-admin-nav.js';
import './rove-admin-password.js';
import './rove-admin-setup.js';
import './rove-admin-sign-in.js';
import { adminStyles } from './admin.styles.js';
import { sayAdminError } from './admin-errors.js';
import { goTo } from './admin-navigate.js';
import './rove-admin-devices.js';
import './rove-admin-staff.js';
import './rove-admin-topics.js';
import './rove-admin-skills.js';
import { msg, str } from '../../core/locale/msg.js';

type Phase = 'checking' | 'signed-out' | 'signed-in';

/** Sections in chunks of their own, loaded on first visit: their loader and their title. */
const LAZY_SECTIONS: Record<string, { load: () => Promise<unknown>; title: () => string }> = {
  scripts: { load: () => import('./rove-admin-scripts.js'), title: () => msg('Scripts') },
  floor: { load: () => import('./rove-admin-floor.js'), title: () => msg('Floor') },
  report: { load: () => import('./rove-admin-report.js'), title: () => msg('Service report') },
};

@customElement('rove-admin-view')
export class RoveAdminView extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        max-width: 60rem;
        margin: 0 auto;
        padding: 1rem;
      }
      /* The Floor is often a wall display: it takes the whole width of a large screen (the
         app's main column would otherwise shrink it to its content). */
      :host([section='floor']) {
        box-sizing: border-box;
        width: 100%;
        max-width: 120rem;
      }
      h1 {
        font-size: 1.75rem;
        margin: 0.5rem 0 1rem;
      }
    `,
  ];

  /** Which section to show: an id of ADMIN_SECTIONS (`devices` by default), or `setup`. */
  @property({ reflect: true }) section?: string;

  @state() private _phase: Phase = 'checking';
  @state() private _message = '';
  /** Lazy sections whose chunk has loaded, and those whose chunk could not be fetched. */
  @state() private _ready = new Set<string>();
  @state() private _missing = new Set<string>();

  override connectedCallback() {
    super.connectedCallback();
    this.addEventListener('admin-signed-in', this._onSignedIn);
    this.addEventListener('admin-sign-out', this._onSignOut);
    this.addEventListener('admin-session-ended', this._onSessionEnded);
    void this._checkSession();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('admin-signed-in', this._onSignedIn);
    this.removeEventListener('admin-sign-out', this._onSignOut);
    this.removeEventListener('admin-session-ended', this._onSessionEnded);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('section') && this.section && LAZY_SECTIONS[this.section])
      void this._loadSection(this.section);
  }

  override render() {
    return html`<h1>${msg('Rove supervisor')}</h1>
      ${this._message ? html`<p class="notice" role="status">${this._message}</p>` : ''}
      ${this._renderBody()}`;
  }

  private _renderBody() {
    if (this._phase === 'checking')
      return html`<p role="status">${msg('Checking your sign-in…')}</p>`;
    if (this._phase === 'signed-out') {
      return this.section === 'setup'
        ? html`<rove-admin-setup .setupToken=${setupTokenFromUrl()}></rove-admin-setup>`
        : html`<rove-admin-sign-in></rove-admin-sign-in>`;
    }
    const current = this._current();
    return html`<rove-admin-nav .current=${current}></rove-admin-nav>
      <div class="section">${this._renderSection(current)}</div>`;
  }

  private _renderSection(current: string) {
    switch (current) {
      case 'staff':
        return html`<rove-admin-staff></rove-admin-staff>`;
      case 'topics':
        return html`<rove-admin-topics></rove-admin-topics>`;
      case 'skills':
        return html`<rove-admin-skills></rove-admin-skills>`;
      case 'scripts':
        return this._lazy(current, html`<rove-admin-scripts></rove-admin-scripts>`);
      case 'floor':
        return this._lazy(current, html`<rove-admin-floor></rove-admin-floor>`);
      case 'report':
        return this._lazy(current, html`<rove-admin-report></rove-admin-report>`);
      case 'password':
        return html`<rove-admin-password></rove-admin-password>`;
      default:
        return html`<rove-admin-devices></rove-admin-devices>`;
    }
  }

  private _lazy(section: string, view: unknown) {
    if (this._ready.has(section)) return view;
    const title = LAZY_SECTIONS[section]!.title();
    return this._missing.has(section)
      ? html`<h2>${title}</h2>
          <p class="error" role="alert">
            ${msg(
              str`The ${title} screen could not be opened. Check the connection and reload the page.`,
            )}
          </p>`
      : html`<p role="status">${msg(str`Opening ${title}…`)}</p>`;
  }

  private _current(): string {
    const known: readonly string[] = ADMIN_SECTIONS;
    return this.section && known.includes(this.section) ? this.section : 'devices';
  }

  private async _checkSession() {
    try {
      const session = await getSession();
      this._phase = session.role === 'admin' ? 'signed-in' : 'signed-out';
      if (this._phase === 'signed-in' && this.section === 'setup') goTo('/admin/devices', true);
    } catch (error) {
      this._phase = 'signed-out';
      this._message = sayAdminError(error, msg('check your sign-in'));
    }
  }

  private async _loadSection(section: string) {
    if (this._ready.has(section)) return;
    try {
      await LAZY_SECTIONS[section]!.load();
      this._ready = new Set(this._ready).add(section);
    } catch {
      this._missing = new Set(this._missing).add(section);
    }
  }

  private _onSignedIn = () => {
    this._phase = 'signed-in';
    this._message = '';
    if (this.section === 'setup') goTo('/admin/devices', true);
  };

  private _onSignOut = async () => {
    try {
      await signOut();
      this._message = msg('You are signed out.');
    } catch (error) {
      this._message = sayAdminError(error, msg('sign you out'));
      return;
    }
    this._phase = 'signed-out';
  };

  private _onSessionEnded = () => {
    this._phase = 'signed-out';
    this._message = msg('Your supervisor sign-in has ended. Please sign in again.');
  };
}

function setupTokenFromUrl(): string {
  return new URLSearchParams(location.search).get('token') ?? '';
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-view': RoveAdminView;
  }
}
