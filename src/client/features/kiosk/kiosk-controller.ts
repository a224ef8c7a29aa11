// The lobby kiosk as state, without a screen: who this kiosk is, its sync and the line, the
// step a patron is at (idle, topics, details, following, feedback, thanks), the request it
// follows, a rover paging one of its patrons, the branch's notices, and the timers that thank
// the patron and go back to idle when nobody touches it, so nothing a patron typed stays for
// the next person. <rove-kiosk-view> renders from it and calls it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '../../core/locale/msg.js';
import { LiveQueryController } from '../../core/db/live-query.js';
import { readTopics } from '../../core/db/topics.js';
import { readBranch } from '../../core/db/replica.js';
import { readBranchNotices } from '../../core/db/branch-notices.js';
import {
  PAGE_SHOWS_MS,
  forgetCurrentRequest,
  readCurrentRequestId,
  readKioskRequest,
  readPagedRequests,
  readSeenHelper,
  rememberCurrentRequest,
  rememberSeenHelper,
  type KioskRequestView,
  type SeenHelper,
} from '../../core/db/kiosk.js';
import { queueFeedback, queueNewRequest, queueRequestAction } from '../../core/db/outbox.js';
import { fetchTopics } from '../../core/api/branch.js';
import { SOURCE_LOCALE, matchLocale, setLocale, type Locale } from '../../core/locale/index.js';
import { startSync } from '../../core/sync/engine.js';
import { FirstScreen } from '../../core/first-paint.js';
import { loadSession } from '../../core/sync/session.js';
import { onLine } from '../../core/sync/kiosk-line.js';
import { applyUpdateWhenIdle } from '../../core/pwa/register.js';
import { deskPlaceSentence } from './desk-words.js';
import { chime, unlockChime } from './page-chime.js';
import type { KioskDetails } from './rove-kiosk-details.js';
import type { LineEvent } from '../../../shared/events.js';
import type { Branch, HelpRequest, Notice, Topic } from '../../../shared/schemas.js';

type KioskStep = 'idle' | 'topics' | 'details' | 'following' | 'feedback' | 'thanks';

/** No touch for this long while choosing: thank the patron and go back to idle. */
export const CHOOSING_IDLE_MS = 60_000;
/** No touch for this long while following a request: the patron has walked off to wait. */
const FOLLOWING_IDLE_MS = 120_000;
/** How long the thank-you stays before the idle screen. */
const THANKS_MS = 10_000;
/** How long the two questions at the end (and the thanks for them) stay before idle. */
export const FEEDBACK_MS = 20_000;
/** How often the notices are looked at again, so one that has ended goes even offline. */
const NOTICES_RECHECK_MS = 60_000;

/** What counts as a touch: it restarts the wait before the kiosk goes back to idle. */
const TOUCHES = ['pointerdown', 'keydown', 'input'];

interface KioskControllerOptions {
  /** Leaving a patron's screens (idle, thanks): the screen clears what the patron typed. */
  forget?: () => void;
}

export class KioskController implements ReactiveController {
  step: KioskStep = 'idle';
  /** The topic the patron chose, while they add details. */
  topic?: Topic;
  /** The request the kiosk follows for the patron. */
  requestId?: string;
  /** The branch's line: places in it and people helped today. */
  line?: LineEvent;
  /** Who the patron was last told was coming, for the words when the request is back in line. */
  helper?: SeenHelper;
  /** On the `feedback` step: the patron's answer to "How well did we do?", once given. */
  satisfaction?: number;
  /** On the `feedback` step: both questions are behind the patron (answered or skipped). */
  feedbackGiven = false;

