// <rove-sent-walk-ups>: what a greeter sent for a specialist, newest first, each with where it
// stands in words they can pass on ("Kim is on the way"), and, while nobody has it yet, a way to
// cancel it when the patron leaves. Fires `cancel-walk-up` (detail: request id).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, tokens } from '../../ui/shared.styles.js';
import { requestCards, requestMarks } from './request-marks.styles.js';
import { topicLabel } from './request-format.js';
import { sentStatus } from '../../ui/walk-up/walk-up-format.js';
import type { SentWalkUp } from '../../core/db/walk-ups.js';
import type { Skill, Topic } from '../../../shared/schemas.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-sent-walk-ups')
export class RoveSentWalkUps extends LitElement {
  static override styles = [
    tokens,
    controls,
    requestMarks,
    requestCards,
    css`
      :host {
        display: block;
      }
      li.coming {
        border-color: var(--rove-mine-line);
        border-left-width: 10px;
        background: var(--rove-mine);
      }
      .main {
        flex: 1 1 16rem;
        display: grid;
        gap: 0.2rem;
      }
      .ticket {
        font-size: 1.25rem;
        font-weight: 800;
        margin-right: 0.5rem;
      }
      .status {
        font-size: 1.15rem;
        font-weight: 700;
      }
      .where {
        color: var(--rove-muted);
      }
    `,
  ];

  /** The walk-ups this person sent, newest first. */
  @property({ attribute: false }) entries: SentWalkUp[] = [];
  /** The branch's topics (hidden ones too), to name each request's topic. */
  @property({ attribute: false }) topics: Topic[] = [];
  /** Skill names, to say who the patron is waiting for. */
  @property({ attribute: false }) skills: Skill[] = [];

  override render() {
    if (this.entries.length === 0) return nothing;
    return html`<ul aria-label=${msg('Sent for a specialist')}>
      ${this.entries.map((entry) => this._item(entry))}
    </ul>`;
  }

  private _item({ request, unsent }: SentWalkUp) {
    const topic = topicLabel(request.topicId, this.topics);
    const skill =
      this.skills.find((s) => s.id === request.skill)?.label ?? topic ?? msg('this topic');
    const ticket = request.ticket || msg('New');
    const coming = request.status === 'claimed' || request.status === 'serving';
    return html`<li class=${coming ? 'coming' : ''}>
      <div class="main">
        <div><span class="ticket">${ticket}</span>${topic ?? nothing}</div>
        <span class="status">${sentStatus(request, skill, unsent)}</span>
        ${
          request.zone || request.name
            ? html`<span class="where"
                >${[request.zone, request.name].filter(Boolean).join(' · ')}</span
              >`
            : nothing
        }
      </div>
      ${
        request.status === 'waiting'
          ? html`<button
              type="button"
              class="quiet"
              aria-label=${
                request.ticket
                  ? msg(str`The patron left: cancel ${request.ticket}`)
                  : msg('The patron left: cancel this request')
              }
              @click=${() =>
                this.dispatchEvent(
                  new CustomEvent('cancel-walk-up', {
                    detail: request.id,
                    bubbles: true,
                    composed: true,
                  }),
                )}
            >
              ${msg('The patron left')}
            </button>`
          : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-sent-walk-ups': RoveSentWalkUps;
  }
}
