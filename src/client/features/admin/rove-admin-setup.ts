// <rove-admin-setup>: first start. The server printed a one-time link with a setup token; the
// supervisor chooses a password (typed twice) and is signed in. Fires `admin-signed-in`.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
// A value from shared/passwords.ts, never shared/schemas.ts: that would bring TypeBox along.
import { ADMIN_PASSWORD_MIN } from '../../../shared/passwords.js';
import { completeSetup } from './admin-api.js';
import { ApiError } from '../../core/http.js';
import { adminStyles } from './admin.styles.js';
import { newPasswordFields } from './password-fields.js';
import { AsyncAction } from '../../core/async-action.js';
import { sayAdminError } from './admin-errors.js';
import { msg, str } from '../../core/locale/msg.js';

/** The supervisor account's username, the same in every language. */
const ADMIN_USERNAME = 'admin';

@customElement('rove-admin-setup')
export class RoveAdminSetup extends LitElement {
  static override styles = adminStyles;

  /** The one-time token from the setup link (`?token=...`); empty when the link had none. */
  @property({ attribute: 'setup-token' }) setupToken = '';

  // Not signed in yet: a 401 means the link, not an ended sign-in.
  private readonly _action = new AsyncAction(this, (error, doing) =>
    error instanceof ApiError && error.status === 401
      ? msg(
          'This setup link has already been used or is no longer valid. Please sign in with the supervisor password instead.',
        )
      : sayAdminError(error, doing),
  );

  override render() {
    if (!this.setupToken) {
      return html`<div class="panel">
        <h2>${msg('Set up Rove')}</h2>
        <p class="error" role="alert">
          ${msg('This setup link is missing its code. Please open the full link the server printed when it first started, or sign in if a password is already set.')}
        </p>
        <a href="/admin">${msg('Go to supervisor sign-in')}</a>
      </div>`;
    }
    return html`
      <form class="panel" @submit=${this._submit} novalidate>
        <h2>${msg('Set up Rove')}</h2>
        <p>
          ${msg(html`Welcome! Choose the password for the supervisor account, <strong>${ADMIN_USERNAME}</strong>.`)}
        </p>
        ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
        ${newPasswordFields('password', msg('Type the password again'))}
        <button class="primary" type="submit" ?disabled=${this._action.busy}>
          ${msg('Save password and sign in')}
        </button>
      </form>
    `;
  }

  private async _submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    const again = String(data.get('again') ?? '');
    // Characters as the server counts them (a letter outside the BMP is one).
    if ([...password].length < ADMIN_PASSWORD_MIN) {
      this._action.say(msg(str`The password needs at least ${ADMIN_PASSWORD_MIN} characters.`));
      return;
    }
    if (password !== again) {
      this._action.say(msg("The two passwords don't match. Please type them again."));
      return;
    }
    await this._action.run(msg('save the password'), async () => {
      await completeSetup(this.setupToken, password);
      this.dispatchEvent(new CustomEvent('admin-signed-in', { bubbles: true, composed: true }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-setup': RoveAdminSetup;
  }
}
