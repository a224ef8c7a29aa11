// <rove-script-preview>: a script as it will read on a tablet, without ticks: the supervisor's
// live preview and the view of an old version. Fires no events.
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { scriptStyles } from './scripts.styles.js';
import type { ScriptLevels, ScriptStep } from '../../../shared/scripts.js';
import { msg } from '../../core/locale/msg.js';

@customElement('rove-script-preview')
export class RoveScriptPreview extends LitElement {
  static override styles = scriptStyles;

  /** The script's title, shown as a heading. */
  @property() heading = '';
  /** The one-line purpose under the title. */
  @property() purpose = '';
  /** The numbered steps with their phrases. */
  @property({ attribute: false }) steps: readonly ScriptStep[] = [];
  /** Standard, extended and exceptional service, when the script describes them. */
  @property({ attribute: false }) levels?: ScriptLevels;

  override render() {
    return html`
      <h4>${this.heading || msg('Untitled script')}</h4>
      ${this.purpose ? html`<p class="purpose">${this.purpose}</p>` : nothing}
      <ol>
        ${this.steps.map(
          (step) => html`
            <li>
              ${step.text}
              ${
                step.phrases.length
                  ? html`<ul class="phrases">
                      ${step.phrases.map((p) => html`<li>“${p}”</li>`)}
                    </ul>`
                  : nothing
              }
              ${
                step.offer === 'hand-off'
                  ? html`<p class="muted">${msg('Offers “Send for a specialist” here.')}</p>`
                  : nothing
              }
            </li>
          `,
        )}
      </ol>
      ${renderLevels(this.levels)}
    `;
  }
}

/** The three levels of service as a definition list (shared with the checklist). */
export function renderLevels(levels: ScriptLevels | undefined) {
  if (!levels) return nothing;
  return html`
    <dl class="levels">
      <dt>${msg('Standard')}</dt>
      <dd>${levels.standard}</dd>
      <dt>${msg('Extended')}</dt>
      <dd>${levels.extended}</dd>
      <dt>${msg('Exceptional')}</dt>
      <dd>${levels.exceptional}</dd>
    </dl>
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-script-preview': RoveScriptPreview;
  }
}
