// <rove-admin-staff>: everyone on staff, with a form to add someone (name, PIN, skills,
// branches). Each person's edits live in <rove-admin-staff-member>.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { addStaff, listBranches, listSkills, listStaff } from './admin-api.js';
import type { Branch, Skill, StaffMember } from '../../../shared/schemas.js';
import './rove-admin-staff-form.js';
import type { RoveAdminStaffForm, StaffFormDetail } from './rove-admin-staff-form.js';
import './rove-admin-staff-member.js';
import { adminStyles } from './admin.styles.js';
import { adminAction } from './admin-errors.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-admin-staff')
export class RoveAdminStaff extends LitElement {
  static override styles = adminStyles;

  @state() private _staff: StaffMember[] = [];
  @state() private _skills: Skill[] = [];
  @state() private _branches: Branch[] = [];
  @state() private _notice = '';
  /** Loading the list: busy until it is here, and why it could not be. */
  private readonly _listing = adminAction(this);
  /** Adding someone: busy while it goes, and why it failed. */
  private readonly _adding = adminAction(this);

  override connectedCallback() {
    super.connectedCallback();
    void this._load();
  }

  override render() {
    return html`
      <h2>${msg('Staff')}</h2>
      ${this._listing.error ? html`<p class="error" role="alert">${this._listing.error}</p>` : ''}
      <section class="panel" aria-labelledby="people-heading">
        <h3 id="people-heading">${msg('People')}</h3>
        ${
          this._listing.busy
            ? html`<p role="status">${msg('Loading staff…')}</p>`
            : this._staff.length
              ? html`<ul class="plain" aria-label=${msg('Staff members')}>
                  ${repeat(
                    this._staff,
                    (member) => member.id,
                    (member) =>
                      html`<li>
                        <rove-admin-staff-member
                          .member=${member}
                          .skills=${this._skills}
                          .branches=${this._branches}
                          @staff-updated=${this._onUpdated}
                        ></rove-admin-staff-member>
                      </li>`,
                  )}
                </ul>`
              : html`<p>${msg('No staff yet. Add the first person below.')}</p>`
        }
      </section>
      <section class="panel" aria-labelledby="add-heading">
        <h3 id="add-heading">${msg('Add a staff member')}</h3>
        ${this._notice ? html`<p class="notice" role="status">${this._notice}</p>` : ''}
        <rove-admin-staff-form
          ask-pin
          submit-label=${msg('Add staff member')}
          .skills=${this._skills}
          .branches=${this._branches}
          .error=${this._adding.error}
          .busy=${this._adding.busy}
          @staff-form-submit=${this._add}
        ></rove-admin-staff-form>
      </section>
    `;
  }

  private async _load() {
    await this._listing.run(msg('load the staff list'), async () => {
      const [staff, skills, branches] = await Promise.all([
        listStaff(),
        listSkills(),
        listBranches(),
      ]);
      this._staff = byName(staff);
      this._skills = skills;
      this._branches = branches;
    });
  }

  private async _add(event: CustomEvent<StaffFormDetail>) {
    const form = event.target as RoveAdminStaffForm;
    const { displayName, pin = '', skills, languages, branchIds } = event.detail;
    this._notice = '';
    await this._adding.run(msg(str`add ${displayName}`), async () => {
      const member = await addStaff({ displayName, pin, skills, languages, branchIds });
      this._staff = byName([...this._staff, member]);
      form.reset();
      const added = member.displayName;
      this._notice = msg(str`${added} is added and can sign in on a tablet with their PIN.`);
    });
  }

  private _onUpdated(event: CustomEvent<StaffMember>) {
    const changed = event.detail;
    this._staff = byName(this._staff.map((m) => (m.id === changed.id ? changed : m)));
  }
}

function byName(staff: StaffMember[]): StaffMember[] {
  return [...staff].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-staff': RoveAdminStaff;
  }
}
