// <rove-floor-list>: who else is on the floor, above the queue: each colleague's name, state,
// zone, whether they are with a patron, and whether their tablet has gone quiet. Offline it
// shows the list as last heard, with its age (`asOf`), like the queue.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { tokens } from '../../ui/shared.styles.js';
import type { Presence } from '../../../shared/schemas.js';
import { plural } from '../../core/words/index.js';
import { presenceWords } from './floor-words.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-floor-list')
export class RoveFloorList extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.4rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      li {
        padding: 0.4rem 0.75rem;
        border: 2px solid var(--rove-line);
        border-radius: var(--rove-radius);
        background: var(--rove-card);
      }
      li.away {
        border-style: dashed;
        color: var(--rove-muted);
      }
      .name {
        font-weight: 700;
        margin-right: 0.4rem;
      }
      .empty,
      .as-of {
        color: var(--rove-muted);
        margin: 0;
      }
    `,
  ];

  /** Everyone signed in on the branch, as last heard. */
  @property({ attribute: false }) floor: Presence[] = [];
  /** Me: left out of the list (my own state is in the header). */
  @property() selfId?: string;
  /** When offline: how old the list is, in words ("as of 10:42"); empty when live. */
  @property() asOf = '';

  override render() {
    const others = this.floor.filter((p) => p.staffId !== this.selfId);
    return html`<section aria-labelledby="floor-title">
      <h2 id="floor-title">${onTheFloor(others.length)}</h2>
      ${this.asOf ? html`<p class="as-of">${this.asOf}</p>` : nothing}
      ${
        others.length === 0
          ? html`<p class="empty">${msg('Nobody else is signed in right now.')}</p>`
          : html`<ul aria-label=${msg('Colleagues on the floor')}>
              ${others.map(
                (p) =>
                  html`<li class=${p.state === 'available' && !p.silent ? '' : 'away'}>
                    <span class="name">${p.displayName}</span>${presenceWords(p)}
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-floor-list': RoveFloorList;
  }
}

/** "On the floor: 1 colleague", "On the floor: 3 colleagues". */
function onTheFloor(n: number): string {
  return plural(n, msg(str`On the floor: ${n} colleague`), msg(str`On the floor: ${n} colleagues`));
}
