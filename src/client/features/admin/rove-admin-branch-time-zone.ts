// <rove-admin-branch-time-zone>: the clock a branch's day is on. Its tickets start again at
// its midnight, and the service report and its CSV count days and hours, and write times, in
// it (docs/API.md, "Service report"), so every supervisor who opens them, wherever they are,
// gets the same figures. Not set, tickets go by the server's clock and the Report screen counts
// in the zone of the device it is opened on. Fires `branch-changed` (the branch as saved).
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { BranchPanel } from './branch-panel.js';
import { browserTimeZone } from './report-format.js';
import { msg, str } from '../../core/locale/msg.js';

/** Every zone this browser knows, with `also` (the branch's own, UTC) among them. */
function zoneChoices(...also: (string | undefined)[]): string[] {
  const known = Intl.supportedValuesOf?.('timeZone') ?? [];
  const zones = new Set([...known, ...also.filter((zone): zone is string => !!zone)]);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

/** A zone as a person reads it: "America/New_York" is "America/New York". */
const zoneLabel = (zone: string) => zone.replaceAll('_', ' ');

/** "Saturday 10:42 AM" on the clock of `zone`, in this browser's way of writing it. */
function clockIn(zone: string, now = new Date()): string {
  return now.toLocaleString([], {
    timeZone: zone,
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
  });
}

@customElement('rove-admin-branch-time-zone')
export class RoveAdminBranchTimeZone extends BranchPanel {
  override render() {
    const branch = this.branch;
    if (!branch) return html``;
    const own = branch.timeZone;
    const device = browserTimeZone();
    const option = (zone: string) =>
      html`<option value=${zone} ?selected=${zone === own}>
        ${zone === device ? msg(str`${zoneLabel(zone)} (this device)`) : zoneLabel(zone)}
      </option>`;
    return html`<form class="panel" aria-labelledby="tz-heading" @submit=${this._save} novalidate>
      <h3 id="tz-heading">${msg(str`Time zone of ${branch.name}`)}</h3>
      ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
      <p role="status">${this._notice}</p>
      <div class="field">
        <label for="time-zone">${msg('Time zone')}</label>
        ${keyed(
          branch.id,
          html`<select id="time-zone" name="timeZone" aria-describedby="tz-hint">
            <option value="" ?selected=${!own}>${msg('Not set')}</option>
            ${zoneChoices(own, device, 'UTC').map(option)}
          </select>`,
        )}
        <span class="hint" id="tz-hint">
          ${msg('Tickets start again from A1 at midnight on this clock, and the service report and its CSV count days and hours, and give times, on it wherever they are opened. Not set, tickets go by the server’s clock and each report counts in the time zone of the device it is opened on.')}
        </span>
      </div>
      <p>
        ${
          own
            ? msg(str`Now: ${zoneLabel(own)}, where it is ${clockIn(own)}.`)
            : msg('Now: not set.')
        }
      </p>
      <button type="submit" ?disabled=${this._action.busy}>${msg('Save the time zone')}</button>
    </form>`;
  }

  private async _save(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const chosen = String(new FormData(form).get('timeZone') ?? '');
    const timeZone = chosen || null;
    await this.saveBranch(msg('save the time zone'), { timeZone }, (saved) => {
      const branchName = saved.name;
      return saved.timeZone
        ? msg(str`Saved. Reports for ${branchName} count in ${zoneLabel(saved.timeZone)}.`)
        : msg(
            str`Saved. ${branchName} has no time zone: each report counts in the time zone of the device it is opened on.`,
          );
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-branch-time-zone': RoveAdminBranchTimeZone;
  }
}
