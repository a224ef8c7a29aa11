// The lobby kiosk as state, without a screen: who this kiosk is, its sync and the line, the
// step a patron is at (idle, topics, details, following, thanks), the request it follows, and
// the timers that thank the patron and go back to idle when nobody touches it, so nothing a
// patron typed stays for the next person. <rove-kiosk-view> renders from it and calls it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LiveQueryController } from '../../core/db/live-query.js';
import { readTopics } from '../../core/db/queue.js';
import { readBranch } from '../../core/db/replica.js';
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
import { deskPlaceSentence } from './desk-words.js';
import type { KioskDetails } from './rove-kiosk-details.js';
import type { LineEvent } from '../../../shared/events.js';
import type { Branch, Topic } from '../../../shared/schemas.js';

export type KioskStep = 'idle' | 'topics' | 'details' | 'following' | 'thanks';

/** No touch for this long while choosing: thank the patron and go back to idle. */
export const CHOOSING_IDLE_MS = 60_000;
/** No touch for this long while following a request: the patron has walked off to wait. */
export const FOLLOWING_IDLE_MS = 120_000;
/** How long the thank-you stays before the idle screen. */
export const THANKS_MS = 10_000;

/** What counts as a touch: it restarts the wait before the kiosk goes back to idle. */
const TOUCHES = ['pointerdown', 'keydown', 'input'];

export interface KioskControllerOptions {
  /** Leaving a patron's screens (idle, thanks): the screen clears what the patron typed. */
  forget?: () => void;
}

export class KioskController implements ReactiveController {
  step: KioskStep = 'idle';
  /** Why this kiosk cannot take requests, in words (then nothing else shows). */
  problem?: string;
  /** The topic the patron chose, while they add details. */
  topic?: Topic;
  /** The request the kiosk follows for the patron. */
  requestId?: string;
  /** The branch's line: places in it and people helped today. */
  line?: LineEvent;
  /** The thank-you (or sorry) said on the `thanks` step. */
  thanks = '';
  /** Who the patron was last told was coming, for the words when the request is back in line. */
  helper?: SeenHelper;

