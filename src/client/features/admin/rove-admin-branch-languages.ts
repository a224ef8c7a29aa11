// <rove-admin-branch-languages>: the languages a branch's kiosks offer patrons, and which one
// they speak until a patron chooses (docs/API.md, "A branch's languages"). Each language is
// shown by its own name ("Español", "العربية"), as a patron would look for it. Fires
// `branch-changed` (detail: the branch) once saved.
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { BranchPanel } from './branch-panel.js';
import { languageOptions } from './branch-languages.js';
import { languageName, ownLanguageName } from '../../ui/walk-up/walk-up-format.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-admin-branch-languages')
export class RoveAdminBranchLanguages extends BranchPanel {
  /** The languages ticked, in the order offered. */
  @state() private _chosen: string[] = [];
  /** The default: one of `_chosen`. */
  @state() private _default = 'en';

  protected override branchArrived(other: boolean) {
    // Another panel's save hands a new branch object: keep the supervisor's choices then.
    if (other || !this._dirty()) this._start(this.branch?.languages ?? ['en']);
  }

  override render() {
    const branch = this.branch;
    if (!branch) return html``;
    const options = languageOptions(branch.languages);
    return html`<form
      class="panel"
      aria-labelledby="languages-heading"
      @submit=${this._save}
      novalidate
    >
      <h3 id="languages-heading">${msg(str`Languages at ${branch.name}`)}</h3>
      <p class="hint">
        ${msg('The languages the kiosks offer patrons, each in its own words. A patron picks one on the kiosk’s first screen; until then the kiosk speaks the default. Write each topic’s label in these languages below.')}
      </p>
      ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
      <p role="status">${this._notice}</p>
      <fieldset>
        <legend>${msg('Languages the kiosks offer')}</legend>
        <div class="choices">
          ${options.map(
            (tag) =>
              html`<label class="choice"
                ><input
                  type="checkbox"
                  name="languages"
                  value=${tag}
                  .checked=${this._chosen.includes(tag)}
                  @change=${(event: Event) =>
                    this._tick(tag, (event.target as HTMLInputElement).checked)}
                />
                <span lang=${tag}>${ownLanguageName(tag)}</span>
                <span class="hint">${languageName(tag, 'en').replace(/ \(.*\)$/, '')}</span></label
              >`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${msg('Default language')}</legend>
        <div class="choices">
          ${options
            .filter((tag) => this._chosen.includes(tag))
            .map(
              (tag) =>
                html`<label class="choice"
                  ><input
                    type="radio"
                    name="default"
                    value=${tag}
                    .checked=${tag === this._default}
                    @change=${() => (this._default = tag)}
                  />
                  <span lang=${tag}>${ownLanguageName(tag)}</span></label
                >`,
            )}
        </div>
      </fieldset>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this._action.busy}>
          ${msg('Save languages')}
        </button>
      </div>
    </form>`;
  }

  /** The list as it would be sent: the default first, then the others as offered. */
  private _languages(): string[] {
    const options = languageOptions(this.branch?.languages);
    const chosen = options.filter((tag) => this._chosen.includes(tag) && tag !== this._default);
    return this._chosen.includes(this._default) ? [this._default, ...chosen] : chosen;
  }

  private _dirty(): boolean {
    const saved = this.branch?.languages ?? ['en'];
    const now = this._languages();
    return now.length !== saved.length || now.some((tag, i) => tag !== saved[i]);
  }

  private _start(languages: readonly string[]) {
    this._chosen = [...languages];
    this._default = languages[0] ?? 'en';
  }

  private _tick(tag: string, on: boolean) {
    this._chosen = on ? [...this._chosen, tag] : this._chosen.filter((t) => t !== tag);
    // The default must be offered: untick it, and the first one left becomes the default.
    if (!this._chosen.includes(this._default)) {
      const next = languageOptions(this.branch?.languages).find((t) => this._chosen.includes(t));
      if (next) {
        this._default = next;
        const language = ownLanguageName(next);
        this._notice = msg(str`${language} is now the default.`);
      }
    }
  }

  private async _save(event: SubmitEvent) {
    event.preventDefault();
    const branch = this.branch;
    if (!branch) return;
    const languages = this._languages();
    this._notice = '';
    if (!languages.length) {
      this._action.say(msg('Please tick at least one language for the kiosks to offer.'));
      return;
    }
    await this.saveBranch(msg('save the languages'), { languages }, (changed) => {
      const saved = changed.languages ?? languages;
      this._start(saved);
      const branchName = changed.name;
      const offered = saved.map(ownLanguageName).join(', ');
      const first = ownLanguageName(saved[0]!);
      return msg(
        str`Saved. The kiosks at ${branchName} offer ${offered}; ${first} is the default.`,
      );
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-branch-languages': RoveAdminBranchLanguages;
  }
}
