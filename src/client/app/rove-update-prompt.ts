// <rove-update-prompt>: a quiet banner that says a new version of Rove is ready, with "Reload"
// (switch now) and "Later" (hide until the next version). Shows nothing while no update waits.
// The live region stays in the page so screen readers announce the banner when it appears.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { focusRing, tokens } from '../ui/shared.styles.js';
import { applyUpdate, onUpdateWaiting } from '../core/pwa/update-status.js';
import { palette } from '../ui/tokens.js';
import { msg } from '../core/locale/msg.js';

@customElement('rove-update-prompt')
export class RoveUpdatePrompt extends LitElement {
  static override styles = [
    tokens,
    focusRing,
    css`
      :host {
        display: block;
      }
      .banner {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem 1rem;
        padding: 0.75rem 1rem;
        background: ${palette.primary};
        color: ${palette.card};
        font-size: 1.125rem;
      }
      .message {
        flex: 1 1 14rem;
        margin: 0;
      }
      .actions {
        display: flex;
        gap: 0.75rem;
      }
      button {
        min-height: 48px;
        min-width: 48px;
        padding: 0.5rem 1.25rem;
        border-radius: 0.5rem;
        font: inherit;
        font-weight: 600;
        cursor: pointer;
      }
      .reload {
        background: ${palette.card};
        color: ${palette.primary};
        border: 2px solid ${palette.card};
      }
      .later {
        background: transparent;
        color: ${palette.card};
        border: 2px solid ${palette.card};
      }
    `,
  ];

  @state() private _waiting = false;
  @state() private _dismissed = false;

  private _unsubscribe?: () => void;

  override connectedCallback() {
    super.connectedCallback();
    this._unsubscribe = onUpdateWaiting((waiting) => {
      // A newer version after "Later" is worth mentioning again.
      if (waiting && !this._waiting) this._dismissed = false;
      this._waiting = waiting;
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._unsubscribe?.();
    this._unsubscribe = undefined;
  }

  override render() {
    const shown = this._waiting && !this._dismissed;
    // The live region stays in the page (empty while quiet) so the sentence is announced when it
    // appears; the buttons sit outside it so their names are not read out with it.
    return html`<div class=${shown ? 'banner' : 'quiet'}>
      <p class="message" role="status">${shown ? msg('A new version of Rove is ready.') : ''}</p>
      ${
        shown
          ? html`<div class="actions">
              <button class="reload" type="button" @click=${this._reload}>${msg('Reload')}</button>
              <button class="later" type="button" @click=${this._later}>${msg('Later')}</button>
            </div>`
          : nothing
      }
    </div>`;
  }

  private _reload() {
    applyUpdate();
  }

  private _later() {
    this._dismissed = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-update-prompt': RoveUpdatePrompt;
  }
}
