// <rove-sign-out-dialog>: asked on Sign out while some of the rover's changes have not reached
// the server. A modal dialog: it names the changes and offers to stay signed in (the default,
// focused first; Escape means the same) or to sign out and discard them. Fires `stay` or
// `discard`; whoever opened it moves focus back when it closes.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { controls, tokens } from '../../ui/shared.styles.js';
import { palette } from '../../ui/tokens.js';
import { msg, str } from '../../core/locale/msg.js';
import { plural } from '../../core/words/index.js';

@customElement('rove-sign-out-dialog')
export class RoveSignOutDialog extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      dialog {
        box-sizing: border-box;
        max-width: min(36rem, calc(100vw - 2rem));
        padding: 1.5rem;
        border: 2px solid var(--rove-warn);
        border-radius: 12px;
        font-size: 1.1rem;
      }
      dialog::backdrop {
        background: ${palette.scrim};
      }
      h2 {
        margin: 0 0 0.75rem;
        font-size: 1.4rem;
      }
      p {
        margin: 0 0 1.25rem;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];

  /** The changes not yet on the server, in words ("claim A5"), oldest first. */
  @property({ attribute: false }) unsent: string[] = [];
  /** Whether the dialog is showing. */
  @property({ type: Boolean }) open = false;

  @query('dialog') private _dialog?: HTMLDialogElement;
  @query('.stay') private _stay?: HTMLButtonElement;

  override updated(): void {
    const dialog = this._dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this._stay?.focus();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  override render() {
    return html`<dialog
      aria-labelledby="sign-out-title"
      aria-describedby="sign-out-unsent"
      @cancel=${(e: Event) => {
        // Escape: stay signed in, as the safe choice.
        e.preventDefault();
        this._choose('stay');
      }}
    >
      ${this.open ? this._question() : nothing}
    </dialog>`;
  }

  private _question() {
    const n = this.unsent.length;
    const one = n === 1;
    const what = this.unsent.join(', ');
    return html`<h2 id="sign-out-title">${msg('Sign out now?')}</h2>
      <p id="sign-out-unsent">
        ${plural(
          n,
          msg(str`${n} change has not reached the server yet: ${what}.`),
          msg(str`${n} changes have not reached the server yet: ${what}.`),
        )}
      </p>
      <div class="choices">
        <button type="button" class="stay" @click=${() => this._choose('stay')}>
          ${one ? msg('Stay signed in until it is sent') : msg('Stay signed in until they are sent')}
        </button>
        <button type="button" class="quiet" @click=${() => this._choose('discard')}>
          ${one ? msg('Sign out and discard it') : msg('Sign out and discard them')}
        </button>
      </div>`;
  }

  private _choose(choice: 'stay' | 'discard') {
    this.dispatchEvent(new CustomEvent(choice, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-sign-out-dialog': RoveSignOutDialog;
  }
}