  private readonly _topics: LiveQueryController<Topic[]>;
  /** The branch's name and service desk place, stored so it is there offline too. */
  private readonly _branch: LiveQueryController<Branch | undefined>;
  private readonly _request: LiveQueryController<KioskRequestView | undefined>;
  private _branchId?: string;
  private _stops: (() => void)[] = [];
  private _idleTimer?: ReturnType<typeof setTimeout>;
  private _cancelling = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: KioskControllerOptions = {},
  ) {
    this._topics = new LiveQueryController<Topic[]>(host, async () => [], []);
    this._branch = new LiveQueryController(host, async () => undefined, undefined);
    this._request = new LiveQueryController(host, async () => undefined, undefined);
    host.addController(this);
  }

  /** The branch's visible topics, in the order a supervisor set. */
  get topics(): Topic[] {
    return this._topics.value;
  }

  get branch(): Branch | undefined {
    return this._branch.value;
  }

  /** The followed request as the kiosk holds it (pending sends included). */
  get request(): KioskRequestView | undefined {
    return this._request.value;
  }

  /** The followed request's place in the line and the wait, when the server has told them. */
  get place(): LineEvent['positions'][string] | undefined {
    return this.requestId ? this.line?.positions[this.requestId] : undefined;
  }

  hostConnected(): void {
    void this._start();
    this._stops.push(onLine((line) => this._set(() => (this.line = line))));
    this._stops.push(applyUpdateWhenIdle(() => this.step === 'idle'));
    const touched = () => this._armIdleTimer();
    for (const type of TOUCHES) this.host.addEventListener(type, touched);
    this._stops.push(() => {
      for (const type of TOUCHES) this.host.removeEventListener(type, touched);
    });
  }

  hostDisconnected(): void {
    for (const stop of this._stops.splice(0)) stop();
    clearTimeout(this._idleTimer);
  }

  /** Before each render: when the followed request closes, thank the patron, then idle. */
  hostUpdate(): void {
    const view = this._request.value;
    if (this.step !== 'following' || !view || view.request.id !== this.requestId) return;
    this._noteHelper(view);
    const status = view.request.status;
    if (view.notice && status !== 'done') {
      this.thanks =
        `Sorry, this request could not be sent. Please ask at the service desk. ${this._deskPlace()}`.trim();
      this.go('thanks');
    } else if (status === 'done') {
      const who = view.request.claimedBy?.displayName;
      this.thanks = who
        ? `Thank you for visiting! We hope ${who} helped. Come back any time.`
        : 'Thank you for visiting! Come back any time.';
      this.go('thanks');
    } else if (status === 'cancelled') {
      this.thanks = 'Your request is cancelled. Thanks for stopping by.';
      this.go('thanks');
    }
  }

  /** Moves to `step` (Ask me, Back) and restarts the wait before idle. */
  go(step: KioskStep): void {
    this.step = step;
    this._armIdleTimer();
    if (step === 'idle' || step === 'thanks') {
      this.topic = undefined;
      this.options.forget?.();
    }
    this.host.requestUpdate();
  }

  /** The patron chose a topic: on to the details. */
  choose(topic: Topic): void {
    this.topic = topic;
    this.go('details');
  }

  /** Sends the patron's request (by the outbox) and follows it. */
  async send(details: KioskDetails): Promise<void> {
    const topic = this.topic;
    if (!topic) return;
    const id = await queueNewRequest({ topicId: topic.id, ...details });
    await rememberCurrentRequest(id);
    this._follow(id);
  }

  /** The patron cancels the request they follow (once). */
  async cancel(): Promise<void> {
    if (!this.requestId || this._cancelling) return;
    this._cancelling = true;
    await queueRequestAction(this.requestId, 'cancel', undefined);
  }

  /** Back to idle with nothing of the last patron kept on screen. */
  reset(): void {
    this.requestId = undefined;
    this.helper = undefined;
    this._cancelling = false;
    this._request.setQuery(async () => undefined);
    void forgetCurrentRequest();
    this.go('idle');
  }

  private _set(change: () => void) {
    change();
    this.host.requestUpdate();
  }

  private async _start() {
    const session = await loadSession().catch(() => undefined);
    const branchId = session?.device?.branchId;
    if (session?.role !== 'kiosk' || !branchId) {
      this._set(
        () =>
          (this.problem =
            'This screen is for a lobby kiosk, and this device is not enrolled as one. Ask a supervisor for a kiosk enrollment link.'),
      );
      return;
    }
    this._branchId = branchId;
    this._topics.setQuery(() => readTopics(branchId));
    this._branch.setQuery(() => readBranch(branchId));
    if (this.host.isConnected) {
      const onSessionEnded = () => {
        this._set(
          () =>
            (this.problem =
              `This kiosk is no longer enrolled. Please ask at the service desk for help today. ${this._deskPlace()}`.trim()),
        );
      };
      this._stops.push(startSync({ kind: 'kiosk', branchId, onSessionEnded }));
    }
    // A reload (or a restart) while a patron was waiting: pick their request up again.
    const current = await readCurrentRequestId();
    if (current) this._follow(current);
  }

  private _follow(id: string) {
    const branchId = this._branchId ?? '';
    this.requestId = id;
    this.helper = undefined;
    void readSeenHelper(id).then((seen) => {
      if (this.requestId === id && !this.helper) this._set(() => (this.helper = seen));
    });
    this._request.setQuery(() => readKioskRequest(id, branchId));
    this.go('following');
  }

  private _armIdleTimer() {
    clearTimeout(this._idleTimer);
    const wait =
      this.step === 'thanks'
        ? THANKS_MS
        : this.step === 'following'
          ? FOLLOWING_IDLE_MS
          : this.step === 'idle'
            ? undefined
            : CHOOSING_IDLE_MS;
    if (wait !== undefined) this._idleTimer = setTimeout(() => this._timeout(), wait);
  }

  private _timeout() {
    if (this.step === 'thanks') {
      this.reset();
      return;
    }
    this.thanks = 'Thank you for stopping by. Tap “Ask me” whenever you need a hand.';
    this.go('thanks');
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
    const was = this.helper;
    if (was?.displayName === seen.displayName && was.handoffAt === seen.handoffAt) return;
    this.helper = seen;
    void rememberSeenHelper(seen);
  }
}
