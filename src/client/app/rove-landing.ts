// <rove-landing>: what a browser that is not a kiosk, tablet or signed-in supervisor sees at
// `/`: what Rove is, how to set this device up, and the ways in that need no enrollment.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, plainPage, tokens } from '../ui/shared.styles.js';
import { msg } from '../core/locale/msg.js';

@customElement('rove-landing')
export class RoveLanding extends LitElement {
  static override styles = [
    tokens,
    controls,
    plainPage,
    css`
      article {
        max-width: 40rem;
        margin: 0 auto;
      }
      h1 {
        font-size: 2.25rem;
        margin: 0 0 0.5rem;
      }
      p {
        font-size: 1.2rem;
      }
      .setup {
        padding: 1rem 1.25rem;
        border-left: 6px solid var(--rove-primary);
        background: var(--rove-card);
      }
      nav ul {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
    `,
  ];

  /** Set when the address matched no screen, to say so first. */
  @property({ type: Boolean }) missing = false;

  override render() {
    return html`<article>
      ${this.missing ? html`<p role="alert">${msg('There is no page at this address.')}</p>` : ''}
      <h1>${msg('Rove')}</h1>
      <p>
        ${msg('Rove helps a library come to its visitors: a patron taps “Ask me” on the lobby kiosk, and a member of staff with a tablet walks over to help.')}
      </p>
      <p class="setup">
        ${msg('This device is not set up yet: ask a supervisor for an enrollment link to make it a kiosk or a staff tablet.')}
      </p>
      <nav aria-label=${msg('Other ways in')}>
        <ul>
          <li><a class="button" href="/scripts">${msg('Scripts')}</a></li>
          <li><a class="button quiet" href="/admin">${msg('Supervisor sign-in')}</a></li>
        </ul>
      </nav>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-landing': RoveLanding;
  }
}
