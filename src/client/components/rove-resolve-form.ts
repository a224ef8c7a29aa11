// <rove-resolve-form>: closing a request: how it went (outcome) and, if the rover likes, how much
// effort it took on the library's six-step scale. Fires `resolve` (detail: {outcome, effort?})
// and `back`.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls, tokens } from '../styles/shared.js';

const OUTCOMES = [
  { id: 'answered', label: 'Answered' },
  { id: 'referred', label: 'Referred to someone or somewhere else' },
  { id: 'follow-up', label: 'Needs a follow-up' },
  { id: 'no-show', label: 'Could not find the patron' },
] as const;

const EFFORT = [
  '1: a quick pointer',
  '2: a short answer',
  '3: some searching together',
  '4: a longer session',
  '5: expert help',
  '6: in-depth research',
];

@customElement('rove-resolve-form')
export class RoveResolveForm extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 2px solid var(--rove-line);
        border-radius: var(--rove-radius);
        margin: 0 0 1rem;
        padding: 0.5rem 1rem;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .effort {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      [role='alert'] {
        color: var(--rove-warn);
        font-weight: 600;
      }
    `,
  ];

  @state() private _outcome?: string;
  @state() private _effort?: number;
  @state() private _problem = '';

  private _submit(event: Event) {
    event.preventDefault();
    if (!this._outcome) {
      this._problem = 'Choose how it went first.';
      return;
    }
    const detail: { outcome: string; effort?: number } = { outcome: this._outcome };
    if (this._effort) detail.effort = this._effort;
    this.dispatchEvent(new CustomEvent('resolve', { detail, bubbles: true, composed: true }));
  }

  override render() {
    return html`<form @submit=${this._submit}>
      <fieldset>
        <legend>How did it go?</legend>
        ${OUTCOMES.map(
          (o) =>
            html`<label class="choice">
              <input
                type="radio"
                name="outcome"
                .value=${o.id}
                @change=${() => {
                  this._outcome = o.id;
                  this._problem = '';
                }}
              />
              ${o.label}
            </label>`,
        )}
      </fieldset>
      <fieldset class="effort">
        <legend>Effort (optional)</legend>
        ${EFFORT.map(
          (label, index) =>
            html`<label class="choice">
              <input
                type="radio"
                name="effort"
                .value=${String(index + 1)}
                @change=${() => (this._effort = index + 1)}
              />
              ${label}
            </label>`,
        )}
      </fieldset>
      ${this._problem ? html`<p role="alert">${this._problem}</p>` : ''}
      <div class="actions">
        <button
          type="button"
          class="quiet"
          @click=${() => this.dispatchEvent(new CustomEvent('back', { bubbles: true, composed: true }))}
        >
          Back
        </button>
        <button type="submit">Resolve request</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-resolve-form': RoveResolveForm;
  }
}
