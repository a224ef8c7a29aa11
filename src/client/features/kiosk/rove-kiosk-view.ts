// <rove-kiosk-view>: the lobby kiosk. Idle: one large "Ask me". Then a topic, the optional
// details, Send; then the ticket and its live status. It thanks the patron and returns to idle
// by itself after a pause with no touch, and after the request closes, so nothing a patron
// typed stays on screen for the next person.
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { kioskStyles } from './kiosk.styles.js';
import { LiveQueryController } from '../../core/db/live-query.js';
import { readTopics } from '../../core/db/queue.js';
import { readBranch } from '../../core/db/replica.js';
import { deskPlaceSentence } from './desk-words.js';
import {
  forgetCurrentRequest,
  readCurrentRequestId,
  readKioskRequest,
  readSeenHelper,
  rememberCurrentRequest,
  rememberSeenHelper,
  type KioskRequestView,
  type SeenHelper,
} from '../../core/db/kiosk.js';
import { queueNewRequest, queueRequestAction } from '../../core/db/outbox.js';
import { startSync } from '../../core/sync/engine.js';
import { loadSession } from '../../core/sync/session.js';
import { onLine } from '../../core/sync/kiosk-line.js';
import { applyUpdateWhenIdle } from '../../core/pwa/register.js';
import type { LineEvent } from '../../../shared/events.js';
import type { Branch, Topic } from '../../../shared/schemas.js';
import type { KioskDetails, RoveKioskDetails } from './rove-kiosk-details.js';
import './rove-topic-picker.js';
import './rove-kiosk-details.js';
import './rove-kiosk-ticket.js';
import { plural } from '../../core/words/index.js';

type Step = 'idle' | 'topics' | 'details' | 'following' | 'thanks';

/** No touch for this long while choosing: thank the patron and go back to idle. */
export const CHOOSING_IDLE_MS = 60_000;
/** No touch for this long while following a request: the patron has walked off to wait. */
export const FOLLOWING_IDLE_MS = 120_000;
/** How long the thank-you stays before the idle screen. */
export const THANKS_MS = 10_000;

@customElement('rove-kiosk-view')
export class RoveKioskView extends LitElement {
  static override styles = kioskStyles;

  @state() private _step: Step = 'idle';
  @state() private _branchId?: string;
  @state() private _problem?: string;
  @state() private _topic?: Topic;
  @state() private _requestId?: string;
  @state() private _line?: LineEvent;
  @state() private _thanks = '';
  /** Who the patron was last told was coming, for the words when the request is back in line. */
  @state() private _helper?: SeenHelper;

  @query('rove-kiosk-details') private _details?: RoveKioskDetails;

  private _topics = new LiveQueryController<Topic[]>(this, async () => [], []);
  /** The branch's name and service desk place, stored so it is there offline too. */
  private _branch = new LiveQueryController<Branch | undefined>(
    this,
    async () => undefined,
    undefined,
  );
  private _request = new LiveQueryController<KioskRequestView | undefined>(
    this,
    async () => undefined,
    undefined,
  );
  private _stops: (() => void)[] = [];
  private _idleTimer?: ReturnType<typeof setTimeout>;
  private _cancelling = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._start();
    this._stops.push(onLine((line) => (this._line = line)));
    this._stops.push(applyUpdateWhenIdle(() => this._step === 'idle'));
    const touched = () => this._armIdleTimer();
    for (const type of ['pointerdown', 'keydown', 'input']) this.addEventListener(type, touched);
    this._stops.push(() => {
      for (const type of ['pointerdown', 'keydown', 'input'])
        this.removeEventListener(type, touched);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this._stops.splice(0)) stop();
    clearTimeout(this._idleTimer);
  }

  private async _start() {
    const session = await loadSession().catch(() => undefined);
    const branchId = session?.device?.branchId;
    if (session?.role !== 'kiosk' || !branchId) {
      this._problem =
        'This screen is for a lobby kiosk, and this device is not enrolled as one. Ask a supervisor for a kiosk enrollment link.';
      return;
    }
    this._branchId = branchId;
    this._topics.setQuery(() => readTopics(branchId));
    this._branch.setQuery(() => readBranch(branchId));
    if (this.isConnected) {
      const onSessionEnded = () => {
        this._problem =
          `This kiosk is no longer enrolled. Please ask at the service desk for help today. ${this._deskPlace()}`.trim();
      };
      this._stops.push(startSync({ kind: 'kiosk', branchId, onSessionEnded }));
    }
    // A reload (or a restart) while a patron was waiting: pick their request up again.
    const current = await readCurrentRequestId();
    if (current) this._follow(current);
  }

  private _follow(id: string) {
    const branchId = this._branchId ?? '';
    this._requestId = id;
    this._helper = undefined;
    void readSeenHelper(id).then((seen) => {
      if (this._requestId === id && !this._helper) this._helper = seen;
    });
    this._request.setQuery(() => readKioskRequest(id, branchId));
    this._go('following');
  }

  private _go(step: Step) {
    this._step = step;
    this._armIdleTimer();
    if (step === 'idle' || step === 'thanks') {
      this._topic = undefined;
      this._details?.clear();
    }
  }

