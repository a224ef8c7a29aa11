// <rove-admin-password>: the supervisor changes the admin password (current, new, new again).
// Changing it signs out every other admin sign-in, so a password someone else knew stops
// working everywhere; this sign-in stays. docs/API.md, "Sessions and devices".
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
// A value from shared/passwords.ts, never shared/schemas.ts: that would bring TypeBox along.
import { ADMIN_PASSWORD_MIN } from '../../../shared/passwords.js';
import { changeAdminPassword } from './admin-api.js';
import { ApiError } from '../../core/http.js';
import { adminStyles } from './admin.styles.js';
import { knownPasswordField, newPasswordFields } from './password-fields.js';
import { adminAction } from './admin-errors.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-admin-password')
export class RoveAdminPassword extends LitElement {
  static override styles = adminStyles;

  @state() private _done = false;
  private readonly _action = adminAction(this);

  override render() {
    return html`
      <h2>${msg('Password')}</h2>
      <form class="panel" aria-labelledby="change-heading" @submit=${this._submit} novalidate>
        <h3 id="change-heading">${msg('Change the admin password')}</h3>
        <p>
          ${msg('Everyone else signed in as admin, on any computer, is signed out when it changes. You stay signed in here.')}
        </p>
        <div aria-live="polite">
          ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
          ${
            this._done
              ? html`<p class="notice" role="status">
                  ${msg('Password changed. Any other admin sign-ins have been ended.')}
                </p>`
              : ''
          }
        </div>
        ${knownPasswordField('current', msg('Current password'))}
        ${newPasswordFields('next', msg('Type the new password again'))}
        <button class="primary" type="submit" ?disabled=${this._action.busy}>
          ${msg('Change password')}
        </button>
      </form>
    `;
  }

  private async _submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const current = String(data.get('current') ?? '');
    const next = String(data.get('next') ?? '');
    this._done = false;
    const problem = checkNewPassword(current, next, String(data.get('again') ?? ''));
    this._action.say(problem);
    if (problem) return;
    this._done = await this._action.run(
      msg('change the password'),
      async () => {
        await changeAdminPassword(current, next);
        form.reset();
      },
      (error) =>
        error instanceof ApiError && error.code === 'forbidden'
          ? msg('The current password is not right. Please type it again.')
          : undefined,
    );
  }
}

/** What is wrong with the form before asking the server, in one sentence; '' when nothing. */
function checkNewPassword(current: string, next: string, again: string): string {
  if (!current) return msg('Please type the current password.');
  // Characters as the server counts them (a letter outside the BMP is one).
  if ([...next].length < ADMIN_PASSWORD_MIN)
    return msg(str`The new password needs at least ${ADMIN_PASSWORD_MIN} characters.`);
  if (next !== again) return msg("The two new passwords don't match. Please type them again.");
  if (next === current) return msg('The new password is the same as the current one.');
  return '';
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-password': RoveAdminPassword;
  }
}
