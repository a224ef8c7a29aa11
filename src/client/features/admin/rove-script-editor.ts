// <rove-script-editor>: the supervisor's form for one script: title, purpose, tags, linked
// topics, and the steps as Markdown-like text (see script-text.ts) with Move up / Move down
// and a live preview. Controlled: every edit fires `draft-change` with the whole new draft;
// the parent holds it and decides when to save.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { adminStyles } from './admin.styles.js';
import { formatScriptText, moveStep, parseScriptText } from '../../ui/scripts/script-text.js';
import type { TopicChoice } from './script-topic-choices.js';
import '../../ui/scripts/rove-script-preview.js';
import { palette } from '../../ui/tokens.js';
import { msg, str } from '../../core/locale/msg.js';

/** What the form holds: text as typed, parsed only for the preview and on save. */
export interface ScriptDraft {
  title: string;
  purpose: string;
  /** Comma-separated, as typed. */
  tagsText: string;
  topicIds: string[];
  /** The steps (and levels) in the editor's text form. */
  body: string;
}

@customElement('rove-script-editor')
export class RoveScriptEditor extends LitElement {
  static override styles = [
    adminStyles,
    css`
      textarea {
        box-sizing: border-box;
        width: 100%;
        min-height: 16rem;
        padding: 0.5rem 0.75rem;
        border: 2px solid ${palette.coolMuted};
        border-radius: 0.5rem;
        font:
          1rem/1.5 ui-monospace,
          'Cascadia Mono',
          Menlo,
          monospace;
      }
      input[type='text'] {
        max-width: 40rem;
      }
      .columns {
        display: flex;
        flex-wrap: wrap;
        gap: 1.25rem;
      }
      .columns > * {
        flex: 1 1 22rem;
        min-width: 0;
      }
      ol.order li {
        margin: 0 0 0.5rem;
      }
      ol.order .row {
        justify-content: space-between;
      }
      .problems {
        color: ${palette.dangerDark};
      }
    `,
  ];

  /** The script being edited. */
  @property({ attribute: false }) draft: ScriptDraft = {
    title: '',
    purpose: '',
    tagsText: '',
    topicIds: [],
    body: '',
  };
  /**
   * The topics a supervisor may link, named as the branches name them; undefined while they
   * are not known (loading, or could not be loaded): linked topics then show by id.
   */
  @property({ attribute: false }) topicChoices?: readonly TopicChoice[];

  /**
   * Linked ids that are no topic of any branch (a topic removed since), in the order met. They
   * stay on the form once unticked, so a supervisor can unlink them and change their mind.
   */
  private _unknownLinked = new Set<string>();

  override willUpdate() {
    const known = this.topicChoices ?? [];
    for (const id of this.draft.topicIds)
      if (!known.some((t) => t.id === id)) this._unknownLinked.add(id);
  }

