// <rove-follow-page>: the patron's own phone following their request from the kiosk's QR code
// (`/follow/<token>`): the ticket, the topic, the place in line and the wait, who is on the way,
// a page from the kiosk with "I'm here", cancelling (after a confirm), the branch's notices, and
// at the end two one-tap questions. Live over the follow stream, reconnecting with a backoff.
// No name or note ever reaches it (FollowView has none). Words: follow-words.ts, in the language
// the page was opened in (follow.ts). Layout uses logical properties only, so a right-to-left
// language needs no second stylesheet.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized } from '../../core/locale/msg.js';
import { controls, tokens } from '../../ui/shared.styles.js';
import { buzz } from '../../ui/buzz.js';
import { ApiError } from '../../core/http.js';
import { keepStreamOpen } from '../../core/stream.js';
import {
  fetchFollow,
  followStreamPath,
  postFollowAction,
  postFollowFeedback,
  refusedView,
  tokenFromPath,
  type Feedback,
  type FollowNotice,
  type FollowStreamEvent,
  type FollowView,
} from './follow-api.js';
import { followWords } from './follow-words.js';

/** How the phone buzzes: twice, so it is felt in a pocket, not mistaken for a message. */
export const VIBRATION = [200, 100, 200];

@localized()
@customElement('rove-follow-page')
export class RoveFollowPage extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        max-inline-size: 36rem;
        margin-inline: auto;
        padding-block: 1.5rem;
        padding-inline: 1.25rem;
        font-size: 1.25rem;
        text-align: start;
      }
      h1 {
        margin-block: 0 1rem;
        font-size: 1.25rem;
        font-weight: 400;
        color: var(--rove-muted);
      }
      h1 strong {
        display: block;
        font-size: 4rem;
        line-height: 1.1;
        letter-spacing: 0.05em;
        color: var(--rove-primary);
      }
      h2 {
        font-size: 1.35rem;
        margin-block: 1.5rem 0.75rem;
      }
      .status {
        font-size: 1.75rem;
        font-weight: 700;
        margin-block: 0 0.75rem;
      }
      p {
        margin-block: 0 0.75rem;
      }
      .paged {
        padding-block: 1rem;
        padding-inline: 1.25rem;
        border-inline-start: 8px solid var(--rove-primary);
        margin-block-end: 1rem;
        background: var(--rove-mine);
        border-radius: var(--rove-radius);
      }
      .offline,
      .problem {
        padding-block: 0.75rem;
        padding-inline: 1rem;
        border-inline-start: 6px solid var(--rove-warn);
        background: var(--rove-warn-bg);
        color: var(--rove-warn);
      }
      .notices {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .notices li {
        padding-block: 0.75rem;
        padding-inline: 1rem;
        margin-block-end: 0.5rem;
        border: 2px solid var(--rove-line);
        border-radius: var(--rove-radius);
        background: var(--rove-card);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin-block: 1rem;
      }
      .scale {
        display: grid;
        grid-template-columns: repeat(5, minmax(48px, 1fr));
        gap: 0.5rem;
      }
      .scale button {
        padding-inline: 0.25rem;
        font-size: 1.5rem;
      }
      .ends {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        margin-block: 0.5rem 0;
        font-size: 1rem;
        color: var(--rove-muted);
      }
      button {
        font-size: 1.25rem;
      }
    `,
  ];

  /** The follow token; read from the page's path when not given. */
  @property() token = tokenFromPath(location.pathname) ?? '';

  @state() private _view?: FollowView;
  @state() private _notices: FollowNotice[] = [];
  @state() private _expired = false;
  /**
   * The stream: `opening` until it first opens or fails. Only a stream that failed says
   * "Reconnecting": one still opening says nothing, so the note does not flash on every load
   * (and the page below it jump, when it went).
   */
  @state() private _stream: 'opening' | 'open' | 'lost' = 'opening';
  @state() private _confirming = false;
  @state() private _busy = false;
  @state() private _problem?: string;
  @state() private _satisfaction?: number;
  @state() private _thanked = false;

  private _stop?: () => void;
  private _noticeTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.token) {
      this._expired = true;
      return;
    }
    // Read once at once, so the page shows even while its stream cannot open (429, a bad link).
    void this._refresh();
    this._stop = keepStreamOpen<FollowStreamEvent>({
      path: followStreamPath(this.token),
      open: () => {
        this._stream = 'open';
        // The stream sends the request at once but not the notices: read them on each (re)open.
        void this._refresh();
      },
      event: (event) => this._onEvent(event),
      lost: (status) => {
        this._stream = 'lost';
        if (status === 404) this._end();
      },
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stop?.();
    this._stop = undefined;
    clearTimeout(this._noticeTimer);
  }

  private get _words() {
    return followWords();
  }

  /** The link is dead (404): say so and stop listening. */
  private _end() {
    this._expired = true;
    this._stop?.();
    this._stop = undefined;
  }

  private async _refresh() {
    try {
      const { request, notices } = await fetchFollow(this.token);
      this._apply(request);
      this._setNotices(notices ?? []);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) this._end();
    }
  }

  private _onEvent(event: FollowStreamEvent) {
    if (event.name === 'request') this._apply(event.data.request);
    else if (event.name === 'notice') {
      const { notice, withdrawn } = event.data;
      const others = this._notices.filter((n) => n.id !== notice.id);
      this._setNotices(withdrawn ? others : [...others, notice]);
    }
  }

  /** Takes the server's view (never an older one), and buzzes for news the patron must act on. */
  private _apply(next: FollowView) {
    const before = this._view;
    if (before && next.version < before.version) return;
    const coming = (v?: FollowView) => v?.status === 'claimed' && v.claimedBy !== null;
    const nowComing = coming(next) && !coming(before) && before !== undefined;
    const newPage = next.pagedAt !== null && next.pagedAt !== before?.pagedAt;
    if ((nowComing || newPage) && next.status === 'claimed') this._vibrate();
    if (next.status !== 'waiting' && next.status !== 'claimed') this._confirming = false;
    this._view = next;
  }

  private _vibrate() {
    // Not every phone can, and a page the patron has not yet touched may not: the screen says it.
    buzz(VIBRATION);
  }

  /** Keeps the current notices, and looks again when the first of them runs out. */
  private _setNotices(notices: FollowNotice[]) {
    const now = Date.now();
    this._notices = notices
      .filter((n) => Date.parse(n.until) > now)
      // ISO times in UTC sort as strings; no collator (slow to make on a cheap phone).
      .sort((a, b) => (a.until < b.until ? -1 : a.until > b.until ? 1 : 0));
    clearTimeout(this._noticeTimer);
    const first = this._notices[0];
    if (first) {
      const wait = Math.min(Date.parse(first.until) - now + 50, 2 ** 31 - 1);
      this._noticeTimer = setTimeout(() => this._setNotices(this._notices), wait);
    }
  }

  private async _act(action: 'here' | 'cancel') {
    if (this._busy) return;
    this._busy = true;
    this._problem = undefined;
    try {
      this._apply(await postFollowAction(this.token, action));
      this._confirming = false;
    } catch (error) {
      this._problem = this._say(error);
      // Refused (the page ended, the request closed): the refusal brings the request as it is.
      const now = refusedView(error);
      if (now) this._apply(now);
      else if (error instanceof ApiError && error.status === 409) void this._refresh();
    } finally {
      this._busy = false;
    }
  }

  private async _answer(feedback: Feedback) {
    if (this._busy) return;
    this._busy = true;
    this._problem = undefined;
    try {
      await postFollowFeedback(this.token, feedback);
      this._thanked = true;
    } catch (error) {
      // 409: answered already (another tab, a double tap): thank them all the same.
      if (error instanceof ApiError && error.status === 409) this._thanked = true;
      else this._problem = this._say(error);
    } finally {
      this._busy = false;
    }
  }

  private _say(error: unknown): string {
    const words = this._words;
    if (error instanceof ApiError && error.status === 404) {
      this._end();
      return words.expired;
    }
    if (error instanceof ApiError && error.status === 409) return words.tooLate;
    return words.notSent;
  }

  override render() {
    const words = this._words;
    if (this._expired) {
      return html`<h1 class="status">${words.expiredTitle}</h1>
        <p>${words.expired}</p>`;
    }
    const view = this._view;
    if (!view) {
      return html`<h1 class="visually-hidden">${words.pageTitle}</h1>
        <p role="status">${words.loading}</p>`;
    }
    return html`
      <h1>${words.yourTicket}<strong>${view.ticket}</strong></h1>
      ${view.topicLabel ? html`<p>${words.topic(view.topicLabel)}</p>` : nothing}
      ${
        this._stream === 'lost'
          ? html`<p class="offline" role="status">${words.offline}</p>`
          : nothing
      }
      <div role="status">${this._status(view)}</div>
      ${this._problem ? html`<p class="problem" role="alert">${this._problem}</p>` : nothing}
      ${this._cancel(view)} ${this._feedback(view)} ${this._noticeList()}
    `;
  }

  private _status(view: FollowView) {
    const words = this._words;
    const who = view.claimedBy?.displayName ?? words.someone;
    switch (view.status) {
      case 'cancelled':
        return html`<p class="status">${words.cancelled}</p>`;
      case 'done':
        return html`<p class="status">${words.done}</p>`;
      case 'serving':
        return html`<p class="status">${words.withYou(who)}</p>`;
      case 'claimed':
        if (view.pagedAt) {
          return html`<div class="paged">
            <p class="status">${words.paged(who)}</p>
            <p>${words.pagedDetail}</p>
            <button type="button" ?disabled=${this._busy} @click=${() => this._act('here')}>
              ${words.imHere}
            </button>
          </div>`;
        }
        return html`<p class="status">${words.onTheWay(who)}</p>
          <p>${view.patronHereAt ? words.hereSaid(who) : words.onTheWayDetail}</p>`;
      default:
        return html`<p class="status">${words.waiting}</p>
          ${this._place(view)}
          <p>${words.browse}</p>`;
    }
  }

  private _place(view: FollowView) {
    const place = view.place;
    if (!place) return nothing;
    const words = this._words;
    const ahead = place.position - 1;
    const line = ahead <= 0 ? words.youAreNext : words.ahead(ahead);
    const estimate =
      place.estimateMinutes <= 1
        ? words.soon
        : words.about(Math.max(1, Math.round(place.estimateMinutes)));
    return html`<p>${line} ${estimate}</p>`;
  }

  private _cancel(view: FollowView) {
    if (view.status !== 'waiting' && view.status !== 'claimed') return nothing;
    const words = this._words;
    if (!this._confirming) {
      return html`<div class="row">
        <button type="button" class="quiet" @click=${() => (this._confirming = true)}>
          ${words.cancel}
        </button>
      </div>`;
    }
    return html`<div role="group" aria-labelledby="cancel-ask">
      <p id="cancel-ask">${words.cancelAsk}</p>
      <div class="row">
        <button type="button" ?disabled=${this._busy} @click=${() => this._act('cancel')}>
          ${words.cancelYes}
        </button>
        <button type="button" class="quiet" @click=${() => (this._confirming = false)}>
          ${words.cancelNo}
        </button>
      </div>
    </div>`;
  }

  private _feedback(view: FollowView) {
    if (view.status !== 'done') return nothing;
    const words = this._words;
    if (this._thanked || view.feedback) {
      return html`<p class="status" role="status">${words.thanks}</p>`;
    }
    if (this._satisfaction === undefined) {
      return this._scale('how-well', words.howWell, words.wellLow, words.wellHigh, (n) => {
        this._satisfaction = n;
      });
    }
    const satisfaction = this._satisfaction;
    return html`${this._scale('how-much', words.howMuch, words.muchLow, words.muchHigh, (n) =>
        this._answer({ satisfaction, importance: n }),
      )}
      <div class="row">
        <button
          type="button"
          class="quiet"
          ?disabled=${this._busy}
          @click=${() => this._answer({ satisfaction })}
        >
          ${words.skip}
        </button>
      </div>`;
  }

  private _scale(
    id: string,
    question: string,
    low: string,
    high: string,
    pick: (n: number) => void,
  ) {
    // Each button is named by its number alone (what a voice user says); what 1 and 5 mean is
    // the group's description, shown under the row too.
    return html`<h2 id=${id}>${question}</h2>
      <div class="scale" role="group" aria-labelledby=${id} aria-describedby="${id}-ends">
        ${[1, 2, 3, 4, 5].map(
          (n) =>
            html`<button type="button" ?disabled=${this._busy} @click=${() => pick(n)}>
              ${n}
            </button>`,
        )}
      </div>
      <p class="ends" id="${id}-ends">
        <span>${this._words.scaleEnd(1, low)}</span><span>${this._words.scaleEnd(5, high)}</span>
      </p>`;
  }

  private _noticeList() {
    if (this._notices.length === 0) return nothing;
    return html`<h2>${this._words.notices}</h2>
      <ul class="notices">
        ${this._notices.map((n) => html`<li>${n.text}</li>`)}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-follow-page': RoveFollowPage;
  }
}
