// <rove-connection-banner>: says plainly when this device cannot hear the server: reconnecting,
// or offline since a time, and that what people do is kept and sent later. Shows nothing when
// all is well. A status region, so screen readers hear the change without losing their place.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getConnection, onConnection, type ConnectionState } from '../core/sync/connection.js';
import { clock } from '../core/words/index.js';
import { SOURCE_LOCALE, getLocale } from '../core/locale/index.js';
import { localized, msg, str } from '../core/locale/msg.js';
import { tokens } from '../ui/shared.styles.js';
import { palette } from '../ui/tokens.js';

@localized()
@customElement('rove-connection-banner')
export class RoveConnectionBanner extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0;
        padding: 0.75rem 1rem;
        font-size: 1.125rem;
        border-block-end: 3px solid var(--rove-warn);
        background: var(--rove-warn-bg);
        color: var(--rove-warn);
      }
      p.reconnecting {
        border-color: var(--rove-primary);
        background: ${palette.primaryBg};
        color: var(--rove-primary);
      }
      :host([patron]) p {
        font-size: 1.5rem;
      }
      strong {
        font-weight: 700;
      }
    `,
  ];

  /** Words for a patron at the kiosk rather than for staff. */
  @property({ type: Boolean, reflect: true }) patron = false;

  /** The state to show; follows the device's connection unless set directly (tests). */
  @property({ attribute: false }) state: ConnectionState = getConnection();

  @state() private _following = true;
  private _stop?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._following) this._stop = onConnection((next) => (this.state = next));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stop?.();
  }

  /** Stop following the device's connection (so a test can set `state` itself). */
  detach(): void {
    this._following = false;
    this._stop?.();
  }

  override render() {
    return html`<div role="status">${this._message()}</div>`;
  }

  private _message() {
    const { status, since, trouble } = this.state;
    if (status === 'online') return nothing;
    // The server answered 503: this device's network is fine, the library's system is not.
    if (trouble) {
      return this.patron
        ? said(
            msg("The library's system is having a problem."),
            msg(
              "You can still ask for help here; we'll pass it on as soon as it is working again.",
            ),
          )
        : said(
            msg("The library's server is having trouble."),
            msg('What you do is saved on this device and sent as soon as it is working again.'),
          );
    }
    if (status === 'reconnecting') {
      return html`<p class="reconnecting">${msg("Reconnecting to the library's server…")}</p>`;
    }
    // The device's own clock in English; in a patron's language, that language's clock.
    const locale = getLocale();
    const time = since ? clock(since, locale === SOURCE_LOCALE ? undefined : locale) : undefined;
    const offline = time ? msg(str`Offline since ${time}.`) : msg('Offline.');
    return this.patron
      ? said(
          offline,
          msg(
            "You can still ask for help here; we'll pass it on as soon as we're connected again.",
          ),
        )
      : said(
          offline,
          msg('What you do is saved on this device and sent when the connection is back.'),
        );
  }
}

/** The banner's two parts: what is wrong, in bold, then what it means for the reader. */
const said = (what: string, meaning: string) => html`<p><strong>${what}</strong> ${meaning}</p>`;

declare global {
  interface HTMLElementTagNameMap {
    'rove-connection-banner': RoveConnectionBanner;
  }
}