  private _armIdleTimer() {
    clearTimeout(this._idleTimer);
    const wait =
      this._step === 'thanks'
        ? THANKS_MS
        : this._step === 'following'
          ? FOLLOWING_IDLE_MS
          : this._step === 'idle'
            ? undefined
            : CHOOSING_IDLE_MS;
    if (wait !== undefined) this._idleTimer = setTimeout(() => this._timeout(), wait);
  }

  private _timeout() {
    if (this._step === 'thanks') {
      this._reset();
      return;
    }
    this._thanks = 'Thank you for stopping by. Tap “Ask me” whenever you need a hand.';
    this._go('thanks');
  }

  /** Back to idle with nothing of the last patron kept on screen. */
  private _reset() {
    this._requestId = undefined;
    this._helper = undefined;
    this._cancelling = false;
    this._request.setQuery(async () => undefined);
    void forgetCurrentRequest();
    this._go('idle');
  }

  private async _send(event: CustomEvent<KioskDetails>) {
    const topic = this._topic;
    if (!topic) return;
    const id = await queueNewRequest({ topicId: topic.id, ...event.detail });
    await rememberCurrentRequest(id);
    this._follow(id);
  }

  private async _cancel() {
    if (!this._requestId || this._cancelling) return;
    this._cancelling = true;
    await queueRequestAction(this._requestId, 'cancel', undefined);
  }

  override willUpdate(): void {
    // The request closed (resolved, cancelled, refused): thank the patron, then idle.
    const view = this._request.value;
    if (this._step !== 'following' || !view || view.request.id !== this._requestId) return;
    this._noteHelper(view);
    const status = view.request.status;
    if (view.notice && status !== 'done') {
      this._thanks =
        `Sorry, this request could not be sent. Please ask at the service desk. ${this._deskPlace()}`.trim();
      this._go('thanks');
    } else if (status === 'done') {
      const who = view.request.claimedBy?.displayName;
      this._thanks = who
        ? `Thank you for visiting! We hope ${who} helped. Come back any time.`
        : 'Thank you for visiting! Come back any time.';
      this._go('thanks');
    } else if (status === 'cancelled') {
      this._thanks = 'Your request is cancelled. Thanks for stopping by.';
      this._go('thanks');
    }
  }

  /** "The service desk is ..." when the branch says where, else "". */
  private _deskPlace(): string {
    return deskPlaceSentence(this._branch.value?.serviceDesk);
  }

  /** Remembers who is coming (and any hand-off already behind them) as the patron sees it. */
  private _noteHelper({ request }: KioskRequestView) {
    if ((request.status !== 'claimed' && request.status !== 'serving') || !request.claimedBy)
      return;
    const seen: SeenHelper = {
      requestId: request.id,
      displayName: request.claimedBy.displayName,
      handoffAt: request.handoff?.at,
    };
    const was = this._helper;
    if (was?.displayName === seen.displayName && was.handoffAt === seen.handoffAt) return;
    this._helper = seen;
    void rememberSeenHelper(seen);
  }

  override render() {
    if (this._problem)
      return html`<section class="screen"><p role="alert">${this._problem}</p></section>`;
    return html`<section class="screen">${this._screen()}</section>`;
  }

  private _screen() {
    switch (this._step) {
      case 'idle':
        return html`<div class="idle">
          <h1 class="welcome">Welcome! Library staff are close by and glad to help.</h1>
          <button type="button" class="ask" @click=${() => this._go('topics')}>
            Ask me <span class="sub">Tap here, and someone will come to you</span>
          </button>
          ${
            this._line?.helpedToday
              ? html`<p class="community">
                  ${this._line.helpedToday}
                  ${plural(this._line.helpedToday, 'person was', 'people were')} helped here today.
                </p>`
              : nothing
          }
        </div>`;
      case 'topics':
        return html`<rove-topic-picker
          .topics=${this._topics.value}
          serviceDesk=${this._branch.value?.serviceDesk ?? nothing}
          @topic-chosen=${(e: CustomEvent<Topic>) => {
            this._topic = e.detail;
            this._go('details');
          }}
          @back=${() => this._go('idle')}
        ></rove-topic-picker>`;
      case 'details':
        return html`<rove-kiosk-details
          .topic=${this._topic}
          @send-request=${(e: CustomEvent<KioskDetails>) => void this._send(e)}
          @back=${() => this._go('topics')}
        ></rove-kiosk-details>`;
      case 'following': {
        const view = this._request.value;
        const topic = this._topics.value.find((t) => t.id === view?.request.topicId);
        return html`<rove-kiosk-ticket
          .view=${view}
          .place=${this._requestId ? this._line?.positions[this._requestId] : undefined}
          .helper=${this._helper}
          topicLabel=${topic?.label ?? ''}
          serviceDesk=${this._branch.value?.serviceDesk ?? nothing}
          @cancel-request=${() => void this._cancel()}
        ></rove-kiosk-ticket>`;
      }
      case 'thanks':
        return html`<div class="thanks">
          <div role="status"><h1>${this._thanks}</h1></div>
          <button type="button" @click=${() => this._reset()}>Start again</button>
        </div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-kiosk-view': RoveKioskView;
  }
}
