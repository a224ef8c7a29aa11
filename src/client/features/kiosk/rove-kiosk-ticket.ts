// <rove-kiosk-ticket>: what the patron sees after Send: the ticket code in large type, where
// they are in line and roughly how long, then who is coming and when they are here. Never shows
// what the patron typed. Fires `cancel-request` from its Cancel button. While the request is
// open and the server gave a follow link, a QR code of it sits beside the ticket.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '../../core/locale/msg.js';
import { controls, tokens } from '../../ui/shared.styles.js';
import { kioskButtons } from './kiosk.styles.js';
import type { KioskRequestView, SeenHelper } from '../../core/db/kiosk.js';
import type { HelpRequest } from '../../../shared/schemas.js';
import { deskPlaceSentence } from './desk-words.js';
import { plural } from '../../core/words/index.js';
import { SOURCE_LOCALE, formatNumber, getLocale } from '../../core/locale/index.js';
import './rove-follow-qr.js';

interface LinePlace {
  position: number;
  estimateMinutes: number;
}

@localized()
@customElement('rove-kiosk-ticket')
export class RoveKioskTicket extends LitElement {
  static override styles = [
    tokens,
    controls,
    kioskButtons,
    css`
      :host {
        display: block;
        font-size: 1.6rem;
        text-align: center;
      }
      .ticket {
        font-size: 1.6rem;
        margin: 0 0 1.5rem;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        align-items: center;
        gap: 1rem 3rem;
        margin-block-end: 1.5rem;
      }
      .top .ticket {
        margin: 0;
      }
      .ticket span {
        display: block;
        font-weight: 400;
        font-size: 1.4rem;
        color: var(--rove-muted);
      }
      .ticket strong {
        display: block;
        font-size: 6rem;
        line-height: 1.1;
        letter-spacing: 0.05em;
        color: var(--rove-primary);
      }
      .status {
        font-size: 2.4rem;
        font-weight: 700;
        margin: 0 0 0.75rem;
      }
      .detail {
        margin: 0 0 1rem;
      }
      .offline,
      .long-wait {
        text-align: start;
        padding: 1rem 1.25rem;
        border-inline-start: 6px solid var(--rove-warn);
        background: var(--rove-warn-bg);
        color: var(--rove-warn);
      }
      button {
        margin-block-start: 2rem;
      }
    `,
  ];

  /** The patron's request as this kiosk knows it. */
  @property({ attribute: false }) view?: KioskRequestView;
  /** Where it stands in the branch's line (from the kiosk stream), when known. */
  @property({ attribute: false }) place?: LinePlace;
  /** Who the patron was last told was coming (the kiosk view remembers it). */
  @property({ attribute: false }) helper?: SeenHelper;
  /** The topic's label, e.g. "Technology". */
  @property() topicLabel = '';
  /** Where the branch's service desk is ("on the ground floor"), when a supervisor wrote it. */
  @property() serviceDesk?: string;

  override render() {
    const view = this.view;
    if (!view) return nothing;
    const { request, unsent } = view;
    const cancellable = request.status === 'waiting' || request.status === 'claimed';
    const cancelling = view.pending.includes('cancel');
    const heading = request.ticket
      ? html`<h1 class="ticket">
          <span>${msg('Your ticket')}</span><strong>${request.ticket}</strong>
        </h1>`
      : html`<h1 class="visually-hidden">${msg('Your request')}</h1>`;
    // The phone can follow only what is still open (and never a cancel on its way).
    const followUrl = cancellable && !cancelling ? withLanguage(view.followUrl) : undefined;
    return html`
      ${
        followUrl
          ? html`<div class="top">
              ${heading}<rove-follow-qr url=${followUrl}></rove-follow-qr>
            </div>`
          : heading
      }
      <div role="status">${this._status(view)}</div>
      ${
        unsent
          ? html`<p class="offline">
              ${msg(
                "This kiosk is offline, so staff may not see your request yet. We'll send it the moment the connection is back. If you'd rather not wait, the service desk can help you now.",
              )}
              ${deskPlaceSentence(this.serviceDesk)}
            </p>`
          : nothing
      }
      ${
        cancellable && !cancelling
          ? html`<button
              type="button"
              class="quiet"
              @click=${() =>
                this.dispatchEvent(
                  new CustomEvent('cancel-request', { bubbles: true, composed: true }),
                )}
            >
              ${msg('Cancel request')}
            </button>`
          : nothing
      }
    `;
  }

