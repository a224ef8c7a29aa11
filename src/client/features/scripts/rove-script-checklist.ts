// <rove-script-checklist>: one script as a large-type checklist for use at the door. Ticking a
// step fires `step-toggle` {index, ticked}; the bar at the bottom (within thumb reach) fires
// `all-scripts`, `reset-steps` and `next-script`. A step that offers the hand-off has "Send for a
// specialist" (with `can-send`), which fires `send-for-help`; whatever the host then puts in
// slot "offer" shows under that step. It stores nothing itself.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { scriptStyles } from '../../ui/scripts/scripts.styles.js';
import { renderLevels } from '../../ui/scripts/rove-script-preview.js';
import type { Script } from '../../../shared/scripts.js';
import { palette } from '../../ui/tokens.js';
import { msg, str } from '../../core/locale/msg.js';
import { plural } from '../../core/words/index.js';

export interface StepToggle {
  index: number;
  ticked: boolean;
}

@customElement('rove-script-checklist')
export class RoveScriptChecklist extends LitElement {
  static override styles = [
    scriptStyles,
    css`
      ol.steps {
        padding-left: 2.75rem;
        margin: 0 0 1rem;
        font-size: 1.375rem;
      }
      ol.steps > li {
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem;
        border-radius: 0.75rem;
        background: ${palette.card};
        border: 2px solid ${palette.lineCool};
      }
      ol.steps > li::marker {
        font-weight: 700;
      }
      ol.steps > li.ticked {
        background: ${palette.okBg};
        border-color: ${palette.okLine};
      }
      label {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
        min-height: 48px;
        cursor: pointer;
      }
      input[type='checkbox'] {
        width: 2rem;
        height: 2rem;
        flex: none;
        margin: 0.1rem 0 0;
        accent-color: ${palette.primary};
      }
      li.ticked .text {
        color: ${palette.okInk};
      }
      .phrases,
      .offer {
        margin-left: 2.75rem;
        font-size: 1.2rem;
      }
      .offer button {
        margin: 0.5rem 0;
      }
      .bar {
        position: sticky;
        bottom: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        justify-content: space-between;
        padding: 0.75rem 0;
        background: ${palette.paper};
        border-top: 1px solid ${palette.lineCool};
      }
      .bar button {
        flex: 1 1 8rem;
        min-height: 56px;
      }
    `,
  ];

  /** The script to show. */
  @property({ attribute: false }) script?: Script;
  /** Indexes (0-based) of the ticked steps. */
  @property({ attribute: false }) done: readonly number[] = [];
  /** Whether a "Next script" exists in the current list. */
  @property({ type: Boolean, attribute: 'has-next' }) hasNext = false;
  /** Whether this tablet can send for a specialist now (someone is signed in on it). */
  @property({ type: Boolean, attribute: 'can-send' }) canSend = false;

  /** The step whose "Send for a specialist" was pressed last: slot "offer" shows under it. */
  @state() private _offerAt?: number;

  override render() {
    const script = this.script;
    if (!script) return nothing;
    const ticked = new Set(this.done);
    const count = script.steps.filter((_, i) => ticked.has(i)).length;
    return html`
      <h1 tabindex="-1">${script.title}</h1>
      <p class="purpose">${script.purpose}</p>
      <ol class="steps">
        ${script.steps.map(
          (step, index) => html`
            <li class=${ticked.has(index) ? 'ticked' : ''}>
              <label>
                <input
                  type="checkbox"
                  .checked=${ticked.has(index)}
                  @change=${(e: Event) =>
                    this._toggle(index, (e.target as HTMLInputElement).checked)}
                />
                <span class="text">${step.text}</span>
              </label>
              ${
                step.phrases.length
                  ? html`<ul class="phrases" aria-label=${msg('Things you might say')}>
                      ${step.phrases.map((p) => html`<li>“${p}”</li>`)}
                    </ul>`
                  : nothing
              }
              ${step.offer === 'hand-off' ? this._offer(index) : nothing}
            </li>
          `,
        )}
      </ol>
      ${renderLevels(script.levels)}
      <p class="muted" role="status">${stepsDone(count, script.steps.length)}</p>
      <div class="bar" role="group" aria-label=${msg('Script actions')}>
        <button type="button" @click=${() => this._fire('all-scripts')}>
          ${msg('All scripts')}
        </button>
        <button type="button" @click=${() => this._fire('reset-steps')}>${msg('Reset')}</button>
        ${
          this.hasNext
            ? html`<button type="button" class="primary" @click=${() => this._fire('next-script')}>
                ${msg('Next script')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private _offer(index: number) {
    if (!this.canSend) {
      return html`<p class="muted offer">
        ${msg('Signed in on the queue screen, you can send for a specialist from this step.')}
      </p>`;
    }
    const first = this.script?.steps.findIndex((s) => s.offer === 'hand-off');
    return html`<div class="offer">
      <button
        type="button"
        class="primary"
        @click=${() => {
          this._offerAt = index;
          this._fire('send-for-help');
        }}
      >
        ${msg('Send for a specialist')}
      </button>
      ${(this._offerAt ?? first) === index ? html`<slot name="offer"></slot>` : nothing}
    </div>`;
  }

  private _toggle(index: number, ticked: boolean) {
    this.dispatchEvent(
      new CustomEvent<StepToggle>('step-toggle', {
        detail: { index, ticked },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _fire(name: 'all-scripts' | 'reset-steps' | 'next-script' | 'send-for-help') {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-script-checklist': RoveScriptChecklist;
  }
  interface HTMLElementEventMap {
    'step-toggle': CustomEvent<StepToggle>;
  }
}

/** "2 of 5 steps done" ("0 of 1 step done"). */
function stepsDone(done: number, of: number): string {
  return plural(of, msg(str`${done} of ${of} step done`), msg(str`${done} of ${of} steps done`));
}
