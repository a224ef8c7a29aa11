// <rove-enroll-view>: opened from a supervisor's `/enroll?code=` link; makes this browser a
// kiosk or tablet of the branch (the server sets the device cookie), then goes home.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { AsyncAction } from '../../core/async-action.js';
import { ApiError } from '../../core/http.js';
import { enrollThisDevice } from '../../core/sync/enroll.js';
import { navigate } from '../../core/router.js';
import { controls, plainPage, tokens } from '../../ui/shared.styles.js';
import { msg } from '../../core/locale/msg.js';

@customElement('rove-enroll-view')
export class RoveEnrollView extends LitElement {
  static override styles = [
    tokens,
    controls,
    plainPage,
    css`
      section {
        max-width: 36rem;
        margin: 0 auto;
        font-size: 1.25rem;
      }
    `,
  ];

  /** The one-time enrollment code from the link. */
  @property() code = '';

  /** Enrolling: why it did not work, in words. */
  private readonly _action = new AsyncAction(this, (error) => explain(error));
  private _tried?: string;

  override willUpdate(): void {
    if (this.code && this._tried !== this.code) {
      this._tried = this.code;
      void this._enroll();
    }
  }

  private async _enroll() {
    await this._action.run(msg('enroll this device'), async () => {
      await enrollThisDevice(this.code);
      navigate('/', { replace: true });
    });
  }

  override render() {
    return html`<section>
      <h1>${msg('Setting up this device')}</h1>
      ${
        !this.code
          ? html`<p role="alert">
              ${msg('This link has no enrollment code. Ask a supervisor for a new enrollment link.')}
            </p>`
          : this._action.error
            ? html`<p role="alert">${this._action.error}</p>
                <button type="button" @click=${() => void this._enroll()}>
                  ${msg('Try again')}
                </button>`
            : html`<p role="status">
                ${msg('One moment: enrolling this device with the library…')}
              </p>`
      }
    </section>`;
  }
}

function explain(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isOffline) return msg('The library server could not be reached. Check the network.');
    if (error.status === 404 || error.status === 401 || error.status === 410) {
      return msg(
        'This enrollment link has expired or was already used. Ask a supervisor for a new one.',
      );
    }
    return error.message;
  }
  return msg('Something went wrong while enrolling this device.');
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-enroll-view': RoveEnrollView;
  }
}
