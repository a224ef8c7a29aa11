// <rove-resolve-form>: closing a request: how it went (outcome) and, if the rover likes, how much
// effort it took on the library's six-step scale. Fires `resolve` (detail: {outcome, effort?})
// and `back`.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controls, formParts, tokens } from '../../ui/shared.styles.js';
import { formEnd, radioChoice } from '../../ui/form-pieces.js';
import { EFFORT_GRADES, outcomeChoices, sayEffort } from '../../ui/service-wording.js';
import { msg } from '../../core/locale/msg.js';

@customElement('rove-resolve-form')
export class RoveResolveForm extends LitElement {
  static override styles = [
    tokens,
    controls,
    formParts,
    css`
      :host {
        display: block;
      }
      .effort {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      }
    `,
  ];

  @state() private _outcome?: string;
  @state() private _effort?: number;
  @state() private _problem = '';

  private _submit(event: Event) {
    event.preventDefault();
    if (!this._outcome) {
      this._problem = msg('Choose how it went first.');
      return;
    }
    const detail: { outcome: string; effort?: number } = { outcome: this._outcome };
    if (this._effort) detail.effort = this._effort;
    this.dispatchEvent(new CustomEvent('resolve', { detail, bubbles: true, composed: true }));
  }

  override render() {
    return html`<form @submit=${this._submit}>
      <fieldset>
        <legend>${msg('How did it go?')}</legend>
        ${outcomeChoices().map((o) =>
          radioChoice('outcome', o.id, o.label, () => {
            this._outcome = o.id;
            this._problem = '';
          }),
        )}
      </fieldset>
      <fieldset class="effort">
        <legend>${msg('Effort (optional)')}</legend>
        ${EFFORT_GRADES.map((grade) =>
          radioChoice('effort', String(grade), sayEffort(grade), () => (this._effort = grade)),
        )}
      </fieldset>
      ${formEnd(this, this._problem, msg('Resolve request'))}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-resolve-form': RoveResolveForm;
  }
}
