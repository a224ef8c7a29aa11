// <rove-hand-off-form>: passing a request to someone who knows more: choose the skill it needs
// and leave a note so the patron need not repeat themselves. Fires `hand-off`
// (detail: {skill, note?}) and `back`.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controls, formParts, tokens } from '../../ui/shared.styles.js';
import { formEnd, radioChoice } from '../../ui/form-pieces.js';
import type { Skill } from '../../../shared/schemas.js';
import { msg } from '../../core/locale/msg.js';

@customElement('rove-hand-off-form')
export class RoveHandOffForm extends LitElement {
  static override styles = [
    tokens,
    controls,
    formParts,
    css`
      :host {
        display: block;
      }
      fieldset {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      }
      label.field {
        display: block;
        font-weight: 700;
        margin-bottom: 0.35rem;
      }
      textarea {
        width: 100%;
        min-height: 5rem;
        margin-bottom: 1rem;
      }
    `,
  ];

  /** The skills a request can be handed to. */
  @property({ attribute: false }) skills: Skill[] = [];
  /** The request's current skill, left out of the choices. */
  @property() current = '';

  @state() private _skill?: string;
  @state() private _note = '';
  @state() private _problem = '';

  private _submit(event: Event) {
    event.preventDefault();
    if (!this._skill) {
      this._problem = msg('Choose who should take it over.');
      return;
    }
    const detail: { skill: string; note?: string } = { skill: this._skill };
    const note = this._note.trim().slice(0, 280);
    if (note) detail.note = note;
    this.dispatchEvent(new CustomEvent('hand-off', { detail, bubbles: true, composed: true }));
  }

  override render() {
    // A retired skill is one the library no longer sends patrons to (docs/API.md, "Skills").
    const choices = this.skills.filter((s) => s.id !== this.current && !s.retired);
    return html`<form @submit=${this._submit}>
      <fieldset>
        <legend>${msg('Who knows more about this?')}</legend>
        ${
          choices.length === 0
            ? html`<p>${msg('The list of skills has not reached this tablet yet.')}</p>`
            : choices.map((skill) =>
                radioChoice('skill', skill.id, skill.label, () => {
                  this._skill = skill.id;
                  this._problem = '';
                }),
              )
        }
      </fieldset>
      <label class="field" for="note">${msg('Note for the next person')}</label>
      <textarea
        id="note"
        maxlength="280"
        placeholder=${msg('What the patron needs and what you tried')}
        .value=${this._note}
        @input=${(e: Event) => (this._note = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${formEnd(this, this._problem, msg('Hand off request'))}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-hand-off-form': RoveHandOffForm;
  }
}
