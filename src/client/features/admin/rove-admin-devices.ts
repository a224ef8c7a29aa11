// <rove-admin-devices>: enroll a kiosk or tablet for a branch (a one-time link + QR code) and
// list enrolled devices (kind, branch, name, a kiosk's zone, when enrolled, when last seen), each
// with a Revoke button behind a confirm step; a kiosk may be given its zone on the floor when
// enrolled, and moved to another later. The list refreshes itself every 30 s while the page is visible,
// so a tablet enrolled a moment ago appears without a reload.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  createEnrollment,
  listBranches,
  listDevices,
  revokeDevice,
  type Enrollment,
  type FloorBranch,
  type FloorDevice,
} from './admin-api.js';
import type { DeviceKind } from '../../../shared/schemas.js';
import './rove-admin-enrollment.js';
import './rove-admin-device-zone.js';
import { adminStyles } from './admin.styles.js';
import { leaveIfSignedOut, sayAdminError } from './admin-errors.js';
import { branchName, sayWhen } from './admin-format.js';
import { palette } from '../../ui/tokens.js';

@customElement('rove-admin-devices')
export class RoveAdminDevices extends LitElement {
  static override styles = [
    adminStyles,
    css`
      li.device {
        border-top: 1px solid ${palette.lineSoft};
        padding: 0.75rem 0;
      }
      .device-name {
        font-weight: 700;
      }
      .revoked {
        color: ${palette.dangerDark};
        font-weight: 600;
      }
    `,
  ];

  @state() private _branches: FloorBranch[] = [];
  @state() private _devices: FloorDevice[] = [];
  /** The branch and kind chosen in the enrollment form, for its zone choice. */
  @state() private _formBranchId = '';
  @state() private _formKind: DeviceKind = 'kiosk';
  @state() private _loading = true;
  @state() private _enrollment?: Enrollment & { label: string };
  @state() private _formError = '';
  @state() private _listError = '';
  @state() private _notice = '';
  @state() private _busy = false;
  /** The device whose Revoke is waiting for "Yes, revoke". */
  @state() private _confirming?: string;
  /** The clock "last seen 3 minutes ago" is said against, moved on by each refresh. */
  @state() private _now = Date.now();
  /** How often the list refreshes itself while the page is visible (tests pass a shorter one). */
  @property({ type: Number, attribute: false }) refreshEvery = 30_000;

  private _timer?: ReturnType<typeof setInterval>;