  private readonly _topics: LiveQueryController<Topic[]>;
  /** The branch's name and service desk place, stored so it is there offline too. */
  private readonly _branch: LiveQueryController<Branch | undefined>;
  private readonly _request: LiveQueryController<KioskRequestView | undefined>;
  private readonly _paged: LiveQueryController<HelpRequest[]>;
  private readonly _notices: LiveQueryController<Notice[]>;
  /** The first screenful from the replica, painted: the sync waits for it. */
  private readonly _firstScreen: FirstScreen;
  /** The page on screen (`id@pagedAt`), and the one the patron answered "I'm here" to. */
  private _pageKey?: string;
  private _answeredPage?: string;
  private _pageTimer?: ReturnType<typeof setTimeout>;
  /** When the soonest notice ends, and the timer that takes it off screen then. */
  private _noticeEnds?: number;
  private _noticeTimer?: ReturnType<typeof setTimeout>;
  /** The request the feedback step asks about, and whether its answer has been sent. */
  private _feedbackFor?: string;
  private _feedbackSent = false;
  private _branchId?: string;
  private _stops: (() => void)[] = [];
  private _idleTimer?: ReturnType<typeof setTimeout>;
  private _cancelling = false;
  /** Why this kiosk cannot take requests (then nothing else shows). */
  private _problem?: () => string;
  /** The thank-you (or sorry) said on the `thanks` step, in the patron's language. */
  private _thanks: () => string = () => '';
  /** The language this patron chose (one of the branch's), until the kiosk resets. */
  private _chosen?: string;
  /** The locale last asked of @lit/localize (none yet: the first render asks). */
  private _locale?: Locale;
  /** Topic labels in the chosen language (`?lang=`), by topic id, and which language they are. */
  private _labels = new Map<string, string>();
  private _labelsFor?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: KioskControllerOptions = {},
  ) {
    this._topics = new LiveQueryController<Topic[]>(host, async () => [], []);
    this._branch = new LiveQueryController(host, async () => undefined, undefined);
    this._request = new LiveQueryController(host, async () => undefined, undefined);
    this._paged = new LiveQueryController<HelpRequest[]>(host, async () => [], []);
    this._notices = new LiveQueryController<Notice[]>(host, async () => [], []);
    // The welcome shows from what the kiosk holds (its languages, notices and topics) before
    // the stream's snapshot and reference data are fetched and written. Until the session says
    // which branch this is, the queries above answer their empty stand-ins: that is not it.
    this._firstScreen = new FirstScreen(
      host,
      () =>
        this._branchId !== undefined &&
        this._branch.settled &&
        this._topics.settled &&
        this._notices.settled,
    );
    host.addController(this);
  }

  /**
   * The branch's visible topics, in the order a supervisor set, labelled in the patron's
   * language where the library wrote it (else the default label).
   */
  get topics(): Topic[] {
    const topics = this._topics.value;
    const language = this.language;
    if (!language || language === this.languages[0]) return topics;
    return topics.map((topic) => {
      const label = this._labels.get(topic.id) ?? topic.labels?.[language];
      return label ? { ...topic, label } : topic;
    });
  }

  /** Why this kiosk cannot take requests, in words (then nothing else shows). */
  get problem(): string | undefined {
    return this._problem?.();
  }

  /** The thank-you (or sorry) said on the `thanks` step. */
  get thanks(): string {
    return this._thanks();
  }

  /**
   * The languages the branch's kiosks offer (BCP 47, the default first), those Rove has
   * strings for: empty when the branch has not chosen any (then English only).
   */
  get languages(): string[] {
    const listed = this._branch.value?.languages ?? [];
    return listed.filter((tag) => matchLocale(tag) !== undefined);
  }

  /** The patron's language: the one they chose, else the branch's default. */
  get language(): string | undefined {
    return this._chosen ?? this.languages[0];
  }

  /** The patron picked a language on the start screen: it lasts until the kiosk resets. */
  chooseLanguage(tag: string): void {
    if (!this.languages.includes(tag)) return;
    this._chosen = tag === this.languages[0] ? undefined : tag;
    this._armIdleTimer();
    this.host.requestUpdate();
  }

  get branch(): Branch | undefined {
    return this._branch.value;
  }

  /** The followed request as the kiosk holds it (pending sends included). */
  get request(): KioskRequestView | undefined {
    return this._request.value;
  }

  /**
   * A rover looking for one of this kiosk's patrons (the latest page, while it lasts): shown
   * full screen over any step, whoever made the request.
   */
  get page(): HelpRequest | undefined {
    const now = Date.now();
    return this._paged.value.find((r) => now - Date.parse(r.pagedAt ?? '') < PAGE_SHOWS_MS);
  }

  /** The branch's notices that have not ended, soonest to end first. */
  get notices(): Notice[] {
    const now = Date.now();
    return this._notices.value.filter((n) => Date.parse(n.until) > now);
  }

  /** The followed request's place in the line and the wait, when the server has told them. */
  get place(): LineEvent['positions'][string] | undefined {
    return this.requestId ? this.line?.positions[this.requestId] : undefined;
  }

  hostConnected(): void {
    void this._start();
    this._stops.push(onLine((line) => this._set(() => (this.line = line))));
    this._stops.push(applyUpdateWhenIdle(() => this.step === 'idle'));
    const touched = () => {
      unlockChime();
      this._armIdleTimer();
    };
    for (const type of TOUCHES) this.host.addEventListener(type, touched);
    this._stops.push(() => {
      for (const type of TOUCHES) this.host.removeEventListener(type, touched);
    });
    // An ended notice (or page) goes without any event: look again now and then, offline too.
    const recheck = setInterval(() => this.host.requestUpdate(), NOTICES_RECHECK_MS);
    this._stops.push(() => clearInterval(recheck));
  }

  hostDisconnected(): void {
    for (const stop of this._stops.splice(0)) stop();
    clearTimeout(this._idleTimer);
    clearTimeout(this._pageTimer);
    clearTimeout(this._noticeTimer);
    this._noticeEnds = undefined;
  }

  /**
   * Before each render: a page starts (chime) or ends (back to idle); when the followed request
   * closes, ask for a word back (answered or referred) or thank the patron, then idle.
   */
  hostUpdate(): void {
    this._watchPage();
    this._watchNotices();
    this._speak();
    const view = this._request.value;
    if (this.step !== 'following' || !view || view.request.id !== this.requestId) return;
    this._noteHelper(view);
    const status = view.request.status;
    if (view.notice && status !== 'done') {
      this._thanks = () =>
        `${msg('Sorry, this request could not be sent. Please ask at the service desk.')} ${this._deskPlace()}`.trim();
      this.go('thanks');
    } else if (
      status === 'done' &&
      (view.request.outcome === 'answered' || view.request.outcome === 'referred')
    ) {
      this._feedbackFor = view.request.id;
      this.go('feedback');
    } else if (status === 'done') {
      const who = view.request.claimedBy?.displayName;
      this._thanks = () =>
        who
          ? msg(str`Thank you for visiting! We hope ${who} helped. Come back any time.`)
          : msg('Thank you for visiting! Come back any time.');
      this.go('thanks');
    } else if (status === 'cancelled') {
      this._thanks = () => msg('Your request is cancelled. Thanks for stopping by.');
      this.go('thanks');
    }
  }

  /** Moves to `step` (Ask me, Back) and restarts the wait before idle. */
  go(step: KioskStep): void {
    this.step = step;
    this._armIdleTimer();
    if (step === 'idle' || step === 'thanks' || step === 'feedback') {
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
    const language = this.language;
    const id = await queueNewRequest({
      topicId: topic.id,
      ...details,
      ...(language ? { language } : {}),
    });
    await rememberCurrentRequest(id);
    this._follow(id);
  }

  /** The patron cancels the request they follow (once). */
  async cancel(): Promise<void> {
    if (!this.requestId || this._cancelling) return;
    this._cancelling = true;
    await queueRequestAction(this.requestId, 'cancel', undefined);
  }

  /** "I'm here" to the page on screen: queued, so it reaches the rover when it can. */
  async here(): Promise<void> {
    const page = this.page;
    // Once per page: a second tap would reach the server after the first and be refused.
    if (!page || this._answeredPage === pageKey(page)) return;
    this._answeredPage = pageKey(page);
    await queueRequestAction(page.id, 'here', undefined);
  }

  /** "How well did we do?" (1..5): then the second question. */
  rateService(satisfaction: number): void {
    if (this.step !== 'feedback' || this.feedbackGiven) return;
    this.satisfaction = satisfaction;
    this.host.requestUpdate();
  }

  /** "How much did this matter to you today?" (1..5, or skipped): send both, then thanks. */
  rateImportance(importance?: number): void {
    if (this.step !== 'feedback' || this.satisfaction === undefined || this.feedbackGiven) return;
    this.feedbackGiven = true;
    this._sendFeedback(importance);
    this.host.requestUpdate();
  }

  /** Back to idle with nothing of the last patron kept on screen. */
  reset(): void {
    // A patron who answered only the first question and walked away: that answer still counts.
    if (this.step === 'feedback') this._sendFeedback();
    this._feedbackFor = undefined;
    this._feedbackSent = false;
    this.satisfaction = undefined;
    this.feedbackGiven = false;
    this.requestId = undefined;
    this.helper = undefined;
    this._cancelling = false;
    // The next patron starts in the branch's own language.
    this._chosen = undefined;
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
          (this._problem = () =>
            msg(
              'This screen is for a lobby kiosk, and this device is not enrolled as one. Ask a supervisor for a kiosk enrollment link.',
            )),
      );
      return;
    }
    this._branchId = branchId;
    this._topics.setQuery(() => readTopics(branchId));
    this._branch.setQuery(() => readBranch(branchId));
    this._paged.setQuery(() => readPagedRequests(branchId));
    this._notices.setQuery(() => readBranchNotices(branchId));
    if (this.host.isConnected) {
      const onSessionEnded = () => {
        this._set(
          () =>
            (this._problem = () =>
              `${msg('This kiosk is no longer enrolled. Please ask at the service desk for help today.')} ${this._deskPlace()}`.trim()),
        );
      };
      this._stops.push(
        startSync({ kind: 'kiosk', branchId, onSessionEnded, after: this._firstScreen.painted }),
      );
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
        : this.step === 'feedback'
          ? FEEDBACK_MS
          : this.step === 'following'
            ? FOLLOWING_IDLE_MS
            : this.step === 'idle'
              ? // A language chosen and left: the next person finds the branch's own.
                this._chosen === undefined
                ? undefined
                : CHOOSING_IDLE_MS
              : CHOOSING_IDLE_MS;
    if (wait !== undefined) this._idleTimer = setTimeout(() => this._timeout(), wait);
  }

  private _timeout() {
    if (this.step === 'thanks' || this.step === 'feedback' || this.step === 'idle') {
      this.reset();
      return;
    }
    this._thanks = () => msg('Thank you for stopping by. Tap “Ask me” whenever you need a hand.');
    this.go('thanks');
  }

  /**
   * A new page chimes and stays until its two minutes are up; when it ends (I'm here, the
   * request closed, or the time), the kiosk goes back to Ask me, never to what was under it,
   * since whoever now stands at the kiosk may be someone else. Only the patron who answered a
   * page for the request the kiosk follows goes back to their own ticket.
   */
  private _watchPage() {
    const page = this.page;
    const key = page ? pageKey(page) : undefined;
    if (key === this._pageKey) return;
    const ended = this._pageKey;
    this._pageKey = key;
    clearTimeout(this._pageTimer);
    if (page) {
      chime();
      const left = Date.parse(page.pagedAt ?? '') + PAGE_SHOWS_MS - Date.now();
      this._pageTimer = setTimeout(() => this.host.requestUpdate(), Math.max(0, left) + 50);
      return;
    }
    const ownPatron =
      ended !== undefined &&
      ended === this._answeredPage &&
      ended.startsWith(`${this.requestId}@`) &&
      this.step === 'following';
    if (ended !== undefined && !ownPatron) this.reset();
  }

  /**
   * Speak the patron's language: its strings load (lazily, once), and the topic labels come
   * from the server in it (`?lang=`). Offline, the labels stored with the topics, or the
   * default ones, stand in.
   */
  private _speak() {
    const language = this.language;
    const locale = matchLocale(language) ?? SOURCE_LOCALE;
    if (locale !== this._locale) {
      this._locale = locale;
      setLocale(locale).catch((error: unknown) => {
        console.warn('Rove could not load the strings of', locale, error);
      });
    }
    const branchId = this._branchId;
    if (!branchId || !language || language === this.languages[0]) return;
    if (this._labelsFor === language) return;
    this._labelsFor = language;
    this._labels = new Map();
    fetchTopics(branchId, language).then(
      (topics) => {
        if (this._labelsFor !== language) return;
        this._set(() => (this._labels = new Map(topics.map((t) => [t.id, t.label]))));
      },
      () => {
        // Offline: try again the next time this language is chosen.
        if (this._labelsFor === language) this._labelsFor = undefined;
      },
    );
  }

  /** Besides the minute's look, take the soonest notice off the screen the moment it ends. */
  private _watchNotices() {
    const ends = this.notices[0] ? Date.parse(this.notices[0].until) : undefined;
    if (ends === this._noticeEnds) return;
    this._noticeEnds = ends;
    clearTimeout(this._noticeTimer);
    if (ends === undefined) return;
    const wait = Math.min(Math.max(0, ends - Date.now()) + 50, 2 ** 31 - 1);
    this._noticeTimer = setTimeout(() => {
      this._noticeEnds = undefined;
      this.host.requestUpdate();
    }, wait);
  }

  private _sendFeedback(importance?: number) {
    const id = this._feedbackFor;
    const satisfaction = this.satisfaction;
    if (!id || satisfaction === undefined || this._feedbackSent) return;
    this._feedbackSent = true;
    const body = importance === undefined ? { satisfaction } : { satisfaction, importance };
    // Through the outbox, so an answer given while offline reaches the library later. The
    // patron has done their part: nothing more to show them either way.
    queueFeedback(id, body).catch((error: unknown) => {
      console.warn('Rove could not keep the patron’s feedback', error);
    });
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

const pageKey = (request: HelpRequest) => `${request.id}@${request.pagedAt ?? ''}`;
