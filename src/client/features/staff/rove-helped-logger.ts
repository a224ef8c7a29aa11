// <rove-helped-logger>: "I helped someone" in two taps: what it was about, then how it went.
// Effort, language and time are optional and start from the last choices (`choices`). No
// patron text at all. Fires `helped` (detail: HelpedDetail), `undo` (for `last`) and `back`.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controls, formParts, tokens } from '../../ui/shared.styles.js';
import { backButton } from '../../ui/form-pieces.js';
import { EFFORT_GRADES, outcomeLabel, sayEffort } from '../../ui/service-wording.js';
import { languageChoices, languageName } from '../../ui/walk-up/walk-up-format.js';
import type { HelpedChoices } from '../../core/db/walk-ups.js';
import type { Topic } from '../../../shared/schemas.js';
import { ON_THE_SPOT_OUTCOMES, type OnTheSpotOutcome } from '../../../shared/request-machine.js';
import { amount } from '../../core/words/time.js';
import { msg, str } from '../../core/locale/msg.js';

export interface HelpedDetail {
  topicId: string;
  outcome: OnTheSpotOutcome;
  effort?: number;
  language?: string;
  minutes?: number;
}

/** What was just recorded, and whether it can still be taken back. */
export interface LastHelped {
  words: string;
  canUndo: boolean;
}

const MINUTES = [1, 2, 5, 10, 15, 20, 30, 45, 60];

