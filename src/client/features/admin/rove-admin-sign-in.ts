// <rove-admin-sign-in>: the supervisor's username + password form.
// Fires `admin-signed-in` (bubbles, composed) once the server accepts the password.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { signInAdmin } from './admin-api.js';
import { ApiError } from '../../core/http.js';
import { adminStyles } from './admin.styles.js';
import { knownPasswordField } from './password-fields.js';
import { AsyncAction } from '../../core/async-action.js';
import { sayAdminError, sayWait } from './admin-errors.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-admin-sign-in')
export class RoveAdminSignIn extends LitElement {
  static override styles = adminStyles;

  /** Username to start with; the first supervisor account is always `admin`. */
  @property() username = 'admin';

  private readonly _action = new AsyncAction(this, sayFailure);

  override render() {
    return html`
      <form class="panel" @submit=${this._submit} novalidate>
        <h2>${msg('Supervisor sign-in')}</h2>
        ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
        <div class="field">
          <label for="username">${msg('Username')}</label>
          <input
            id="username"
            name="username"
            autocomplete="username"
            autocapitalize="off"
            required
            .value=${this.username}
          />
        </div>
        ${knownPasswordField('password', msg('Password'))}
        <button class="primary" type="submit" ?disabled=${this._action.busy}>
          ${msg('Sign in')}
        </button>
      </form>
    `;
  }

  private async _submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!username || !password) {
      this._action.say(msg('Please enter both your username and your password.'));
      return;
    }
    const signedIn = await this._action.run(msg('sign you in'), async () => {
      await signInAdmin(username, password);
      form.reset();
      this.dispatchEvent(new CustomEvent('admin-signed-in', { bubbles: true, composed: true }));
    });
    if (!signedIn) {
      const field = this.renderRoot.querySelector<HTMLInputElement>('#password');
      field?.select();
      field?.focus();
    }
  }
}

function sayFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) {
    return msg("That username and password don't match. Please check them and try again.");
  }
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfter ? sayWait(error.retryAfter) : '';
    return error.retryAfter
      ? msg(str`Too many sign-in tries. Please wait ${wait} and try again.`)
      : msg('Too many sign-in tries. Please wait a few minutes and try again.');
  }
  return sayAdminError(error, msg('sign you in'));
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-sign-in': RoveAdminSignIn;
  }
}
