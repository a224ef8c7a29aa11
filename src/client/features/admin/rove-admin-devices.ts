// <rove-admin-devices>: enroll a kiosk or tablet for a branch (the form, then a one-time link +
// QR code) and list enrolled devices (kind, branch, name, a kiosk's zone, when enrolled, when
// last seen), each with a Revoke button behind a confirm step and a kiosk with Change zone. The
// list refreshes itself every 30 s while the page is visible, so a tablet enrolled a moment ago
// appears without a reload.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { listBranches, listDevices, revokeDevice } from './admin-api.js';
import type { Branch, Device } from '../../../shared/schemas.js';
import './rove-admin-enroll-form.js';
import type { MadeEnrollment } from './rove-admin-enroll-form.js';
import './rove-admin-enrollment.js';
import './rove-admin-device-zone.js';
import { adminStyles } from './admin.styles.js';
import { adminAction, isSignedOut } from './admin-errors.js';
import { branchName, sayWhen } from './admin-format.js';
import { palette } from '../../ui/tokens.js';
import { msg, str } from '../../core/locale/msg.js';

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

  @state() private _branches: Branch[] = [];
  /** The enrolled devices; undefined until the first load has ended. */
  @state() private _devices?: Device[];
  @state() private _enrollment?: MadeEnrollment;
  @state() private _notice = '';
  /**
   * Revoking a device: busy while it goes. Its error is also where the list says it could not
   * be loaded, so the screen has one alert about the list.
   */
  private readonly _action = adminAction(this);
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
      <h2>${msg('Devices')}</h2>
      <rove-admin-enroll-form
        .branches=${this._branches}
        ?loading=${this._devices === undefined}
        @enrollment-made=${this._showEnrollment}
      ></rove-admin-enroll-form>
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
          <h3 id="list-heading">${msg('Enrolled devices')}</h3>
          <button type="button" @click=${this._load}>${msg('Refresh')}</button>
        </div>
        ${this._notice ? html`<p class="notice" role="status">${this._notice}</p>` : ''}
        ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
        ${this._renderDevices()}
      </section>
    `;
  }

  private _renderDevices() {
    const devices = this._devices;
    if (!devices) return html`<p role="status">${msg('Loading devices…')}</p>`;
    if (!devices.length) return html`<p>${msg('No devices are enrolled yet.')}</p>`;
    return html`<ul class="plain">
      ${repeat(
        devices,
        (device) => device.id,
        (device) => this._renderDevice(device),
      )}
    </ul>`;
  }

  private _renderDevice(device: Device) {
    const branch = this._branches.find((b) => b.id === device.branchId);
    const at = branchName(this._branches, device.branchId);
    const enrolled = sayWhen(device.enrolledAt, this._now, msg('at an unknown time'));
    const seen = sayWhen(device.lastSeenAt, this._now);
    const revoked = sayWhen(device.revokedAt);
    const label = device.label;
    return html`<li class="device">
      <div class="device-name">${device.label}</div>
      <div>${device.kind === 'kiosk' ? msg(str`Kiosk at ${at}.`) : msg(str`Tablet at ${at}.`)}</div>
      ${
        device.kind === 'kiosk'
          ? html`<rove-admin-device-zone
              .device=${device}
              .zones=${branch?.zones ?? []}
              @device-changed=${this._onDeviceChanged}
            ></rove-admin-device-zone>`
          : ''
      }
      <div>${msg(str`Enrolled ${enrolled}, last seen ${seen}.`)}</div>
      ${
        device.revokedAt
          ? html`<div class="revoked">${msg(str`Revoked ${revoked}.`)}</div>`
          : this._confirming === device.id
            ? html`<div
                class="panel"
                role="group"
                aria-label=${msg(str`Confirm revoking ${label}`)}
              >
                <p>
                  ${msg(
                    html`Revoke <strong>${label}</strong>? It stops working at once, and anyone
                      signed in on it is signed out. To use it again you will need to enroll it
                      again.`,
                  )}
                </p>
                <div class="row">
                  <button
                    class="danger primary"
                    type="button"
                    @click=${() => this._revoke(device)}
                    ?disabled=${this._action.busy}
                  >
                    ${msg('Yes, revoke')}
                  </button>
                  <button type="button" class="keep" @click=${this._cancelRevoke}>
                    ${msg('Keep it')}
                  </button>
                </div>
              </div>`
            : html`<button class="danger" type="button" @click=${() => this._askRevoke(device)}>
                ${msg(html`Revoke <span class="visually-hidden">${label}</span>`)}
              </button>`
      }
    </li>`;
  }

  /**
   * Fetches the list again, beside any revoke (it neither waits for one nor blocks one). A problem
   * stays on screen until a load works, so a failing refresh every 30 s does not announce the
   * same alert over and over.
   */
  private _load = async () => {
    try {
      const [branches, devices] = await Promise.all([listBranches(), listDevices()]);
      this._branches = branches;
      this._devices = devices;
      this._now = Date.now();
      this._action.say('');
    } catch (error) {
      this._action.fail(error, msg('load the devices'));
      this._devices ??= [];
    }
  };

  private async _showEnrollment(event: CustomEvent<MadeEnrollment>) {
    this._enrollment = event.detail;
    await this.updateComplete;
    await this.renderRoot.querySelector('rove-admin-enrollment')?.showYourself();
  }

  private _onDeviceChanged(event: CustomEvent<Device>) {
    const changed = event.detail;
    this._devices = this._devices?.map((d) => (d.id === changed.id ? changed : d));
    const label = changed.label;
    const zone = changed.zone;
    this._notice = zone
      ? msg(str`${label} is now in ${zone}.`)
      : msg(str`${label} has no zone now.`);
  }

  private async _askRevoke(device: Device) {
    this._confirming = device.id;
    this._notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.keep')?.focus();
  }

  private _cancelRevoke() {
    this._confirming = undefined;
  }

  private async _revoke(device: Device) {
    await this._action.run(msg(str`revoke ${device.label}`), async () => {
      let revoked: Device;
      try {
        revoked = await revokeDevice(device.id);
      } catch (error) {
        // Show the list as the server has it, then (the run) say why the revoke did not happen.
        if (!isSignedOut(error)) await this._load();
        throw error;
      }
      this._devices = this._devices?.map((d) => (d.id === device.id ? revoked : d));
      const label = device.label;
      this._notice = msg(str`${label} is revoked.`);
    });
    this._confirming = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-devices': RoveAdminDevices;
  }
}
