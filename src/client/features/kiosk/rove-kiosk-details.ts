// <rove-kiosk-details>: the kiosk's optional last step: how staff can find the patron, and a
// quiet word if they would like one. Nothing here must be filled in. Fires `send-request`
// (detail: {name?, needs}) and `back`.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '../../core/locale/msg.js';
import { controls, tokens } from '../../ui/shared.styles.js';
import { kioskButtons, kioskHost } from './kiosk.styles.js';
import type { Need, Topic } from '../../../shared/schemas.js';
import { backButton } from '../../ui/form-pieces.js';
import '../../ui/rove-topic-icon.js';

export interface KioskDetails {
  name?: string;
  needs: Need[];
}

@localized()
@customElement('rove-kiosk-details')
export class RoveKioskDetails extends LitElement {
  static override styles = [
    tokens,
    controls,
    kioskHost,
    kioskButtons,
    css`
      h1 {
        font-size: 2.25rem;
        margin: 0 0 0.5rem;
        display: flex;
        align-items: center;
        gap: 1rem;
      }
      p.hint {
        margin: 0 0 1.5rem;
        color: var(--rove-muted);
      }
      label.field {
        display: block;
        font-weight: 600;
      }
      /* The example sits in sight, not in a placeholder that is cut short at 200% zoom and
         vanishes at the first letter. */
      p.example {
        margin: 0.25rem 0 0.5rem;
        color: var(--rove-muted);
      }
      input[type='text'] {
        width: 100%;
        font-size: 1.5rem;
        min-height: 64px;
      }
      label.choice {
        margin: 1.5rem 0 2rem;
        font-size: 1.5rem;
      }
      input[type='checkbox'] {
        width: 2rem;
        height: 2rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .send {
        font-size: 2rem;
        min-height: 5rem;
        flex: 1 1 12rem;
      }
    `,
  ];

  /** The topic the patron chose, shown as a reminder. */
  @property({ attribute: false }) topic?: Topic;

  @state() private _name = '';
  @state() private _quiet = false;

  /** Empties the form, so nothing a patron typed survives to the next one. */
  clear(): void {
    this._name = '';
    this._quiet = false;
  }

  private _send() {
    const name = this._name.trim().slice(0, 60);
    const detail: KioskDetails = { needs: this._quiet ? ['private'] : [] };
    if (name) detail.name = name;
    this.dispatchEvent(new CustomEvent('send-request', { detail, bubbles: true, composed: true }));
  }

  override render() {
    return html`<h1>
        ${this.topic ? html`<rove-topic-icon name=${this.topic.icon}></rove-topic-icon>` : ''}
        ${this.topic?.label ?? msg('Your question')}
      </h1>
      <p class="hint">${msg("Both of these are optional. Tap Send when you're ready.")}</p>
      <label class="field" for="name">${msg('Your first name, or how we can spot you')}</label>
      <p class="example" id="name-example">
        ${msg('For example: Maria, by the printers, red coat')}
      </p>
      <input
        id="name"
        type="text"
        maxlength="60"
        autocomplete="off"
        aria-describedby="name-example"
        .value=${this._name}
        @input=${(e: Event) => (this._name = (e.target as HTMLInputElement).value)}
      />
      <label class="choice">
        <input
          type="checkbox"
          .checked=${this._quiet}
          @change=${(e: Event) => (this._quiet = (e.target as HTMLInputElement).checked)}
        />
        ${msg("I'd prefer a quiet word")}
      </label>
      <div class="actions">
        ${backButton(this)}
        <button type="button" class="send" @click=${this._send}>${msg('Send')}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-kiosk-details': RoveKioskDetails;
  }
}
