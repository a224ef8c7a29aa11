// The admin's password fields: the one a known password is typed into (sign-in, and the
// current one when changing it), and the two every new password is chosen with (first start,
// and a change): the new password with its rule, and the same again. One place, so every
// screen says the rule alike and gives password managers the same hints.
import { html } from 'lit';
// A value from shared/passwords.ts, never shared/schemas.ts: that would bring TypeBox along.
import { ADMIN_PASSWORD_MIN } from '../../../shared/passwords.js';
import { msg, str } from '../../core/locale/msg.js';

/** A field for a password the supervisor already has, named and labelled as given. */
export function knownPasswordField(name: string, label: string) {
  return html`<div class="field">
    <label for=${name}>${label}</label>
    <input id=${name} name=${name} type="password" autocomplete="current-password" required />
  </div>`;
}

/** "New password (at least 12 characters)" as a field named `name`, and `againLabel` under it. */
export function newPasswordFields(name: string, againLabel: string) {
  return html`<div class="field">
      <label for=${name}
        >${msg('New password')}
        <span class="hint">${msg(str`At least ${ADMIN_PASSWORD_MIN} characters`)}</span></label
      >
      <input
        id=${name}
        name=${name}
        type="password"
        autocomplete="new-password"
        minlength=${ADMIN_PASSWORD_MIN}
        required
      />
    </div>
    <div class="field">
      <label for="again">${againLabel}</label>
      <input id="again" name="again" type="password" autocomplete="new-password" required />
    </div>`;
}
