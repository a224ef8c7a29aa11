// <rove-queue-list>: the branch's live queue on a rover's tablet, oldest first. Each request is
// a list item with its ticket, topic, how long it has waited, where to find the patron, the
// patron's language by its own name when it is not the branch's usual one (with who on the
// floor speaks it), a discreet "Quiet word" when asked for, and a Claim button. Requests matching my skills stand
// out; "Only my skills" hides the rest. A walk-up says who sent it, where and in what language.
// A waiting request says who on the floor fits it best; one that has waited too long (the
// server raised an alert: `escalatedAt`) goes to the top, marked. Fires `claim-request`
// (detail: request id).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controls, tokens } from '../../ui/shared.styles.js';
import { handedOnBy, pendingText, topicLabel, waitedFor } from './request-format.js';
import { requestCards, requestMarks } from './request-marks.styles.js';
import { ownLanguageName, walkUpLine } from '../../ui/walk-up/walk-up-format.js';
import { actionsFor, type PendingView } from '../../core/db/pending.js';
import type { Presence, Skill, StaffName, Topic } from '../../../shared/schemas.js';
import { bestFitLine, longWaitMark, otherLanguage, speakersLine } from './floor-words.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-queue-list')
export class RoveQueueList extends LitElement {
  static override styles = [
    tokens,
    controls,
    requestMarks,
    requestCards,
    css`
      :host {
        display: block;
      }
      .filter {
        margin: 0 0 0.75rem;
      }
      .badge.long-wait {
        color: var(--rove-danger);
        font-weight: 800;
      }
      .best,
      .speakers {
        font-weight: 600;
      }
      .badge.language {
        font-weight: 700;
      }
      li.skill {
        border-color: var(--rove-mine-line);
        border-left-width: 10px;
        background: var(--rove-mine);
      }
      li.long-wait {
        border-color: var(--rove-danger);
        border-top-width: 6px;
      }
      .main {
        flex: 1 1 16rem;
        display: grid;
        gap: 0.2rem;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.75rem;
      }
      .ticket {
        font-size: 1.5rem;
        font-weight: 800;
      }
      .topic {
        font-weight: 600;
      }
      .waited,
      .holder {
        color: var(--rove-muted);
      }
      .badge.mine {
        color: var(--rove-mine-line);
      }
      .note {
        margin: 0;
        font-style: italic;
      }
      .empty {
        color: var(--rove-muted);
        font-size: 1.1rem;
      }
    `,
  ];

  /** The open requests with their pending actions, oldest first. */
  @property({ attribute: false }) entries: PendingView[] = [];
  /** Who is signed in: their skills decide what stands out. */
  @property({ attribute: false }) me?: StaffName;
  /** The branch's topics (hidden ones too), to name each request's topic. */
  @property({ attribute: false }) topics: Topic[] = [];
  /** Now, in epoch ms; the view ticks it so waited times move. */
  @property({ type: Number }) now = Date.now();
  /** Who is on the floor (the replica's last known list): for the best-fit line. */
  @property({ attribute: false }) floor: Presence[] = [];
  /** The library's skills, to name the skill a best fit has. */
  @property({ attribute: false }) skills: Skill[] = [];
  /** The branch's default language: a request in another one shows its language. */
  @property({ attribute: false }) defaultLanguage?: string;
  /** Show only requests that need one of my skills. */
  @property({ type: Boolean }) onlyMine = false;

  private _isMySkill(view: PendingView) {
    return this.me?.skills.includes(view.request.skill) ?? false;
  }

  private _toggle(event: Event) {
    this.onlyMine = (event.target as HTMLInputElement).checked;
    this.dispatchEvent(
      new CustomEvent('only-mine-changed', { detail: this.onlyMine, bubbles: true }),
    );
  }

