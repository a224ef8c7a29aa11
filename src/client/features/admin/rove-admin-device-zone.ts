// <rove-admin-device-zone>: where on the floor a kiosk stands (one of its branch's zones, or
// none), with Change zone to move it (docs/API.md, `PATCH /api/devices/:id`). The tablets use
// it to suggest someone nearby for the kiosk's requests. Fires `device-changed` (detail: the
// device as the server now has it).
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { setDeviceZone } from './admin-api.js';
import type { Device } from '../../../shared/schemas.js';
import { adminStyles } from './admin.styles.js';
import { adminAction } from './admin-errors.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-admin-device-zone')
export class RoveAdminDeviceZone extends LitElement {
  static override styles = [
    adminStyles,
    css`
      .panel {
        margin: 0.5rem 0 0;
      }
    `,
  ];

  /** The kiosk. */
  @property({ attribute: false }) device?: Device;
  /** The zones of its branch, in the branch's order. */
  @property({ attribute: false }) zones: string[] = [];

  @state() private _editing = false;
  private readonly _action = adminAction(this);

  override render() {
    const device = this.device;
    if (!device) return html``;
    const zone = device.zone;
    const gone = zone !== undefined && !this.zones.includes(zone);
    const canChange = !device.revokedAt && (this.zones.length > 0 || zone !== undefined);
    return html`
      <div class="row">
        <span
          >${
            zone === undefined
              ? msg('No zone.')
              : gone
                ? msg(str`Zone: ${zone} (no longer one of the branch’s zones).`)
                : msg(str`Zone: ${zone}.`)
          }</span
        >
        ${
          canChange && !this._editing
            ? html`<button type="button" class="change" @click=${this._open}>
                ${msg(html`Change zone <span class="visually-hidden">of ${device.label}</span>`)}
              </button>`
            : ''
        }
      </div>
      ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
      ${this._editing ? this._renderChoice(device, gone) : ''}
    `;
  }

  private _renderChoice(device: Device, gone: boolean) {
    return html`<form
      class="panel"
      aria-label=${msg(str`Zone of ${device.label}`)}
      @submit=${this._save}
      novalidate
    >
      <div class="field">
        <label for="zone-choice">${msg(str`Zone for ${device.label}`)}</label>
        <select id="zone-choice" name="zone">
          <option value="" ?selected=${device.zone === undefined}>${msg('No zone')}</option>
          ${
            gone
              ? html`<option value=${device.zone!} selected>
                  ${msg(str`${device.zone} (no longer one of the branch’s zones)`)}
                </option>`
              : ''
          }
          ${this.zones.map(
            (zone) =>
              html`<option value=${zone} ?selected=${zone === device.zone}>${zone}</option>`,
          )}
        </select>
      </div>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this._action.busy}>
          ${msg('Save zone')}
        </button>
        <button type="button" @click=${this._close}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private async _open() {
    this._editing = true;
    this._action.say('');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>('#zone-choice')?.focus();
  }

  private async _close() {
    this._editing = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.change')?.focus();
  }

  private async _save(event: SubmitEvent) {
    event.preventDefault();
    const device = this.device;
    if (!device) return;
    const chosen = String(new FormData(event.currentTarget as HTMLFormElement).get('zone') ?? '');
    const zone = chosen || null;
    if (zone === (device.zone ?? null)) {
      await this._close();
      return;
    }
    const saved = await this._action.run(msg(str`change the zone of ${device.label}`), async () => {
      const changed = await setDeviceZone(device.id, zone);
      this.dispatchEvent(new CustomEvent('device-changed', { detail: changed, bubbles: true }));
    });
    if (saved) await this._close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-device-zone': RoveAdminDeviceZone;
  }
}