  override connectedCallback() {
    super.connectedCallback();
    void this._load();
    this._timer = setInterval(this._refreshIfVisible, this.refreshEvery);
    document.addEventListener('visibilitychange', this._refreshIfVisible);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this._timer);
    this._timer = undefined;
    document.removeEventListener('visibilitychange', this._refreshIfVisible);
  }

  /** A hidden page (another tab, a locked screen) asks nothing; coming back refreshes at once. */
  private _refreshIfVisible = () => {
    if (document.visibilityState === 'visible') void this._load();
  };

  override render() {
    return html`
      <h2>Devices</h2>
      <form class="panel" @submit=${this._enroll} novalidate>
        <h3>Enroll a new kiosk or tablet</h3>
        ${this._formError ? html`<p class="error" role="alert">${this._formError}</p>` : ''}
        <div class="field">
          <label for="branch">Branch</label>
          <select id="branch" name="branch" required @change=${this._chooseBranch}>
            ${this._branches.map(
              (b) =>
                html`<option value=${b.id} ?selected=${b.id === this._formBranchId}>
                  ${b.name}
                </option>`,
            )}
          </select>
        </div>
        <fieldset @change=${this._chooseKind}>
          <legend>Kind of device</legend>
          <div class="choices">
            <label class="choice"
              ><input type="radio" name="kind" value="kiosk" checked /> Kiosk (in the lobby, for
              patrons)</label
            >
            <label class="choice"
              ><input type="radio" name="kind" value="tablet" /> Tablet (carried by staff)</label
            >
          </div>
        </fieldset>
        <div class="field">
          <label for="label"
            >Device name <span class="hint">For example: Front door kiosk</span></label
          >
          <input id="label" name="label" maxlength="60" required />
        </div>
        ${this._formKind === 'kiosk' ? this._renderZoneChoice() : ''}
        <button class="primary" type="submit" ?disabled=${this._busy || this._loading}>
          Make enrollment link
        </button>
      </form>
      ${
        this._enrollment
          ? html`<rove-admin-enrollment
              .code=${this._enrollment.code}
              .expiresAt=${this._enrollment.expiresAt}
              .label=${this._enrollment.label}
            ></rove-admin-enrollment>`
          : ''
      }
      <section class="panel" aria-labelledby="list-heading">
        <div class="row">
          <h3 id="list-heading">Enrolled devices</h3>
          <button type="button" @click=${this._load}>Refresh</button>
        </div>
        ${this._notice ? html`<p class="notice" role="status">${this._notice}</p>` : ''}
        ${this._listError ? html`<p class="error" role="alert">${this._listError}</p>` : ''}
        ${this._renderDevices()}
      </section>
    `;
  }

  /** A kiosk's place on the floor, from the chosen branch's zones; a kiosk may have none. */
  private _renderZoneChoice() {
    const branch = this._branches.find((b) => b.id === this._formBranchId);
    const zones = branch?.zones ?? [];
    if (!branch) return '';
    if (!zones.length)
      return html`<p class="muted">
        ${branch.name} has no zones yet. To give this kiosk its place on the floor, add zones on the
        Topics screen, then choose one here or in the list below.
      </p>`;
    return html`<div class="field">
      <label for="zone"
        >Zone
        <span class="hint"
          >Optional: where the kiosk stands, so tablets can suggest someone nearby</span
        ></label
      >
      <select id="zone" name="zone">
        <option value="">No zone</option>
        ${zones.map((zone) => html`<option value=${zone}>${zone}</option>`)}
      </select>
    </div>`;
  }

  private _renderDevices() {
    if (this._loading) return html`<p role="status">Loading devices…</p>`;
    if (!this._devices.length) return html`<p>No devices are enrolled yet.</p>`;
    return html`<ul class="plain">
      ${repeat(
        this._devices,
        (device) => device.id,
        (device) => this._renderDevice(device),
      )}
    </ul>`;
  }

  private _renderDevice(device: FloorDevice) {
    const kind = device.kind === 'kiosk' ? 'Kiosk' : 'Tablet';
    const branch = this._branches.find((b) => b.id === device.branchId);
    return html`<li class="device">
      <div class="device-name">${device.label}</div>
      <div>${kind} at ${branchName(this._branches, device.branchId)}.</div>
      ${
        device.kind === 'kiosk'
          ? html`<rove-admin-device-zone
              .device=${device}
              .zones=${branch?.zones ?? []}
              @device-changed=${this._onDeviceChanged}
            ></rove-admin-device-zone>`
          : ''
      }
      <div>
        Enrolled ${sayWhen(device.enrolledAt, this._now, 'at an unknown time')}, last seen
        ${sayWhen(device.lastSeenAt, this._now)}.
      </div>
      ${
        device.revokedAt
          ? html`<div class="revoked">Revoked ${sayWhen(device.revokedAt)}.</div>`
          : this._confirming === device.id
            ? html`<div class="panel" role="group" aria-label="Confirm revoking ${device.label}">
                <p>
                  Revoke <strong>${device.label}</strong>? It stops working at once, and anyone
                  signed in on it is signed out. To use it again you will need to enroll it again.
                </p>
                <div class="row">
                  <button
                    class="danger primary"
                    type="button"
                    @click=${() => this._revoke(device)}
                    ?disabled=${this._busy}
                  >
                    Yes, revoke
                  </button>
                  <button type="button" class="keep" @click=${this._cancelRevoke}>Keep it</button>
                </div>
              </div>`
            : html`<button class="danger" type="button" @click=${() => this._askRevoke(device)}>
                Revoke <span class="visually-hidden">${device.label}</span>
              </button>`
      }
    </li>`;
  }

  /** Fetches the list again. A problem stays on screen until a load works, so a failing
   * refresh every 30 s does not announce the same alert over and over. */
  private _load = async () => {
    try {
      const [branches, devices] = await Promise.all([listBranches(), listDevices()]);
      this._branches = branches;
      this._devices = devices;
      if (!branches.some((b) => b.id === this._formBranchId))
        this._formBranchId = branches[0]?.id ?? '';
      this._now = Date.now();
      this._listError = '';
    } catch (error) {
      if (leaveIfSignedOut(this, error)) return;
      this._listError = sayAdminError(error, 'load the devices');
    } finally {
      this._loading = false;
    }
  };

  private async _enroll(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const branchId = String(data.get('branch') ?? '');
    const kind = String(data.get('kind') ?? 'kiosk') as DeviceKind;
    const label = String(data.get('label') ?? '').trim();
    const zone = kind === 'kiosk' ? String(data.get('zone') ?? '') || undefined : undefined;
    if (!branchId) {
      this._formError = 'Please choose a branch.';
      return;
    }
    if (!label) {
      this._formError = 'Please give the device a name, so you can tell it apart later.';
      this.renderRoot.querySelector<HTMLInputElement>('#label')?.focus();
      return;
    }
    this._busy = true;
    this._formError = '';
    try {
      const enrollment = await createEnrollment(branchId, kind, label, zone);
      this._enrollment = { ...enrollment, label };
      await this.updateComplete;
      await this.renderRoot.querySelector('rove-admin-enrollment')?.showYourself();
    } catch (error) {
      if (leaveIfSignedOut(this, error)) return;
      this._formError = sayAdminError(error, 'make an enrollment link');
    } finally {
      this._busy = false;
    }
  }

  private _chooseBranch(event: Event) {
    this._formBranchId = (event.target as HTMLSelectElement).value;
  }

  private _chooseKind(event: Event) {
    const input = event.target as HTMLInputElement;
    if (input.name === 'kind') this._formKind = input.value as DeviceKind;
  }

  private _onDeviceChanged(event: CustomEvent<FloorDevice>) {
    const changed = event.detail;
    this._devices = this._devices.map((d) => (d.id === changed.id ? changed : d));
    this._notice = changed.zone
      ? `${changed.label} is now in ${changed.zone}.`
      : `${changed.label} has no zone now.`;
  }

  private async _askRevoke(device: FloorDevice) {
    this._confirming = device.id;
    this._notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.keep')?.focus();
  }

  private _cancelRevoke() {
    this._confirming = undefined;
  }

  private async _revoke(device: FloorDevice) {
    this._busy = true;
    this._listError = '';
    try {
      const revoked = await revokeDevice(device.id);
      this._devices = this._devices.map((d) => (d.id === device.id ? revoked : d));
      this._notice = `${device.label} is revoked.`;
    } catch (error) {
      if (leaveIfSignedOut(this, error)) return;
      // Show the list as the server has it, then say why the revoke did not happen.
      await this._load();
      this._listError = sayAdminError(error, `revoke ${device.label}`);
    } finally {
      this._busy = false;
      this._confirming = undefined;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-devices': RoveAdminDevices;
  }
}
