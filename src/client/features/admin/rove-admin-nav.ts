// <rove-admin-nav>: the supervisor's section links (Devices, Staff, Topics, Skills, Scripts,
// Floor, Report, Password) and the Sign out button. Links change the URL through the app's
// navigation, so Back works. Fires `admin-sign-out` (bubbles, composed) when Sign out is pressed.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { adminStyles } from './admin.styles.js';
import { goTo } from './admin-navigate.js';
import { palette } from '../../ui/tokens.js';
import { msg } from '../../core/locale/msg.js';

/** The sections' ids, in the order the nav shows them. */
export const ADMIN_SECTIONS = [
  'devices',
  'staff',
  'topics',
  'skills',
  'scripts',
  'floor',
  'report',
  'password',
] as const;

type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** A section's name in the nav, in the current language (read when shown, not at import). */
function sectionLabel(id: AdminSection): string {
  switch (id) {
    case 'devices':
      return msg('Devices');
    case 'staff':
      return msg('Staff');
    case 'topics':
      return msg('Topics');
    case 'skills':
      return msg('Skills');
    case 'scripts':
      return msg('Scripts');
    case 'floor':
      return msg('Floor');
    case 'report':
      return msg('Report');
    case 'password':
      return msg('Password');
  }
}

@customElement('rove-admin-nav')
export class RoveAdminNav extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        display: block;
      }
      /* A printed report needs no way around the screens. */
      @media print {
        :host {
          display: none;
        }
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      a {
        display: inline-flex;
        align-items: center;
        min-height: 48px;
        padding: 0 1.1rem;
        border-radius: 0.5rem;
        color: ${palette.primary};
        font-weight: 600;
        text-decoration: none;
        border: 2px solid transparent;
      }
      a:hover {
        border-color: ${palette.primary};
      }
      a[aria-current='page'] {
        background: ${palette.primary};
        color: ${palette.card};
      }
    `,
  ];

  /** Which section is showing (an id of ADMIN_SECTIONS). */
  @property() current = 'devices';

  override render() {
    return html`
      <div class="bar">
        <nav aria-label=${msg('Supervisor sections')}>
          <ul>
            ${ADMIN_SECTIONS.map(
              (section) =>
                html`<li>
                  <a
                    href="/admin/${section}"
                    aria-current=${section === this.current ? 'page' : 'false'}
                    @click=${this._follow}
                    >${sectionLabel(section)}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <button type="button" @click=${this._signOut}>${msg('Sign out')}</button>
      </div>
    `;
  }

  private _follow(event: MouseEvent) {
    // Let the browser handle new-tab clicks; plain clicks stay in the app.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    goTo((event.currentTarget as HTMLAnchorElement).pathname);
  }

  private _signOut() {
    this.dispatchEvent(new CustomEvent('admin-sign-out', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-nav': RoveAdminNav;
  }
}
