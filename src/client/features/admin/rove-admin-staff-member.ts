// <rove-admin-staff-member>: one person on the staff list, with Edit (skills, branches, name),
// Reset PIN, and Deactivate / Reactivate. Saves through the API itself and fires
// `staff-updated` (detail: the StaffMember as the server now has it).
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { updateStaff, type StaffChanges } from './admin-api.js';
import type { Branch, Skill, StaffMember } from '../../../shared/schemas.js';
import { adminListEntryStyles, adminStyles } from './admin.styles.js';
import { adminAction } from './admin-errors.js';
import { branchName, sayList, skillLabel } from './admin-format.js';
import { languageName } from '../../ui/walk-up/walk-up-format.js';
import './rove-admin-staff-form.js';
import type { StaffFormDetail } from './rove-admin-staff-form.js';
import { msg, str } from '../../core/locale/msg.js';

type Mode = 'view' | 'edit' | 'pin';

@customElement('rove-admin-staff-member')
export class RoveAdminStaffMember extends LitElement {
  static override styles = [
    adminStyles,
    adminListEntryStyles,
    css`
      .name {
        font-weight: 700;
        font-size: 1.15rem;
      }
    `,
  ];

  /** The person shown. */
  @property({ attribute: false }) member!: StaffMember;
  /** All skills, for labels and the edit form. */
  @property({ attribute: false }) skills: Skill[] = [];
  /** All branches, for names and the edit form. */
  @property({ attribute: false }) branches: Branch[] = [];

  @state() private _mode: Mode = 'view';
  @state() private _notice = '';
  /** Saving a change: busy while it goes, and why it failed. */
  private readonly _action = adminAction(this);

  override render() {
    const m = this.member;
    if (!m) return html``;
    const skills = sayList(m.skills.map((id) => skillLabel(this.skills, id)));
    const languages = sayList((m.languages ?? []).map((tag) => languageName(tag)));
    const branches = sayList(m.branchIds.map((id) => branchName(this.branches, id)));
    return html`
      <div class="name">
        ${m.displayName}
        ${m.active ? '' : html`<span class="out-of-use">${msg('(inactive)')}</span>`}
      </div>
      <div>${msg(str`Skills: ${skills}`)}</div>
      <div>${msg(str`Languages: ${languages}`)}</div>
      <div>${msg(str`Branches: ${branches}`)}</div>
      ${this._notice ? html`<p class="notice" role="status">${this._notice}</p>` : ''}
      ${
        this._mode === 'view' && this._action.error
          ? html`<p class="error" role="alert">${this._action.error}</p>`
          : ''
      }
      ${this._renderMode(m)}
    `;
  }

  private _renderMode(m: StaffMember) {
    const name = m.displayName;
    if (this._mode === 'edit') {
      return html`<div class="panel">
        <h4>${msg(str`Edit ${name}`)}</h4>
        <rove-admin-staff-form
          .member=${m}
          .skills=${this.skills}
          .branches=${this.branches}
          .error=${this._action.error}
          .busy=${this._action.busy}
          submit-label=${msg('Save changes')}
          can-cancel
          @staff-form-submit=${this._saveEdit}
          @staff-form-cancel=${this._backToView}
        ></rove-admin-staff-form>
      </div>`;
    }
    if (this._mode === 'pin') {
      return html`<form class="panel" @submit=${this._savePin} novalidate>
        ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
        <div class="field">
          <label for="new-pin"
            >${msg(str`New PIN for ${name}`)}
            <span class="hint">${msg('4 to 8 digits')}</span></label
          >
          <input
            id="new-pin"
            name="pin"
            type="password"
            inputmode="numeric"
            autocomplete="new-password"
            maxlength="8"
          />
        </div>
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this._action.busy}>
            ${msg('Save new PIN')}
          </button>
          <button type="button" @click=${this._backToView}>${msg('Cancel')}</button>
        </div>
      </form>`;
    }
    return html`<div class="row">
      <button type="button" @click=${() => this._open('edit')}>
        ${msg(html`Edit <span class="visually-hidden">${name}</span>`)}
      </button>
      <button type="button" @click=${() => this._open('pin')}>
        ${msg(html`Reset PIN <span class="visually-hidden">for ${name}</span>`)}
      </button>
      <button
        type="button"
        class=${m.active ? 'danger' : ''}
        ?disabled=${this._action.busy}
        @click=${this._toggleActive}
      >
        ${
          m.active
            ? msg(html`Deactivate <span class="visually-hidden">${name}</span>`)
            : msg(html`Reactivate <span class="visually-hidden">${name}</span>`)
        }
      </button>
    </div>`;
  }

  private async _open(mode: Mode) {
    this._mode = mode;
    this._action.say('');
    this._notice = '';
    await this.updateComplete;
    const first =
      mode === 'pin'
        ? this.renderRoot.querySelector<HTMLInputElement>('#new-pin')
        : this.renderRoot.querySelector('rove-admin-staff-form');
    first?.focus();
  }

  private _backToView() {
    this._mode = 'view';
    this._action.say('');
  }

  private _saveEdit(event: CustomEvent<StaffFormDetail>) {
    const { displayName, skills, languages, branchIds } = event.detail;
    void this._save({ displayName, skills, languages, branchIds }, msg('Changes saved.'));
  }

  private _savePin(event: SubmitEvent) {
    event.preventDefault();
    const pin = String(new FormData(event.currentTarget as HTMLFormElement).get('pin') ?? '');
    if (!/^[0-9]{4,8}$/.test(pin.trim())) {
      this._action.say(msg('The PIN must be 4 to 8 digits, numbers only.'));
      return;
    }
    const name = this.member.displayName;
    void this._save({ pin: pin.trim() }, msg(str`${name}'s PIN is changed.`));
  }

  private _toggleActive() {
    const active = !this.member.active;
    const name = this.member.displayName;
    void this._save(
      { active },
      active
        ? msg(str`${name} can sign in again.`)
        : msg(str`${name} is deactivated and signed out.`),
    );
  }

  private async _save(changes: StaffChanges, done: string) {
    this._notice = '';
    const name = this.member.displayName;
    await this._action.run(msg(str`save the changes for ${name}`), async () => {
      const member = await updateStaff(this.member.id, changes);
      this.member = member;
      this._mode = 'view';
      this._notice = done;
      this.dispatchEvent(new CustomEvent('staff-updated', { detail: member, bubbles: true }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-staff-member': RoveAdminStaffMember;
  }
}
