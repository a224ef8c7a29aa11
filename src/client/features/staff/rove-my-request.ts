// <rove-my-request>: a request the signed-in rover holds: who and where, then Start when with
// the patron, Resolve, Release (back to the queue) or Hand off; and a one-tap way to the
// topic's scripts. A patron who asked at a kiosk can be paged there (Page at the kiosk); the
// card says when they answer, and after two minutes offers to close it as not found. Fires
// `request-action` (detail: {action, extra?}).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controls, tokens } from '../../ui/shared.styles.js';
import { ago, fromColleague, pendingText } from './request-format.js';
import { actionsFor } from '../../core/db/pending.js';
import { requestMarks } from './request-marks.styles.js';
import { walkUpLine } from '../../ui/walk-up/walk-up-format.js';
import type { PendingView } from '../../core/db/pending.js';
import type { Skill, Topic } from '../../../shared/schemas.js';
import type { RequestAction } from '../../../shared/request-machine.js';
import './rove-resolve-form.js';
import './rove-hand-off-form.js';
import { msg, str } from '../../core/locale/msg.js';

/** How long the kiosk shows a page; after it, the rover may close the request as not found. */
const PAGE_MS = 2 * 60_000;

export interface RequestActionDetail {
  requestId: string;
  action: RequestAction;
  extra?: Record<string, unknown>;
}

@customElement('rove-my-request')
export class RoveMyRequest extends LitElement {
  static override styles = [
    tokens,
    controls,
    requestMarks,
    css`
      :host {
        display: block;
        padding: 1rem 1.25rem;
        background: var(--rove-card);
        border: 3px solid var(--rove-primary);
        border-radius: var(--rove-radius);
      }
      h3 {
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: baseline;
      }
      .ticket {
        font-size: 1.75rem;
      }
      .state {
        font-size: 1.2rem;
        font-weight: 700;
        color: var(--rove-primary);
        margin: 0.5rem 0;
      }
      p {
        margin: 0.25rem 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin: 1rem 0;
      }
      rove-resolve-form,
      rove-hand-off-form {
        margin-top: 1rem;
      }
    `,
  ];

  /** The request, as it will be once the outbox is sent. */
  @property({ attribute: false }) entry?: PendingView;
  /** The request's topic, for its name and its scripts link. */
  @property({ attribute: false }) topic?: Topic;
  /** Skills to hand off to. */
  @property({ attribute: false }) skills: Skill[] = [];
  /** Now, in epoch ms, for how long the patron has waited. */
  @property({ type: Number }) now = Date.now();

  @state() private _form?: 'resolve' | 'hand-off';

  private _act(action: RequestAction, extra?: Record<string, unknown>) {
    if (!this.entry) return;
    this._form = undefined;
    const detail: RequestActionDetail = { requestId: this.entry.request.id, action, extra };
    this.dispatchEvent(
      new CustomEvent('request-action', { detail, bubbles: true, composed: true }),
    );
  }

  /** Where a page stands: waiting for the patron, answered, or long unanswered. */
  private _paging() {
    const request = this.entry?.request;
    if (!request) return nothing;
    if (request.patronHereAt && !request.pagedAt)
      return html`<p class="state" role="status">
        ${msg(str`The patron is at the kiosk (${ago(request.patronHereAt, this.now)}).`)}
      </p>`;
    if (!request.pagedAt) return nothing;
    const unanswered = this.now - Date.parse(request.pagedAt) >= PAGE_MS;
    return html`<p role="status">
        ${
          unanswered
            ? msg('Nobody answered the page at the kiosk.')
            : msg(
                str`Paging at the kiosk (${ago(request.pagedAt, this.now)}): waiting for the patron.`,
              )
        }
      </p>
      ${
        unanswered
          ? html`<button
              type="button"
              class="quiet"
              @click=${() => this._act('resolve', { outcome: 'no-show' })}
            >
              ${msg('Close: patron not found')}
            </button>`
          : nothing
      }`;
  }

  override render() {
    if (!this.entry) return nothing;
    const { request, pending } = this.entry;
    const serving = request.status === 'serving';
    // The buttons are the actions the shared rules allow its claimer (who sees this card).
    const can = new Set(actionsFor(request, request.claimedBy));
    // Unknown until the tablet holds the topic: say nothing rather than its id.
    const topic = this.topic?.label;
    // Taken at once by the one holding it: no need to say who sent it.
    const kept = request.createdBy?.id === request.claimedBy?.id;
    const walkUp = walkUpLine(kept ? { ...request, createdBy: undefined } : request);
    return html`<h3>
        <span class="ticket">${request.ticket || msg('New')}</span
        >${topic ? html`<span>${topic}</span>` : nothing}
        ${request.needs.includes('private') ? html`<span class="badge quiet-word">${msg('Quiet word')}</span>` : nothing}
      </h3>
      <p class="state">${serving ? msg('With the patron') : msg('On my way')}</p>
      ${request.name ? html`<p>${msg(str`Find them: ${request.name}`)}</p>` : nothing}
      ${walkUp ? html`<p>${walkUp}</p>` : nothing}
      ${request.note ? html`<p>${request.note}</p>` : nothing}
      ${request.handoff?.note ? html`<p>${fromColleague(request.handoff)}</p>` : nothing}
      <p>${msg(str`Asked ${ago(request.createdAt, this.now)}`)}</p>
      ${
        request.followedAt
          ? html`<p>${msg('Follows this on their phone: they may be browsing nearby.')}</p>`
          : nothing
      }
      ${this._paging()}
      ${pending.length ? html`<p class="pending">${pendingText(pending)}</p>` : nothing}
      <div class="actions">
        ${can.has('start') ? html`<button type="button" @click=${() => this._act('start')}>${msg('Start')}</button>` : nothing}
        ${can.has('resolve') ? html`<button type="button" @click=${() => (this._form = 'resolve')}>${msg('Resolve')}</button>` : nothing}
        ${
          can.has('transfer')
            ? html`<button type="button" class="quiet" @click=${() => (this._form = 'hand-off')}>
                ${msg('Hand off')}
              </button>`
            : nothing
        }
        ${
          can.has('page') && request.origin !== 'walk-up'
            ? html`<button type="button" class="quiet" @click=${() => this._act('page')}>
                ${request.pagedAt ? msg('Page again') : msg('Page at the kiosk')}
              </button>`
            : nothing
        }
        ${
          can.has('release')
            ? html`<button type="button" class="quiet" @click=${() => this._act('release')}>
                ${msg('Release')}
              </button>`
            : nothing
        }
        <a class="button quiet" href="/scripts?topic=${encodeURIComponent(request.topicId)}"
          >${topic ? msg(str`Scripts for ${topic}`) : msg('Scripts for this request')}</a
        >
      </div>
      ${
        this._form === 'resolve'
          ? html`<rove-resolve-form
              @resolve=${(e: CustomEvent<Record<string, unknown>>) => this._act('resolve', e.detail)}
              @back=${() => (this._form = undefined)}
            ></rove-resolve-form>`
          : nothing
      }
      ${
        this._form === 'hand-off'
          ? html`<rove-hand-off-form
              .skills=${this.skills}
              current=${request.skill}
              @hand-off=${(e: CustomEvent<Record<string, unknown>>) => this._act('transfer', e.detail)}
              @back=${() => (this._form = undefined)}
            ></rove-hand-off-form>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-my-request': RoveMyRequest;
  }
}
