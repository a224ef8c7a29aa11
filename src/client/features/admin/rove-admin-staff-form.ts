// <rove-admin-staff-form>: the fields of one staff member (display name, PIN when asked,
// skills, the languages they can help patrons in, and branches as checkboxes), checked before
// anything is sent.
// Fires `staff-form-submit` with detail {displayName, pin?, skills, languages, branchIds}, and
// `staff-form-cancel` when Cancel is shown and pressed.
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Branch, Skill, StaffMember } from '../../../shared/schemas.js';
import { adminStyles } from './admin.styles.js';
import { languageChoices, languageName } from '../../ui/walk-up/walk-up-format.js';
import { skillChoices } from './skill-choices.js';
import { msg } from '../../core/locale/msg.js';

export interface StaffFormDetail {
  displayName: string;
  pin?: string;
  skills: string[];
  /** BCP 47 tags, as a walk-up or kiosk request names the patron's language. */
  languages: string[];
  branchIds: string[];
}

const PIN_PATTERN = /^[0-9]{4,8}$/;

@customElement('rove-admin-staff-form')
export class RoveAdminStaffForm extends LitElement {
  static override styles = adminStyles;
  // focus() on the element lands on its first field (used when an edit opens).
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Every skill: the current ones are offered, a retired one only where the person has it. */
  @property({ attribute: false }) skills: Skill[] = [];
  /** Branches to offer as checkboxes. */
  @property({ attribute: false }) branches: Branch[] = [];
  /** The person being edited; absent when adding someone new. */
  @property({ attribute: false }) member?: StaffMember;
  /** Show the PIN field (adding someone new). */
  @property({ type: Boolean, attribute: 'ask-pin' }) askPin = false;
  /** Show a Cancel button next to the submit button. */
  @property({ type: Boolean, attribute: 'can-cancel' }) canCancel = false;
  /** Words on the submit button (empty: "Save" in the current language). */
  @property({ attribute: 'submit-label' }) submitLabel = '';
  /** The server's complaint about the last try, said in words by the parent. */
  @property() error = '';
  /** True while the parent is saving. */
  @property({ type: Boolean }) busy = false;

  @state() private _problem = '';

  override render() {
    const member = this.member;
    const message = this._problem || this.error;
    const id = member?.id ?? 'new';
    return html`
      <form @submit=${this._submit} novalidate>
        ${message ? html`<p class="error" role="alert">${message}</p>` : ''}
        <div class="field">
          <label for="name-${id}"
            >${msg('Display name')} <span class="hint">${msg('As tablets show it')}</span></label
          >
          <input
            id="name-${id}"
            name="displayName"
            maxlength="60"
            autocomplete="off"
            .value=${member?.displayName ?? ''}
          />
        </div>
        ${
          this.askPin
            ? html`<div class="field">
                <label for="pin-${id}"
                  >${msg('PIN')} <span class="hint">${msg('4 to 8 digits')}</span></label
                >
                <input
                  id="pin-${id}"
                  name="pin"
                  type="password"
                  inputmode="numeric"
                  autocomplete="new-password"
                  maxlength="8"
                />
              </div>`
            : ''
        }
        <fieldset>
          <legend>${msg('Skills')}</legend>
          <div class="choices">
            ${skillChoices(this.skills, member?.skills).map(
              (skill) =>
                html`<label class="choice"
                  ><input
                    type="checkbox"
                    name="skills"
                    value=${skill.id}
                    .checked=${member?.skills.includes(skill.id) ?? false}
                  />
                  ${skill.label}</label
                >`,
            )}
          </div>
        </fieldset>
        <fieldset aria-describedby="languages-hint-${id}">
          <legend>${msg('Languages they can help patrons in')}</legend>
          <span class="hint" id="languages-hint-${id}"
            >${msg('Besides the one most patrons here speak. Tablets suggest them for a patron who asked in one of these.')}</span
          >
          <div class="choices">
            ${this._languages().map(
              (language) =>
                html`<label class="choice"
                  ><input
                    type="checkbox"
                    name="languages"
                    value=${language.tag}
                    .checked=${member?.languages?.includes(language.tag) ?? false}
                  />
                  ${language.label}</label
                >`,
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>${msg('Branches they work at')}</legend>
          <div class="choices">
            ${this.branches.map(
              (branch) =>
                html`<label class="choice"
                  ><input
                    type="checkbox"
                    name="branchIds"
                    value=${branch.id}
                    .checked=${
                      member ? member.branchIds.includes(branch.id) : this.branches.length === 1
                    }
                  />
                  ${branch.name}</label
                >`,
            )}
          </div>
        </fieldset>
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.busy}>
            ${this.submitLabel || msg('Save')}
          </button>
          ${
            this.canCancel
              ? html`<button type="button" @click=${this._cancel}>${msg('Cancel')}</button>`
              : ''
          }
        </div>
      </form>
    `;
  }

  /** The languages a tablet offers for patrons, and any other this person already has. */
  private _languages(): { tag: string; label: string }[] {
    const offered = languageChoices();
    const others = (this.member?.languages ?? [])
      .filter((tag) => !offered.some((language) => language.tag === tag))
      .map((tag) => ({ tag, label: languageName(tag) }));
    return [...offered, ...others];
  }

  /** Empty the fields after a successful add. */
  reset() {
    this.renderRoot.querySelector('form')?.reset();
    this._problem = '';
  }

  private _submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const detail: StaffFormDetail = {
      displayName: String(data.get('displayName') ?? '').trim(),
      skills: data.getAll('skills').map(String),
      languages: data.getAll('languages').map(String),
      branchIds: data.getAll('branchIds').map(String),
    };
    if (this.askPin) detail.pin = String(data.get('pin') ?? '').trim();
    this._problem = check(detail);
    if (this._problem) return;
    this.dispatchEvent(new CustomEvent('staff-form-submit', { detail, bubbles: true }));
  }

  private _cancel() {
    this.dispatchEvent(new CustomEvent('staff-form-cancel', { bubbles: true }));
  }
}

function check(detail: StaffFormDetail): string {
  if (!detail.displayName) return msg('Please enter a display name.');
  if (detail.pin !== undefined && !PIN_PATTERN.test(detail.pin)) {
    return msg('The PIN must be 4 to 8 digits, numbers only.');
  }
  if (!detail.branchIds.length) return msg('Please tick at least one branch.');
  return '';
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-staff-form': RoveAdminStaffForm;
  }
}