@customElement('rove-helped-logger')
export class RoveHelpedLogger extends LitElement {
  static override styles = [
    tokens,
    controls,
    formParts,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 0.5rem 0 0.75rem;
        font-size: 1.15rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
        gap: 0.75rem;
        margin: 0 0 1rem;
      }
      .grid button {
        min-height: 64px;
        justify-content: flex-start;
        text-align: left;
      }
      details {
        margin: 0 0 1rem;
        border: 2px solid var(--rove-line);
        border-radius: var(--rove-radius);
        padding: 0 1rem;
      }
      summary {
        min-height: 48px;
        display: flex;
        align-items: center;
        gap: 0.5rem;
        cursor: pointer;
        font-weight: 600;
      }
      /* A flex summary loses the browser's triangle: draw one, so it reads as openable. */
      summary::before {
        content: '▸' / '';
      }
      details[open] > summary::before {
        content: '▾' / '';
      }
      .field {
        margin: 0 0 0.75rem;
      }
      .field label {
        display: block;
        font-weight: 700;
        margin-bottom: 0.35rem;
      }
      select {
        width: 100%;
      }
      .last {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin: 0 0 1rem;
        padding: 0.5rem 1rem;
        border-left: 6px solid var(--rove-mine-line);
        background: var(--rove-mine);
        font-weight: 600;
      }
      p[role='status'] {
        margin: 0;
      }
    `,
  ];

  /** The topics to choose from (the branch's, not hidden). */
  @property({ attribute: false }) topics: Topic[] = [];
  /** The last effort and language chosen on this tablet: where the optional details start. */
  @property({ attribute: false }) choices: HelpedChoices = {};
  /** What was recorded last, said back with Undo while it can still be taken back. */
  @property({ attribute: false }) last?: LastHelped;

  @state() private _topic?: Topic;
  /** Changed on this form: undefined means "as remembered". */
  @state() private _effort?: number | null;
  @state() private _language?: string;
  @state() private _minutes?: number;

  private get _effortNow() {
    return this._effort === undefined ? this.choices.effort : (this._effort ?? undefined);
  }

  private get _languageNow() {
    return this._language ?? this.choices.language ?? '';
  }

  private async _choose(topic: Topic) {
    this._topic = topic;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  private async _record(outcome: OnTheSpotOutcome) {
    const topic = this._topic;
    if (!topic) return;
    const detail: HelpedDetail = { topicId: topic.id, outcome };
    const effort = this._effortNow;
    if (effort) detail.effort = effort;
    if (this._languageNow) detail.language = this._languageNow;
    if (this._minutes) detail.minutes = this._minutes;
    this._topic = undefined;
    this._minutes = undefined;
    this.dispatchEvent(new CustomEvent('helped', { detail, bubbles: true, composed: true }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  override render() {
    // The status is always there (so what it says is announced), framed only when it says something.
    return html`<p class=${this.last ? 'last' : ''} role="status">
        ${
          this.last
            ? html`<span>${this.last.words}</span>${
                  this.last.canUndo
                    ? html`<button
                        type="button"
                        class="quiet"
                        @click=${() =>
                          this.dispatchEvent(
                            new CustomEvent('undo', { bubbles: true, composed: true }),
                          )}
                      >
                        ${msg('Undo')}
                      </button>`
                    : nothing
                }`
            : nothing
        }
      </p>
      ${this._topic ? this._howDidItGo(this._topic) : this._whatAbout()}`;
  }

  private _whatAbout() {
    return html`<h3 id="what" tabindex="-1">${msg('What was it about?')}</h3>
      ${
        this.topics.length === 0
          ? html`<p>${msg('The topics have not reached this tablet yet.')}</p>`
          : html`<div class="grid" role="group" aria-labelledby="what">
              ${this.topics.map(
                (topic) =>
                  html`<button type="button" class="quiet" @click=${() => void this._choose(topic)}>
                    ${topic.label}
                  </button>`,
              )}
            </div>`
      }
      <div class="actions">${backButton(this)}</div>`;
  }

  private _howDidItGo(topic: Topic) {
    const effort = this._effortNow;
    const language = this._languageNow;
    const minutes = this._minutes;
    const summary = [
      effort ? msg(str`effort ${effort}`) : '',
      language ? languageName(language) : '',
      minutes ? msg(str`${minutes} min`) : '',
    ].filter(Boolean);
    const chosen = summary.join(', ');
    return html`<h3 id="how" tabindex="-1">${msg(str`${topic.label}: how did it go?`)}</h3>
      <details>
        <summary>
          ${
            summary.length
              ? msg(str`Effort, language and time (optional): ${chosen}`)
              : msg('Effort, language and time (optional)')
          }
        </summary>
        <div class="field">
          <label for="effort">${msg('Effort')}</label>
          <select
            id="effort"
            @change=${(e: Event) => {
              const value = Number((e.target as HTMLSelectElement).value);
              this._effort = value || null;
            }}
          >
            <option value="" ?selected=${!effort}>${msg('Not graded')}</option>
            ${EFFORT_GRADES.map(
              (grade) =>
                html`<option value=${grade} ?selected=${effort === grade}>
                  ${sayEffort(grade)}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="language">${msg('Their language')}</label>
          <select
            id="language"
            @change=${(e: Event) => (this._language = (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!language}>${msg('The usual language')}</option>
            ${languageChoices().map(
              (l) =>
                html`<option value=${l.tag} ?selected=${language === l.tag}>${l.label}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="minutes">${msg('About how long')}</label>
          <select
            id="minutes"
            @change=${(e: Event) =>
              (this._minutes = Number((e.target as HTMLSelectElement).value) || undefined)}
          >
            <option value="" ?selected=${!this._minutes}>${msg('Not said')}</option>
            ${MINUTES.map(
              (m) =>
                html`<option value=${m} ?selected=${this._minutes === m}>
                  ${amount(m, 'minute')}
                </option>`,
            )}
          </select>
        </div>
      </details>
      <div class="grid" role="group" aria-labelledby="how">
        ${ON_THE_SPOT_OUTCOMES.map(
          (outcome) =>
            html`<button type="button" @click=${() => void this._record(outcome)}>
              ${outcomeLabel(outcome)}
            </button>`,
        )}
      </div>
      <div class="actions">
        <button type="button" class="quiet" @click=${() => void this._back()}>
          ${msg('Change topic')}
        </button>
      </div>`;
  }

  private async _back() {
    this._topic = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-helped-logger': RoveHelpedLogger;
  }
}
