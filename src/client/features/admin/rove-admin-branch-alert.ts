// <rove-admin-branch-alert>: how long a patron may wait at a branch before every staff tablet
// there is alerted (docs/API.md, "Long waits"; stored as `escalateAfterSeconds`, 0 for never).
// The supervisor writes minutes, or 0 or "never"; fires `branch-changed` (detail: the branch).
import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { adminStyles } from './admin.styles.js';
import { BranchPanel } from './branch-panel.js';
import {
  ESCALATE_DEFAULT_SECONDS,
  escalateMinutes,
  escalateSeconds,
  sayEscalation,
} from './branch-floor.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-admin-branch-alert')
export class RoveAdminBranchAlert extends BranchPanel {
  static override styles = [
    adminStyles,
    css`
      input#wait-minutes {
        max-width: 8rem;
      }
    `,
  ];

  override render() {
    const branch = this.branch;
    if (!branch) return html``;
    const seconds = branch.escalateAfterSeconds ?? ESCALATE_DEFAULT_SECONDS;
    const after = sayEscalation(seconds);
    return html`<form class="panel" aria-labelledby="wait-heading" @submit=${this._save} novalidate>
      <h3 id="wait-heading">${msg(str`Long waits at ${branch.name}`)}</h3>
      ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
      <p role="status">${this._notice}</p>
      <div class="field">
        <label for="wait-minutes">${msg('Alert staff when a patron has waited')}</label>
        <div class="row">
          <input
            id="wait-minutes"
            name="minutes"
            inputmode="decimal"
            autocomplete="off"
            aria-describedby="wait-unit wait-hint"
            .value=${String(escalateMinutes(seconds))}
          />
          <span id="wait-unit">${msg('minutes')}</span>
        </div>
        <span class="hint" id="wait-hint">
          ${msg('Every staff tablet at the branch sounds and puts the patron at the top of the queue, and again each time that long passes while nobody has taken them. Write 0 or “never” to turn the alert off.')}
        </span>
      </div>
      <p>
        ${
          seconds > 0
            ? msg(str`Now: staff are alerted after ${after}.`)
            : msg('Now: staff are never alerted about long waits.')
        }
      </p>
      <button type="submit" ?disabled=${this._action.busy}>${msg('Save the alert time')}</button>
    </form>`;
  }

  private async _save(event: SubmitEvent) {
    event.preventDefault();
    const branch = this.branch;
    if (!branch) return;
    const form = event.currentTarget as HTMLFormElement;
    const read = escalateSeconds(String(new FormData(form).get('minutes') ?? ''));
    this._notice = '';
    if ('problem' in read) {
      this._action.say(read.problem);
      form.querySelector<HTMLInputElement>('#wait-minutes')?.focus();
      return;
    }
    const changes = { escalateAfterSeconds: read.seconds };
    await this.saveBranch(msg('save the alert time'), changes, (saved) => {
      const now = saved.escalateAfterSeconds ?? read.seconds;
      const branchName = saved.name;
      const waited = sayEscalation(now);
      return now > 0
        ? msg(str`Saved. Staff at ${branchName} are alerted when a patron has waited ${waited}.`)
        : msg(str`Saved. Staff at ${branchName} are no longer alerted about long waits.`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-branch-alert': RoveAdminBranchAlert;
  }
}