  override render() {
    const mine = this.onlyMine ? this.entries.filter((v) => this._isMySkill(v)) : this.entries;
    // Long waits first (oldest alert first), then the rest as they came.
    const shown = [...mine.filter(isLongWait), ...mine.filter((v) => !isLongWait(v))];
    return html`<label class="choice filter">
        <input type="checkbox" .checked=${this.onlyMine} @change=${this._toggle} />
        ${msg('Only my skills')}
      </label>
      ${
        shown.length === 0
          ? html`<p class="empty">
              ${
                this.entries.length === 0
                  ? msg('Nobody is waiting right now.')
                  : msg('Nobody is waiting for your skills right now.')
              }
            </p>`
          : html`<ul aria-label=${msg('Queue')}>
              ${shown.map((view) => this._item(view))}
            </ul>`
      }`;
  }

  private _item(view: PendingView) {
    const { request, pending } = view;
    const topic = topicLabel(request.topicId, this.topics);
    const mySkill = this._isMySkill(view);
    const quiet = request.needs.includes('private');
    const holder = request.claimedBy?.displayName;
    // The shared rules decide, as on the server; a claim already queued is not offered twice.
    const canClaim = actionsFor(request, this.me).includes('claim') && !pending.includes('claim');
    // In another language than the branch's usual one: said by its own name, with who speaks it.
    const language = otherLanguage(request, this.defaultLanguage) ? request.language : undefined;
    const speakers = language ? speakersLine(request, this.floor, this.me?.id) : undefined;
    // The language is said by the badge (or not at all, when it is the branch's own).
    const walkUp = walkUpLine(request, this.me?.id, { language: false });
    const longWait = isLongWait(view);
    const best =
      request.status === 'waiting' ? bestFitLine(request, this.floor, this.skills) : undefined;
    return html`<li class=${[mySkill ? 'skill' : '', longWait ? 'long-wait' : ''].join(' ').trim()}>
      <div class="main">
        <div class="head">
          <span class="ticket">${request.ticket || msg('New')}</span>
          ${topic ? html`<span class="topic">${topic}</span>` : nothing}
          ${
            request.status === 'waiting' && !longWait
              ? html`<span class="waited"
                  >${msg(str`waiting ${waitedFor(request.createdAt, this.now)}`)}</span
                >`
              : nothing
          }
          ${
            longWait
              ? html`<span class="badge long-wait">${longWaitMark(request, this.now)}</span>`
              : nothing
          }
          ${
            language
              ? html`<span class="badge language" lang=${language}
                  >${ownLanguageName(language)}</span
                >`
              : nothing
          }
          ${mySkill ? html`<span class="badge mine">${msg('Your skill')}</span>` : nothing}
          ${quiet ? html`<span class="badge quiet-word">${msg('Quiet word')}</span>` : nothing}
        </div>
        ${request.name ? html`<span>${request.name}</span>` : nothing}
        ${best ? html`<span class="best">${best}</span>` : nothing}
        ${speakers ? html`<span class="speakers">${speakers}</span>` : nothing}
        ${walkUp ? html`<span class="waited">${walkUp}</span>` : nothing}
        ${request.handoff ? html`<p class="note">${handedOnBy(request.handoff)}</p>` : nothing}
        ${
          holder && request.status !== 'waiting'
            ? html`<span class="holder"
                >${
                  request.status === 'serving'
                    ? msg(str`${holder} is with them`)
                    : msg(str`${holder} is on the way`)
                }</span
              >`
            : nothing
        }
        ${pending.length ? html`<span class="pending">${pendingText(pending)}</span>` : nothing}
      </div>
      ${
        canClaim
          ? html`<button
              type="button"
              aria-label=${claimName(request.ticket, topic)}
              @click=${() =>
                this.dispatchEvent(
                  new CustomEvent('claim-request', {
                    detail: request.id,
                    bubbles: true,
                    composed: true,
                  }),
                )}
            >
              ${msg('Claim')}
            </button>`
          : nothing
      }
    </li>`;
  }
}

/** Still waiting after the server raised a long-wait alert for it. */
const isLongWait = (view: PendingView) =>
  view.request.status === 'waiting' && view.request.escalatedAt !== undefined;

/** The Claim button's name: by ticket, or (a walk-up not yet on the server) by its topic. */
function claimName(ticket: string, topic: string | undefined): string {
  if (ticket) return msg(str`Claim ${ticket}`);
  return topic ? msg(str`Claim the new ${topic} request`) : msg('Claim the new request');
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-queue-list': RoveQueueList;
  }
}