  override render() {
    const d = this.draft;
    const parsed = parseScriptText(d.body);
    const known = this.topicChoices ?? [];
    const gone = [...this._unknownLinked].filter((id) => !known.some((t) => t.id === id));
    const choices: TopicChoice[] = [
      ...known,
      ...gone.map((id) => ({
        id,
        label: this.topicChoices ? msg(str`${id} (no longer a topic at any branch)`) : id,
      })),
    ];
    return html`
      <div class="field">
        <label for="title">${msg('Title')}</label>
        <input id="title" type="text" .value=${d.title} @input=${this._text('title')} />
      </div>
      <div class="field">
        <label for="purpose"
          >${msg('Purpose')} <span class="hint">${msg('One line: when to use it.')}</span></label
        >
        <input id="purpose" type="text" .value=${d.purpose} @input=${this._text('purpose')} />
      </div>
      <div class="field">
        <label for="tags"
          >${msg('Tags')}
          <span class="hint">${msg('Separated by commas, like: welcome, door')}</span></label
        >
        <input id="tags" type="text" .value=${d.tagsText} @input=${this._text('tagsText')} />
      </div>
      <fieldset>
        <legend>${msg('Linked topics')}</legend>
        ${
          this.topicChoices
            ? nothing
            : html`<p class="hint">
                ${msg('Topic names are not available; linked topics show by id.')}
              </p>`
        }
        <div class="choices">
          ${choices.map(
            ({ id, label }) =>
              html`<label class="choice">
                <input
                  type="checkbox"
                  .checked=${d.topicIds.includes(id)}
                  @change=${(e: Event) => this._linkTopic(id, (e.target as HTMLInputElement).checked)}
                />
                ${label}
              </label>`,
          )}
        </div>
      </fieldset>
      <div class="columns">
        <div>
          <div class="field">
            <label for="body">
              ${msg('Steps')}
              <span class="hint" id="body-hint">
                ${msg(
                  'Number each step ("1. Smile and say hello"). Put things to say under it on lines starting with >. A line "[Send for a specialist]" under a step offers that there on a signed-in tablet. Optional last lines: "Standard: …", "Extended: …", "Exceptional: …".',
                )}
              </span>
            </label>
            <textarea
              id="body"
              aria-describedby="body-hint"
              spellcheck="true"
              .value=${d.body}
              @input=${this._text('body')}
            ></textarea>
          </div>
          <div aria-live="polite">
            ${
              parsed.problems.length
                ? html`<ul class="problems">
                    ${parsed.problems.map(
                      ({ line, message }) =>
                        html`<li>${line ? msg(str`Line ${line}: ${message}`) : message}</li>`,
                    )}
                  </ul>`
                : nothing
            }
          </div>
          <h3 id="order-heading">${msg('Order of steps')}</h3>
          <ol class="order" aria-labelledby="order-heading">
            ${parsed.steps.map(
              (step, i) =>
                html`<li>
                  <div class="row">
                    <span>${step.text}</span>
                    <span class="row">
                      <button
                        type="button"
                        ?disabled=${i === 0}
                        aria-label=${moveStepLabel(i + 1, -1)}
                        @click=${() => this._move(i, -1)}
                      >
                        ${msg('Up')}
                      </button>
                      <button
                        type="button"
                        ?disabled=${i === parsed.steps.length - 1}
                        aria-label=${moveStepLabel(i + 1, 1)}
                        @click=${() => this._move(i, 1)}
                      >
                        ${msg('Down')}
                      </button>
                    </span>
                  </div>
                </li>`,
            )}
          </ol>
        </div>
        <section class="panel" aria-labelledby="preview-heading">
          <h3 id="preview-heading">${msg('Preview')}</h3>
          <rove-script-preview
            .heading=${d.title}
            .purpose=${d.purpose}
            .steps=${parsed.steps}
            .levels=${parsed.levels}
          ></rove-script-preview>
        </section>
      </div>
    `;
  }

  private _text(field: 'title' | 'purpose' | 'tagsText' | 'body') {
    return (e: Event) =>
      this._change({ [field]: (e.target as HTMLInputElement | HTMLTextAreaElement).value });
  }

  private _linkTopic(id: string, linked: boolean) {
    const others = this.draft.topicIds.filter((t) => t !== id);
    this._change({ topicIds: linked ? [...others, id] : others });
  }

  private _move(index: number, by: -1 | 1) {
    const parsed = parseScriptText(this.draft.body);
    this._change({ body: formatScriptText(moveStep(parsed.steps, index, by), parsed.levels) });
    // Keep the pressed control's place: focus follows the step to its new row.
    void this.updateComplete.then(() => {
      const to = Math.min(Math.max(index + by, 0), parsed.steps.length - 1);
      const label = moveStepLabel(to + 1, by);
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('ol.order button');
      const same = [...buttons].find((b) => b.getAttribute('aria-label') === label && !b.disabled);
      (same ?? [...buttons].find((b) => !b.disabled))?.focus();
    });
  }

  private _change(changes: Partial<ScriptDraft>) {
    this.draft = { ...this.draft, ...changes };
    this.dispatchEvent(
      new CustomEvent<ScriptDraft>('draft-change', {
        detail: this.draft,
        bubbles: true,
        composed: true,
      }),
    );
  }
}

/** "Move step 3 up": the accessible name of a step's Up or Down button. */
function moveStepLabel(step: number, by: -1 | 1): string {
  return by < 0 ? msg(str`Move step ${step} up`) : msg(str`Move step ${step} down`);
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-script-editor': RoveScriptEditor;
  }
  interface HTMLElementEventMap {
    'draft-change': CustomEvent<ScriptDraft>;
  }
}
