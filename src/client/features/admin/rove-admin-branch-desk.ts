// <rove-admin-branch-desk>: where a branch's service desk is, in words a patron can follow.
// The kiosk says it when it cannot reach staff ("The service desk is on the ground floor, left
// of the main doors."). Save sets it, Clear forgets it; fires `branch-changed` (detail: Branch).
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { BranchPanel } from './branch-panel.js';
import { msg, str } from '../../core/locale/msg.js';

/** As the server keeps it (SERVICE_DESK_MAX in shared/schemas.ts, not imported: no TypeBox). */
const DESK_MAX = 120;

@customElement('rove-admin-branch-desk')
export class RoveAdminBranchDesk extends BranchPanel {
  override render() {
    const branch = this.branch;
    if (!branch) return html``;
    return html`<form class="panel" aria-labelledby="desk-heading" @submit=${this._save} novalidate>
      <h3 id="desk-heading">${msg(str`Service desk at ${branch.name}`)}</h3>
      ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
      <p role="status">${this._notice}</p>
      <div class="field">
        <label for="desk-place">${msg('Where is the service desk?')}</label>
        <span class="hint" id="desk-hint">
          ${msg('A few words that finish “The service desk is …”, for example “on the ground floor, left of the main doors”. The kiosk says it when it cannot reach staff.')}
        </span>
        <input
          id="desk-place"
          name="place"
          maxlength=${DESK_MAX}
          aria-describedby="desk-hint"
          .value=${branch.serviceDesk ?? ''}
        />
      </div>
      <button type="submit" ?disabled=${this._action.busy}>${msg('Save where the desk is')}</button>
      ${
        branch.serviceDesk
          ? html`<button type="button" ?disabled=${this._action.busy} @click=${this._clear}>
              ${msg('Clear where the desk is')}
            </button>`
          : ''
      }
    </form>`;
  }

  private async _save(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const place = String(new FormData(form).get('place') ?? '').trim();
    if (!place) {
      this._notice = '';
      this._action.say(
        msg('Please write where the service desk is, or use Clear if the kiosk should not say.'),
      );
      return;
    }
    await this._change(place);
  }

  private async _clear() {
    await this._change(null);
  }

  private async _change(serviceDesk: string | null) {
    await this.saveBranch(msg('save where the service desk is'), { serviceDesk }, (saved) => {
      const branchName = saved.name;
      const place = saved.serviceDesk;
      return place
        ? msg(str`Saved. Kiosks at ${branchName} will say: The service desk is ${place}.`)
        : msg(str`Cleared. Kiosks at ${branchName} will just say “the service desk”.`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-branch-desk': RoveAdminBranchDesk;
  }
}
