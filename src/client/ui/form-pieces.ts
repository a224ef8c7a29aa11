// Template pieces the kiosk and tablet forms share, so a Back button or a radio choice looks
// and behaves the same on every screen: not elements, just parts of their host's template.
import { html, type TemplateResult } from 'lit';
import { msg } from '../core/locale/msg.js';

/** The quiet Back button: fires `back` (bubbling, composed) from `host`. */
export function backButton(host: HTMLElement): TemplateResult {
  return html`<button
    type="button"
    class="quiet"
    @click=${() => host.dispatchEvent(new CustomEvent('back', { bubbles: true, composed: true }))}
  >
    ${msg('Back')}
  </button>`;
}

/** A form's last lines: its problem said as an alert (when there is one), then Back and submit. */
export function formEnd(host: HTMLElement, problem: string, submitLabel: string): TemplateResult {
  return html`${problem ? html`<p role="alert">${problem}</p>` : ''}
    <div class="actions">
      ${backButton(host)}
      <button type="submit">${submitLabel}</button>
    </div>`;
}

/**
 * One radio button of group `name`, named by its label; `chosen` runs when it is picked.
 * `checked` is for a choice the host keeps (e.g. the report's range); forms that only read
 * the pick leave it out.
 */
export function radioChoice(
  name: string,
  value: string,
  label: string,
  chosen: () => void,
  checked = false,
): TemplateResult {
  return html`<label class="choice">
    <input type="radio" name=${name} .value=${value} .checked=${checked} @change=${chosen} />
    ${label}
  </label>`;
}
