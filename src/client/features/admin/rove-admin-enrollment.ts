// <rove-admin-enrollment>: a fresh enrollment code, shown as a QR code of the device's
// enrollment link, the link itself (selectable, with a Copy button) and a live countdown.
// A new device opens the link (or scans the QR) to join the branch as a kiosk or tablet.
import { LitElement, css, html, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import qrcode from 'qrcode-generator';
import { adminStyles } from './admin.styles.js';
import { COLORS, palette } from '../../ui/tokens.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-admin-enrollment')
export class RoveAdminEnrollment extends LitElement {
  static override styles = [
    adminStyles,
    css`
      .qr {
        display: block;
        width: min(18rem, 100%);
        height: auto;
        background: ${palette.card};
        border: 1px solid ${palette.lineSoft};
      }
      .qr.expired {
        opacity: 0.15;
      }
      .link {
        display: block;
        font-family: ui-monospace, monospace;
        font-size: 1rem;
        overflow-wrap: anywhere;
        user-select: all;
        background: ${palette.paperDim};
        padding: 0.5rem 0.75rem;
        border-radius: 0.4rem;
        margin: 0 0 0.75rem;
      }
      .expiry {
        font-weight: 600;
      }
    `,
  ];

  /** The one-time enrollment code from the server. */
  @property() code = '';
  /** When the code stops working (ISO time). */
  @property({ attribute: 'expires-at' }) expiresAt = '';
  /** What the device is to be called, for the heading ("Front desk kiosk"). */
  @property() label = '';
  /** Origin the link points at; the page's own origin unless told otherwise. */
  @property() origin = location.origin;

  @state() private _now = Date.now();
  @state() private _copied = '';

  private _timer?: ReturnType<typeof setInterval>;

  /** The absolute link a new device opens to enroll (docs/API.md, "Sessions and devices"). */
  get link(): string {
    return `${this.origin}/enroll?code=${encodeURIComponent(this.code)}`;
  }

  /** Bring the new link into view and tell screen readers it is there. */
  async showYourself() {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#enroll-heading');
    heading?.focus({ preventScroll: true });
    this.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  override connectedCallback() {
    super.connectedCallback();
    this._timer = setInterval(() => {
      this._now = Date.now();
      if (this._secondsLeft() <= 0) clearInterval(this._timer);
    }, 1000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  override render() {
    const left = this._secondsLeft();
    const expired = left <= 0;
    const countdown = sayCountdown(left);
    return html`
      <section class="panel" aria-labelledby="enroll-heading">
        <h3 id="enroll-heading" tabindex="-1">
          ${this.label ? msg(str`Enroll ${this.label}`) : msg('Enroll the new device')}
        </h3>
        <p>
          ${msg('On the new device, scan this code with the camera, or open the link below in its browser.')}
        </p>
        ${this._renderQr(expired)}
        <p class="muted" id="link-label">${msg('Enrollment link:')}</p>
        <code class="link" aria-labelledby="link-label">${this.link}</code>
        <div class="row">
          <button type="button" @click=${this._copy}>${msg('Copy link')}</button>
          <span role="status">${this._copied}</span>
        </div>
        ${
          expired
            ? html`<p class="expiry error" role="alert">
                ${msg('This code has expired. Please make a new one.')}
              </p>`
            : html`<p class="expiry">${msg(str`Works once. Expires in ${countdown}.`)}</p>`
        }
      </section>
    `;
  }

  private _renderQr(expired: boolean) {
    const qr = qrcode(0, 'M');
    qr.addData(this.link);
    qr.make();
    const count = qr.getModuleCount();
    const margin = 4;
    let path = '';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (qr.isDark(row, col)) path += `M${col + margin},${row + margin}h1v1h-1z`;
      }
    }
    const size = count + margin * 2;
    return svg`<svg
      class="qr ${expired ? 'expired' : ''}"
      role="img"
      aria-label=${msg('QR code for the enrollment link')}
      viewBox="0 0 ${size} ${size}"
      shape-rendering="crispEdges"
    ><rect width=${size} height=${size} fill="${COLORS.card}"></rect><path d=${path} fill="${COLORS.black}"></path></svg>`;
  }

  private _secondsLeft(): number {
    const until = Date.parse(this.expiresAt);
    return Number.isNaN(until) ? 0 : Math.max(0, Math.round((until - this._now) / 1000));
  }

  private async _copy() {
    try {
      await navigator.clipboard.writeText(this.link);
      this._copied = msg('Link copied.');
    } catch {
      // No clipboard permission (plain http, older browsers): select the text instead.
      const code = this.renderRoot.querySelector('.link');
      if (code) getSelection()?.selectAllChildren(code);
      this._copied = msg('The link is selected: copy it with your device’s Copy command.');
    }
  }
}

/** "14 min 05 s" for the time left. */
function sayCountdown(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return msg(str`${minutes} min ${rest} s`);
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-enrollment': RoveAdminEnrollment;
  }
}
