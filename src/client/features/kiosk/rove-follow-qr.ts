// <rove-follow-qr>: the patron's follow link as a QR code, "Follow on your phone", beside the
// kiosk's ticket. The encoder (qrcode-generator, already the admin's enrollment QR) is imported
// only when a link is there to draw, so it is not part of the kiosk's first load
// (tests/unit/bundle-size.test.ts). Drawn as one SVG path: no canvas, no inline style, so the
// CSP needs nothing more. The link itself is never shown as text.
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '../../core/locale/msg.js';
import { COLORS } from '../../ui/tokens.js';

@localized()
@customElement('rove-follow-qr')
export class RoveFollowQr extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.5rem;
    }
    svg {
      inline-size: 13rem;
      block-size: 13rem;
      border-radius: 0.5rem;
    }
    p {
      margin: 0;
      font-size: 1.4rem;
      font-weight: 700;
    }
    .detail {
      font-size: 1.1rem;
    }
  `;

  /** The follow link (`/follow/<token>`); nothing shows without one. */
  @property() url = '';

  @state() private _path?: { d: string; size: number; url: string };

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('url') && this.url && this._path?.url !== this.url) void this._draw(this.url);
  }

  private async _draw(url: string) {
    const { default: qrcode } = await import('qrcode-generator');
    if (url !== this.url) return;
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    const count = qr.getModuleCount();
    const margin = 4;
    let d = '';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (qr.isDark(row, col)) d += `M${col + margin},${row + margin}h1v1h-1z`;
      }
    }
    this._path = { d, size: count + margin * 2, url };
  }

  override render() {
    const path = this.url && this._path?.url === this.url ? this._path : undefined;
    if (!path) return nothing;
    const { d, size } = path;
    return html`${svg`<svg
        role="img"
        aria-label=${msg('QR code: follow your request on your phone')}
        viewBox="0 0 ${size} ${size}"
        shape-rendering="crispEdges"
      ><rect width=${size} height=${size} fill=${COLORS.card}></rect><path d=${d} fill=${COLORS.black}></path></svg>`}
      <p>${msg('Follow on your phone')}</p>
      <span class="detail">${msg('Scan with the camera: no app, no account.')}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-follow-qr': RoveFollowQr;
  }
}
