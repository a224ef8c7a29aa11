// <rove-script-history>: a script's saved versions, newest first, each with View and Restore.
// Fires `view-version` and `restore-version` with `{version}`; the parent does the calls.
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { adminStyles } from './admin.styles.js';
import type { ScriptVersion } from '../../../shared/scripts.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-script-history')
export class RoveScriptHistory extends LitElement {
  static override styles = adminStyles;

  /** Every saved version, newest first. */
  @property({ attribute: false }) versions: readonly ScriptVersion[] = [];
  /** The newest version (restoring it would change nothing, so it has no Restore). */
  @property({ type: Number }) latest = 0;
  /** True while a call is under way: the buttons wait. */
  @property({ type: Boolean }) busy = false;

  override render() {
    if (!this.versions.length) return html`<p class="muted">${msg('No saved versions yet.')}</p>`;
    return html`<ul class="plain" aria-label=${msg('Saved versions')}>
      ${this.versions.map((v) => {
        const version = v.version;
        const saved = new Date(v.savedAt).toLocaleString();
        return html`<li class="row">
          <span>
            ${msg(str`Version ${version}, saved ${saved}`)}
            ${v.published ? html`<strong>${msg('(on devices now)')}</strong>` : ''}
          </span>
          <button
            type="button"
            aria-label=${msg(str`View version ${version}`)}
            @click=${() => this._fire('view-version', v.version)}
          >
            ${msg('View')}
          </button>
          ${
            v.version === this.latest
              ? ''
              : html`<button
                  type="button"
                  ?disabled=${this.busy}
                  aria-label=${msg(str`Restore version ${version}`)}
                  @click=${() => this._fire('restore-version', v.version)}
                >
                  ${msg('Restore')}
                </button>`
          }
        </li>`;
      })}
    </ul>`;
  }

  private _fire(name: 'view-version' | 'restore-version', version: number) {
    this.dispatchEvent(
      new CustomEvent(name, { detail: { version }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-script-history': RoveScriptHistory;
  }
  interface HTMLElementEventMap {
    'view-version': CustomEvent<{ version: number }>;
    'restore-version': CustomEvent<{ version: number }>;
  }
}
