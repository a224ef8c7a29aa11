// <rove-presence-control>: the rover's own state, in the tablet's header. One tap goes on a
// break and one tap comes back; where they are (the branch's zones) and "off the floor" are
// beside it. It shows what the server last confirmed and fires `presence-change` (detail:
// {state, zone?}); the screen sends it and says if it could not.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, tokens } from '../../ui/shared.styles.js';
import type { Presence, PresenceState } from '../../../shared/schemas.js';
import { msg } from '../../core/locale/msg.js';

export interface PresenceChange {
  state: PresenceState;
  /** Absent: keep the zone; null: no zone. */
  zone?: string | null;
}

/** The `<select>`'s value for "no zone". */
const NO_ZONE = '';

@customElement('rove-presence-control')
export class RovePresenceControl extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
      }
      .state {
        font-weight: 700;
      }
      .state.break,
      .state.away {
        color: var(--rove-warn);
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
      }
    `,
  ];

  /** My presence as last heard; undefined before the first word from the server. */
  @property({ attribute: false }) presence?: Presence;
  /** The branch's zones, in the supervisor's order. */
  @property({ attribute: false }) zones: string[] = [];
  /** While a change is being sent: the controls wait. */
  @property({ type: Boolean }) busy = false;

  private _send(change: PresenceChange) {
    this.dispatchEvent(
      new CustomEvent<PresenceChange>('presence-change', {
        detail: change,
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _zone(event: Event) {
    const value = (event.target as HTMLSelectElement).value;
    this._send({ state: this.presence?.state ?? 'available', zone: value || null });
  }

  override render() {
    const state = this.presence?.state ?? 'available';
    const zone = this.presence?.zone ?? null;
    // A zone the supervisor has since removed still shows, so the select never lies.
    const zones = zone && !this.zones.includes(zone) ? [...this.zones, zone] : this.zones;
    return html`<div class="row" role="group" aria-label=${msg('My status')}>
      <span class="state ${state}" aria-live="polite">${stateWords(state)}</span>
      ${
        state === 'available'
          ? html`<button
              type="button"
              ?disabled=${this.busy}
              @click=${() => this._send({ state: 'break' })}
            >
              ${msg('Take a break')}
            </button>`
          : html`<button
              type="button"
              ?disabled=${this.busy}
              @click=${() => this._send({ state: 'available' })}
            >
              ${msg('Back on the floor')}
            </button>`
      }
      ${
        state !== 'away'
          ? html`<button
              type="button"
              class="quiet"
              ?disabled=${this.busy}
              @click=${() => this._send({ state: 'away' })}
            >
              ${msg('Off the floor')}
            </button>`
          : nothing
      }
      ${
        zones.length
          ? html`<label
              >${msg('Where I am')}
              <select ?disabled=${this.busy} @change=${this._zone}>
                <option value=${NO_ZONE} ?selected=${zone === null}>${msg('Anywhere')}</option>
                ${zones.map((z) => html`<option value=${z} ?selected=${z === zone}>${z}</option>`)}
              </select></label
            >`
          : nothing
      }
    </div>`;
  }
}

/** The tablet's own state, as its header says it. */
function stateWords(state: PresenceState): string {
  if (state === 'available') return msg('On the floor');
  return state === 'break' ? msg('On a break') : msg('Off the floor');
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-presence-control': RovePresenceControl;
  }
}
