// <rove-script-withdraw>: the supervisor's Withdraw button for one published script, behind a
// confirm step that says what happens (every device drops it; publishing brings it back).
// Fires `withdraw-script` once the supervisor confirms; the parent does the call.
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { adminStyles } from './admin.styles.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-script-withdraw')
export class RoveScriptWithdraw extends LitElement {
  static override styles = adminStyles;

  /** The script's title, as the question and the buttons name it. */
  @property() heading = '';
  /** True while a call is under way: the buttons wait. */
  @property({ type: Boolean }) busy = false;

  @state() private _confirming = false;

  override render() {
    const title = this.heading;
    if (!this._confirming) {
      return html`<button type="button" class="danger" @click=${this._ask}>
        ${msg(html`Withdraw <span class="visually-hidden">${title}</span>`)}
      </button>`;
    }
    return html`<div
      class="panel"
      role="group"
      aria-label=${msg(str`Confirm withdrawing ${title}`)}
    >
      <p>
        ${msg(
          html`Withdraw <strong>${title}</strong>? Every device stops showing it within seconds,
            including tablets at the door. Its versions are kept: publish it again to bring it back.`,
        )}
      </p>
      <div class="row">
        <button type="button" class="danger primary" ?disabled=${this.busy} @click=${this._confirm}>
          ${msg('Yes, withdraw')}
        </button>
        <button type="button" class="keep" @click=${this._keep}>
          ${msg('Keep it on devices')}
        </button>
      </div>
    </div>`;
  }

  private _ask = async () => {
    this._confirming = true;
    await this.updateComplete;
    // The safe choice has the focus, so a stray Enter keeps the script on devices.
    this.renderRoot.querySelector<HTMLButtonElement>('button.keep')?.focus();
  };

  private _keep = async () => {
    this._confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus();
  };

  private _confirm = () => {
    this._confirming = false;
    this.dispatchEvent(new CustomEvent('withdraw-script', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-script-withdraw': RoveScriptWithdraw;
  }
  interface HTMLElementEventMap {
    'withdraw-script': CustomEvent<void>;
  }
}
