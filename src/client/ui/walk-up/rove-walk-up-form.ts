// <rove-walk-up-form>: a patron in front of a staff member needs more than a moment. In `send`
// mode a greeter sends for a specialist: the topic, where the patron is (a place, and a few
// words to spot them by), what they need and their language. In `take` mode the rover starts it
// as their own request: the topic and language only. Fires `walk-up` (detail: WalkUpFields)
// and `back`.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controls, formParts, tokens } from '../shared.styles.js';
import { formEnd, radioChoice } from '../form-pieces.js';
import { languageChoices } from './walk-up-format.js';
import type { WalkUpFields } from '../../core/db/walk-ups.js';
import type { Topic } from '../../../shared/schemas.js';
import { msg } from '../../core/locale/msg.js';

@customElement('rove-walk-up-form')
export class RoveWalkUpForm extends LitElement {
  static override styles = [
    tokens,
    controls,
    formParts,
    css`
      :host {
        display: block;
      }
      .topics {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
      }
      .field {
        margin: 0 0 1rem;
      }
      .field label {
        display: block;
        font-weight: 700;
        margin-bottom: 0.35rem;
      }
      .hint {
        display: block;
        margin: -0.2rem 0 0.35rem;
        color: var(--rove-muted);
        font-size: 0.95rem;
      }
      input,
      select,
      textarea {
        width: 100%;
      }
      textarea {
        min-height: 4.5rem;
      }
    `,
  ];

  /** `send`: for a specialist, from the queue; `take`: the rover's own, claimed at once. */
  @property() mode: 'send' | 'take' = 'send';
  /** The topics a patron can be helped with (the branch's, not hidden). */
  @property({ attribute: false }) topics: Topic[] = [];
  /** A topic chosen already (a script's), or none. */
  @property({ attribute: 'topic-id' }) topicId?: string;
  /** Places this tablet sent from lately, the last one first: offered, and the first filled in. */
  @property({ attribute: false }) recentZones: string[] = [];

  @state() private _topic?: string;
  @state() private _zone?: string;
  @state() private _name = '';
  @state() private _note = '';
  @state() private _language = '';
  @state() private _problem = '';

  private _submit(event: Event) {
    event.preventDefault();
    const topicId = this._topic ?? this._prefilled();
    if (!topicId) {
      this._problem = msg('Choose what they need help with first.');
      return;
    }
    const detail: WalkUpFields = { topicId };
    if (this._language) detail.language = this._language;
    if (this.mode === 'take') detail.claim = true;
    else {
      const zone = (this._zone ?? this.recentZones[0] ?? '').trim();
      if (zone) detail.zone = zone.slice(0, 60);
      if (this._name.trim()) detail.name = this._name.trim().slice(0, 60);
      if (this._note.trim()) detail.note = this._note.trim().slice(0, 280);
    }
    this.dispatchEvent(new CustomEvent('walk-up', { detail, bubbles: true, composed: true }));
  }

  /** The given topic, when this branch has it. */
  private _prefilled() {
    return this.topics.some((t) => t.id === this.topicId) ? this.topicId : undefined;
  }

  override render() {
    const send = this.mode === 'send';
    const chosen = this._topic ?? this._prefilled();
    return html`<form @submit=${this._submit}>
      <fieldset class="topics">
        <legend>${msg('What do they need help with?')}</legend>
        ${
          this.topics.length === 0
            ? html`<p>${msg('The topics have not reached this tablet yet.')}</p>`
            : this.topics.map((topic) =>
                radioChoice(
                  'topic',
                  topic.id,
                  topic.label,
                  () => {
                    this._topic = topic.id;
                    this._problem = '';
                  },
                  topic.id === chosen,
                ),
              )
        }
      </fieldset>
      ${send ? this._whereAndWhat() : nothing}
      <div class="field">
        <label for="language">${msg('Their language')}</label>
        <span class="hint" id="language-hint"
          >${msg('Only if it is not the one we usually speak here.')}</span
        >
        <select
          id="language"
          aria-describedby="language-hint"
          @change=${(e: Event) => (this._language = (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!this._language}>${msg('The usual language')}</option>
          ${languageChoices().map(
            (l) =>
              html`<option value=${l.tag} ?selected=${this._language === l.tag}>
                ${l.label}
              </option>`,
          )}
        </select>
      </div>
      ${formEnd(this, this._problem, send ? msg('Send for a specialist') : msg('Start helping'))}
    </form>`;
  }

  private _whereAndWhat() {
    const zone = this._zone ?? this.recentZones[0] ?? '';
    return html`<div class="field">
        <label for="zone">${msg('Where in the library?')}</label>
        <input
          id="zone"
          type="text"
          maxlength="60"
          list="zones"
          autocomplete="off"
          placeholder=${msg('Entrance')}
          .value=${zone}
          @input=${(e: Event) => (this._zone = (e.target as HTMLInputElement).value)}
        />
        <datalist id="zones">
          ${this.recentZones.map((z) => html`<option value=${z}></option>`)}
        </datalist>
      </div>
      <div class="field">
        <label for="name">${msg('How to spot them (optional)')}</label>
        <span class="hint" id="name-hint"
          >${msg('A name, or what they wear. Erased a few hours after they are helped.')}</span
        >
        <input
          id="name"
          aria-describedby="name-hint"
          type="text"
          maxlength="60"
          autocomplete="off"
          placeholder=${msg('By the front doors, red coat')}
          .value=${this._name}
          @input=${(e: Event) => (this._name = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="note">${msg('What they need (optional)')}</label>
        <span class="hint" id="note-hint"
          >${msg('So they need not start again with the specialist.')}</span
        >
        <textarea
          id="note"
          aria-describedby="note-hint"
          maxlength="280"
          .value=${this._note}
          @input=${(e: Event) => (this._note = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-walk-up-form': RoveWalkUpForm;
  }
}
