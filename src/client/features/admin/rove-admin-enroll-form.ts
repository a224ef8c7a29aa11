// <rove-admin-enroll-form>: the form that makes a one-time enrollment code for a new kiosk or
// tablet of a branch; a kiosk may be given its zone on the floor at once. Fires
// `enrollment-made` (detail: the code, when it expires, and the device's name) once the server
// has made it; showing the code is the Devices screen's job.
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createEnrollment, type Enrollment } from './admin-api.js';
import type { Branch, DeviceKind } from '../../../shared/schemas.js';
import { adminStyles } from './admin.styles.js';
import { adminAction } from './admin-errors.js';
import { msg, str } from '../../core/locale/msg.js';

/** What `enrollment-made` carries. */
export type MadeEnrollment = Enrollment & { label: string };

@customElement('rove-admin-enroll-form')
export class RoveAdminEnrollForm extends LitElement {
  static override styles = adminStyles;

  /** The branches a device may join, with their zones. */
  @property({ attribute: false }) branches: Branch[] = [];
  /** True until the branches are read: nothing to enroll into yet. */
  @property({ type: Boolean }) loading = false;

  @state() private _branchId = '';
  @state() private _kind: DeviceKind = 'kiosk';
  private readonly _action = adminAction(this);

  override willUpdate() {
    if (!this.branches.some((b) => b.id === this._branchId))
      this._branchId = this.branches[0]?.id ?? '';
  }

  override render() {
    return html`<form class="panel" @submit=${this._enroll} novalidate>
      <h3>${msg('Enroll a new kiosk or tablet')}</h3>
      ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
      <div class="field">
        <label for="branch">${msg('Branch')}</label>
        <select id="branch" name="branch" required @change=${this._chooseBranch}>
          ${this.branches.map(
            (b) =>
              html`<option value=${b.id} ?selected=${b.id === this._branchId}>${b.name}</option>`,
          )}
        </select>
      </div>
      <fieldset @change=${this._chooseKind}>
        <legend>${msg('Kind of device')}</legend>
        <div class="choices">
          <label class="choice"
            ><input type="radio" name="kind" value="kiosk" checked />
            ${msg('Kiosk (in the lobby, for patrons)')}</label
          >
          <label class="choice"
            ><input type="radio" name="kind" value="tablet" />
            ${msg('Tablet (carried by staff)')}</label
          >
        </div>
      </fieldset>
      <div class="field">
        <label for="label"
          >${msg('Device name')}
          <span class="hint">${msg('For example: Front door kiosk')}</span></label
        >
        <input id="label" name="label" maxlength="60" required />
      </div>
      ${this._kind === 'kiosk' ? this._renderZoneChoice() : ''}
      <button class="primary" type="submit" ?disabled=${this._action.busy || this.loading}>
        ${msg('Make enrollment link')}
      </button>
    </form>`;
  }

  /** A kiosk's place on the floor, from the chosen branch's zones; a kiosk may have none. */
  private _renderZoneChoice() {
    const branch = this.branches.find((b) => b.id === this._branchId);
    if (!branch) return '';
    const zones = branch.zones ?? [];
    const branchName = branch.name;
    if (!zones.length)
      return html`<p class="muted">
        ${msg(
          str`${branchName} has no zones yet. To give this kiosk its place on the floor, add zones on the Topics screen, then choose one here or in the list below.`,
        )}
      </p>`;
    return html`<div class="field">
      <label for="zone"
        >${msg('Zone')}
        <span class="hint"
          >${msg('Optional: where the kiosk stands, so tablets can suggest someone nearby')}</span
        ></label
      >
      <select id="zone" name="zone">
        <option value="">${msg('No zone')}</option>
        ${zones.map((zone) => html`<option value=${zone}>${zone}</option>`)}
      </select>
    </div>`;
  }

  private _chooseBranch(event: Event) {
    this._branchId = (event.target as HTMLSelectElement).value;
  }

  private _chooseKind(event: Event) {
    const input = event.target as HTMLInputElement;
    if (input.name === 'kind') this._kind = input.value as DeviceKind;
  }

  private async _enroll(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const branchId = String(data.get('branch') ?? '');
    const kind = String(data.get('kind') ?? 'kiosk') as DeviceKind;
    const label = String(data.get('label') ?? '').trim();
    const zone = kind === 'kiosk' ? String(data.get('zone') ?? '') || undefined : undefined;
    if (!branchId) {
      this._action.say(msg('Please choose a branch.'));
      return;
    }
    if (!label) {
      this._action.say(msg('Please give the device a name, so you can tell it apart later.'));
      this.renderRoot.querySelector<HTMLInputElement>('#label')?.focus();
      return;
    }
    await this._action.run(msg('make an enrollment link'), async () => {
      const enrollment = await createEnrollment(branchId, kind, label, zone);
      const detail: MadeEnrollment = { ...enrollment, label };
      this.dispatchEvent(new CustomEvent('enrollment-made', { detail, bubbles: true }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-enroll-form': RoveAdminEnrollForm;
  }
}