  private _status(view: KioskRequestView) {
    const { request } = view;
    const who = request.claimedBy?.displayName;
    const label = this.topicLabel;
    const topic = label ? html`<p class="detail">${msg(str`Topic: ${label}`)}</p>` : nothing;
    if (view.pending.includes('cancel') || request.status === 'cancelled') {
      return html`<p class="status">${msg('Your request is cancelled.')}</p>`;
    }
    const someone = who ?? msg('Someone');
    if (request.status === 'claimed') {
      const found = !request.patronHereAt
        ? msg('Stay where you are: they will find you.')
        : who
          ? msg(str`Thanks: ${who} knows you are here.`)
          : msg('Thanks: they know you are here.');
      return html`<p class="status">${msg(str`${someone} is on the way.`)}</p>
        <p class="detail">${found}</p>`;
    }
    if (request.status === 'serving') {
      return html`<p class="status">${msg(str`${someone} is with you.`)}</p>`;
    }
    if (request.status === 'done') return html`<p class="status">${msg('All done.')}</p>`;
    if (view.unsent) {
      return html`<p class="status">${msg('Waiting to send your request.')}</p>
        ${topic}`;
    }
    const back = request.version > 1 ? this._backInLine(request) : undefined;
    return html`${
      back ?? html`<p class="status">${msg('Waiting for the next free staff member.')}</p>`
    }
    ${this._place()}${topic}${request.escalatedAt ? this._longWait() : nothing}`;
  }

  /** The server told staff this patron has waited too long: say so, and offer the desk. */
  private _longWait() {
    return html`<p class="long-wait">
      ${msg(
        "This is taking longer than usual, sorry. Staff have been reminded that you are waiting. If you'd rather not wait, the service desk can help you now.",
      )}
      ${deskPlaceSentence(this.serviceDesk)}
    </p>`;
  }

  /**
   * Waiting again after someone held it: handed on to a colleague (a hand-off newer than the
   * one behind the last person seen coming), or that person was called away (a release).
   */
  private _backInLine(request: HelpRequest) {
    const seen = this.helper?.requestId === request.id ? this.helper : undefined;
    if (request.handoff && request.handoff.at !== seen?.handoffAt) {
      const helper = seen?.displayName;
      return html`<p class="status">
          ${
            helper
              ? msg(str`${helper} asked a colleague who knows more about this to come.`)
              : msg('The person helping you asked a colleague who knows more about this to come.')
          }
        </p>
        <p class="detail">${msg('You keep your place in line.')}</p>`;
    }
    const coming = seen?.displayName;
    return html`<p class="status">
        ${coming ? msg(str`${coming} was called away.`) : msg('The person who was coming was called away.')}
      </p>
      <p class="detail">
        ${msg('The next free person will come to you. You keep your place in line.')}
      </p>`;
  }

  private _place() {
    const place = this.place;
    if (!place) return nothing;
    const ahead = place.position - 1;
    const n = formatNumber(ahead);
    const line =
      ahead <= 0
        ? msg('You are next.')
        : plural(
            ahead,
            msg(str`${n} person is ahead of you.`),
            msg(str`${n} people are ahead of you.`),
            getLocale(),
          );
    const minutes = formatNumber(Math.max(1, Math.round(place.estimateMinutes)));
    const estimate =
      place.estimateMinutes <= 1
        ? msg('Someone should be with you in a minute or so.')
        : msg(str`That's about ${minutes} minutes.`);
    return html`<p class="detail">${line} ${estimate}</p>`;
  }
}

/**
 * The follow link with the patron's language (`?lang=es`), so their phone speaks it too; as the
 * server gave it for the source language.
 */
function withLanguage(url: string | undefined): string | undefined {
  const locale = getLocale();
  if (!url || locale === SOURCE_LOCALE) return url;
  const link = new URL(url);
  link.searchParams.set('lang', locale);
  return link.href;
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-kiosk-ticket': RoveKioskTicket;
  }
}
