// <rove-staff-sign-in>: a tablet's sign-in: tap your name, type your PIN, Sign in.
// Fires `sign-in` (detail: {staffId, pin}); the view answers by setting `problem` or moving on.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { controls, tokens } from '../../ui/shared.styles.js';
import type { StaffName } from '../../../shared/schemas.js';
import { msg } from '../../core/locale/msg.js';

@customElement('rove-staff-sign-in')
export class RoveStaffSignIn extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        max-width: 44rem;
        margin: 0 auto;
        padding: 1.5rem 1.25rem;
        font-size: 1.2rem;
      }
      h1 {
        color: var(--rove-primary);
        margin-top: 0;
      }
      ul {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      ul button {
        min-width: 9rem;
        min-height: 64px;
        font-size: 1.25rem;
        background: var(--rove-card);
        color: var(--rove-primary);
      }
      ul button[aria-pressed='true'] {
        background: var(--rove-primary);
        color: var(--rove-primary-ink);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 1rem;
        margin-top: 1.5rem;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.35rem;
        font-weight: 600;
      }
      input {
        font-size: 1.5rem;
        width: 10rem;
        letter-spacing: 0.2em;
      }
      [role='alert'] {
        color: var(--rove-warn);
        font-weight: 600;
      }
    `,
  ];

  /** The staff of this tablet's branch, by name. */
  @property({ attribute: false }) staff: StaffName[] = [];
  /** What went wrong with the last try, in words. */
  @property() problem = '';
  /** True while a sign-in is on its way. */
  @property({ type: Boolean }) busy = false;

  @state() private _chosen?: StaffName;
  @query('input') private _pin?: HTMLInputElement;

  private _choose(person: StaffName) {
    this._chosen = person;
    this.problem = '';
    void this.updateComplete.then(() => this._pin?.focus());
  }

  private _submit(event: Event) {
    event.preventDefault();
    const pin = this._pin?.value ?? '';
    if (!this._chosen) return;
    if (!/^[0-9]{4,8}$/.test(pin)) {
      this.problem = msg('A PIN is 4 to 8 digits.');
      return;
    }
    this.dispatchEvent(
      new CustomEvent('sign-in', {
        detail: { staffId: this._chosen.id, pin },
        bubbles: true,
        composed: true,
      }),
    );
    if (this._pin) this._pin.value = '';
  }

  override render() {
    return html`<h1>${msg('Who is signing in?')}</h1>
      ${
        this.staff.length === 0
          ? html`<p>
              ${msg('No staff are set up for this branch yet. Ask a supervisor to add you.')}
            </p>`
          : html`<ul aria-label=${msg('Staff')}>
              ${this.staff.map(
                (person) =>
                  html`<li>
                    <button
                      type="button"
                      aria-pressed=${this._chosen?.id === person.id ? 'true' : 'false'}
                      @click=${() => this._choose(person)}
                    >
                      ${person.displayName}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      ${
        this._chosen
          ? html`<form @submit=${this._submit}>
              <label>
                ${msg('PIN')}
                <input
                  type="password"
                  inputmode="numeric"
                  autocomplete="off"
                  maxlength="8"
                  name="pin"
                />
              </label>
              <button type="submit" ?disabled=${this.busy}>${msg('Sign in')}</button>
            </form>`
          : nothing
      }
      ${this.problem ? html`<p role="alert">${this.problem}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-staff-sign-in': RoveStaffSignIn;
  }
}
