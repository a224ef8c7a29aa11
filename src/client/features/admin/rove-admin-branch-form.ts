// <rove-admin-branch-form>: add a branch by name. Its id (used in links and the API) is made
// from the name. Fires `branch-added` (detail: Branch) once the server has it; a new branch
// starts with the starter topics.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { addBranch } from './admin-api.js';
import type { Branch } from '../../../shared/schemas.js';
import { adminStyles } from './admin.styles.js';
import { adminAction } from './admin-errors.js';
import { msg, str } from '../../core/locale/msg.js';

/** "East Side Branch" -> "east-side-branch": the id a branch gets from its name. */
export function branchIdFor(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

@customElement('rove-admin-branch-form')
export class RoveAdminBranchForm extends LitElement {
  static override styles = adminStyles;

  @state() private _notice = '';
  private readonly _action = adminAction(this);

  override render() {
    return html`<form
      class="panel"
      aria-labelledby="branch-heading"
      @submit=${this._add}
      novalidate
    >
      <h3 id="branch-heading">${msg('Add a branch')}</h3>
      ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
      <p role="status">${this._notice}</p>
      <div class="field">
        <label for="branch-name"
          >${msg('Branch name')}
          <span class="hint">${msg('It starts with the usual topics')}</span></label
        >
        <input id="branch-name" name="name" maxlength="120" />
      </div>
      <button type="submit" ?disabled=${this._action.busy}>${msg('Add branch')}</button>
    </form>`;
  }

  private async _add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    const id = branchIdFor(name);
    if (!name || !id) {
      this._action.say(msg('Please enter the branch name, using at least one letter or number.'));
      return;
    }
    this._notice = '';
    await this._action.run(msg(str`add ${name}`), async () => {
      const branch: Branch = await addBranch(id, name);
      form.reset();
      const added = branch.name;
      this._notice = msg(str`${added} is added.`);
      this.dispatchEvent(new CustomEvent('branch-added', { detail: branch, bubbles: true }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-branch-form': RoveAdminBranchForm;
  }
}
