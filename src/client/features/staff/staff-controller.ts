// The rover's tablet as state, without a screen: who this tablet is (the session), the branch's
// queue and reference data from the replica, the sync while someone is signed in, the connection,
// sign-in and sign-out, and the actions a rover takes on a request. <rove-staff-view> renders
// from it and calls its methods; it owns no session, sync, timer or subscription of its own.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AsyncAction } from '../../core/async-action.js';
import { ApiError } from '../../core/http.js';
import type { Session } from '../../core/api/session.js';
import { LiveQueryController } from '../../core/db/live-query.js';
import {
  readLastSync,
  readNotices,
  readQueue,
  readSkills,
  readStaffNames,
} from '../../core/db/queue.js';
import { readTopics } from '../../core/db/topics.js';
import { dismissNotice, queueRequestAction } from '../../core/db/outbox.js';
import type { Notice } from '../../core/db/db.js';
import { changes, readUnsentFor } from '../../core/db/unsent.js';
import type { PendingView } from '../../core/db/pending.js';
import { startSync, refreshSignInNames } from '../../core/sync/engine.js';
import { loadSession } from '../../core/sync/session.js';
import { signIn, signOut, unsentBeforeSignOut } from '../../core/sync/sign-in.js';
import { onConnection, type ConnectionState } from '../../core/sync/connection.js';
import { putPresence } from '../../core/api/presence.js';
import { postNotice, withdrawNotice } from '../../core/api/notices.js';
import { readBranchNotices } from '../../core/db/branch-notices.js';
import { applyPresenceEvent, readFloor } from '../../core/db/presence.js';
import { readBranch } from '../../core/db/replica.js';
import { db } from '../../core/db/db.js';
import { FirstScreen } from '../../core/first-paint.js';
import { ArrivalWatch, alertLongWait, alertNewRequest, unlockSound } from './new-request-alert.js';
import { longWaitAnnouncement } from './floor-words.js';
import { topicLabel } from './request-format.js';
import type { RequestActionDetail } from './rove-my-request.js';
import type { PresenceChange } from './rove-presence-control.js';
import type { LongWaitAlert } from '../../../shared/events.js';
import type {
  Branch,
  HelpRequest,
  Notice as BranchNotice,
  Presence,
  Skill,
  StaffName,
  Topic,
} from '../../../shared/schemas.js';
import { msg, str } from '../../core/locale/msg.js';

/**
 * What the tablet can show: `loading` (learning who it is), `error` (it cannot show the queue:
 * see `problem`), `sign-in` (enrolled, nobody signed in) or `ready` (a rover is signed in).
 */
type StaffPhase = 'loading' | 'error' | 'sign-in' | 'ready';

/** How often "3 minutes ago" and the like move on. */
const TICK_MS = 30_000;
/** How long a new request stays said in words. */
const ARRIVALS_SAID_MS = 20_000;
/**
 * An alert older than this when it reaches the tablet (replayed after the tablet was away) is
 * not sounded: the request is on top of the queue, marked, which is news enough.
 */
const ALERT_FRESH_MS = 60_000;

export class StaffController implements ReactiveController {
  /** Who this tablet is and who is signed in, once known. */
  session?: Session;
  /** Why the tablet cannot show the queue (phase `error`), in words. */
  problem = '';
  /** Said on the sign-in screen after a sign-out (what was discarded). */
  signedOutNote = '';
  /** Changes not yet sent, in words, while Sign out asks what to do with them. */
  unsent: string[] = [];
  /** Requests just arrived, to say in words (named from the topics as they reach the tablet). */
  arrivals: HelpRequest[] = [];
  connection?: ConnectionState;
  /** The time the screen's "ago" is measured from, moved on every TICK_MS. */
  now = Date.now();
  /** Signing in: busy while it runs, and why it failed (or why the rover must sign in again). */
  readonly signingIn: AsyncAction;
  /** Telling the floor I am on a break, back, or somewhere else. */
  readonly presenceChange: AsyncAction;
  /** Posting or withdrawing a notice to patrons. */
  readonly noticeChange: AsyncAction;
  /** The latest long-wait alert, in words, said to screen readers (cleared after a while). */
  longWait = '';

  private readonly _queue: LiveQueryController<PendingView[] | undefined>;
  private readonly _topics: LiveQueryController<Topic[]>;
  private readonly _names: LiveQueryController<StaffName[]>;
  private readonly _skills: LiveQueryController<Skill[]>;
  private readonly _notices: LiveQueryController<Notice[]>;
  private readonly _lastSync: LiveQueryController<string | undefined>;
  private readonly _floor: LiveQueryController<Presence[]>;
  private readonly _branch: LiveQueryController<Branch | undefined>;
  private readonly _branchNotices: LiveQueryController<BranchNotice[]>;
  private _longWaitQuiet?: ReturnType<typeof setTimeout>;
  private _connected = false;
  private _stopSync?: () => void;
  private _stops: (() => void)[] = [];
  /** Which requests to announce: a new one for each sync (see ArrivalWatch). */
  private _watch?: ArrivalWatch;
  private _quiet?: ReturnType<typeof setTimeout>;
  private _signingOut = false;
  /** The signed-in screen's first paint, which the sync waits for (see SyncOptions.after). */
  private readonly _firstScreen: FirstScreen;

  /**
   * `shownAll`: the host has put its whole signed-in screen on the glass (it may show it in
   * parts, InParts): the sync waits for that.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    shownAll: () => boolean = () => true,
  ) {
    this._queue = new LiveQueryController(host, async () => undefined, undefined);
    this._topics = new LiveQueryController<Topic[]>(host, async () => [], []);
    this._names = new LiveQueryController<StaffName[]>(host, async () => [], []);
    this._skills = new LiveQueryController(host, readSkills, []);
    this._notices = new LiveQueryController(host, readNotices, []);
    this._lastSync = new LiveQueryController(host, readLastSync, undefined);
    this._floor = new LiveQueryController<Presence[]>(host, async () => [], []);
    this._branch = new LiveQueryController<Branch | undefined>(
      host,
      async () => undefined,
      undefined,
    );
    this.signingIn = new AsyncAction(host, (error) => signInProblem(error));
    this.presenceChange = new AsyncAction(host, (error) => presenceProblem(error));
    this.noticeChange = new AsyncAction(host, (error) => presenceProblem(error));
    this._branchNotices = new LiveQueryController<BranchNotice[]>(host, async () => [], []);
    this._firstScreen = new FirstScreen(host, () => this.phase === 'ready' && shownAll());
    host.addController(this);
  }

  get phase(): StaffPhase {
    if (this.problem) return 'error';
    if (!this.session) return 'loading';
    if (!(this.session.role === 'staff' && this.session.staff)) return 'sign-in';
    // The signed-in screen first shows with what the tablet holds already read: shown empty
    // first ("Nobody is waiting"), everything under the queue jumped when the queue came.
    return this._firstReads.every((read) => read.settled) ? 'ready' : 'loading';
  }

  /** What the signed-in screen shows from the replica, read once before it shows. */
  private get _firstReads(): LiveQueryController<unknown>[] {
    return [this._queue, this._topics, this._floor, this._branch, this._branchNotices];
  }

  /** The signed-in rover, in phase `ready`. */
  get me(): StaffName | undefined {
    return this.session?.role === 'staff' ? this.session.staff : undefined;
  }

  get branchId(): string {
    return this.session?.device?.branchId ?? '';
  }

  /** The branch's queue as this tablet holds it (empty until a rover signs in). */
  get queue(): PendingView[] {
    return this._queue.value ?? [];
  }

  /** The branch's topics, hidden ones too: they name requests made before they were hidden. */
  get topics(): Topic[] {
    return this._topics.value;
  }

  /** The names on the sign-in screen. */
  get names(): StaffName[] {
    return this._names.value;
  }

  get skills(): Skill[] {
    return this._skills.value;
  }

  /** Everyone signed in on the branch, as last heard (the replica's list). */
  get floor(): Presence[] {
    return this._floor.value;
  }

  /** My own presence, once the server has said it. */
  get myPresence(): Presence | undefined {
    const me = this.me?.id;
    return this.floor.find((p) => p.staffId === me);
  }

  /** The notices the branch's kiosks and follow pages show now. */
  get branchNotices(): BranchNotice[] {
    // Checked at each tick too: a notice past its time leaves the screen, offline as well.
    return this._branchNotices.value.filter((n) => Date.parse(n.until) > this.now);
  }

  /** Posts a notice to the branch's waiting patrons. */
  async postNotice(text: string, until: string): Promise<void> {
    const branchId = this.branchId;
    await this.noticeChange.run(msg('post the notice'), () =>
      postNotice(branchId, { text, until }),
    );
  }

  /** Withdraws a notice. */
  async withdrawNotice(id: string): Promise<void> {
    await this.noticeChange.run(msg('withdraw the notice'), () => withdrawNotice(id));
  }

  /**
   * The language most patrons here speak: the branch's default (the first of its kiosk
   * languages); undefined until the branch is known.
   */
  get defaultLanguage(): string | undefined {
    return this._branch.value?.languages?.[0];
  }

  /** The branch's zones, for saying where I am. */
  get zones(): string[] {
    return this._branch.value?.zones ?? [];
  }

  /** Refused actions and other news for the rover, in words. */
  get notices(): Notice[] {
    return this._notices.value;
  }

  /** While offline: the time the queue on screen is from (ISO); undefined while online. */
  get queueAsOf(): string | undefined {
    const connection = this.connection;
    if (!connection || connection.status === 'online') return undefined;
    return this._lastSync.value ?? connection.since;
  }

  hostConnected(): void {
    this._connected = true;
    const tick = setInterval(() => this._set(() => (this.now = Date.now())), TICK_MS);
    this._stops.push(() => clearInterval(tick));
    this._stops.push(onConnection((state) => this._set(() => (this.connection = state))));
    void this._start();
  }

  hostDisconnected(): void {
    this._connected = false;
    for (const stop of this._stops.splice(0)) stop();
    clearTimeout(this._quiet);
    clearTimeout(this._longWaitQuiet);
    this._stopSync?.();
    this._stopSync = undefined;
  }

  /** I go on a break, come back, go off the floor or say where I am. */
  async setPresence(change: PresenceChange): Promise<void> {
    const branchId = this.branchId;
    await this.presenceChange.run(msg('tell the floor'), async () => {
      const presence = await putPresence(change);
      // Shown at once; the stream's event says the same again.
      await applyPresenceEvent(`branch:${branchId}`, undefined, presence);
    });
  }

  /**
   * The server says a request has waited too long: sound it (unless it is an old alert the
   * tablet is only catching up on, or the request is no longer waiting here) and say it.
   */
  private async _alert(alert: LongWaitAlert) {
    const request = await db.requests.get(alert.requestId);
    if (!request || request.status !== 'waiting') return;
    if (Date.now() - Date.parse(alert.at) > ALERT_FRESH_MS) return;
    alertLongWait();
    const topic = topicLabel(request.topicId, this.topics);
    this._set(
      () => (this.longWait = longWaitAnnouncement(alert.ticket, topic, alert.waitingSeconds)),
    );
    clearTimeout(this._longWaitQuiet);
    this._longWaitQuiet = setTimeout(() => this._set(() => (this.longWait = '')), ARRIVALS_SAID_MS);
  }

  /** Before each render: beeps, buzzes and says so when a request joins the queue. */
  hostUpdate(): void {
    const queue = this._queue.value;
    if (!queue || !this._watch) return;
    const fresh = this._watch.arrivals(queue);
    if (fresh.length === 0) return;
    this.arrivals = fresh;
    clearTimeout(this._quiet);
    this._quiet = setTimeout(() => this._set(() => (this.arrivals = [])), ARRIVALS_SAID_MS);
    alertNewRequest();
  }

  /** Signs `staffId` in with their PIN; a failure is said in `signingIn.error`. */
  async signIn(staffId: string, pin: string): Promise<void> {
    // The tap on Sign in is the one that lets the tablet beep later.
    unlockSound();
    this.signedOutNote = '';
    await this.signingIn.run(msg('sign in'), async () => this._use(await signIn(staffId, pin)));
  }

  /**
   * Sign out: first the rover's unsent changes go (when online). When some are left, `unsent`
   * lists them and the rover chooses: `stay()` or `discardAndSignOut()`.
   */
  async signOut(): Promise<void> {
    if (this._signingOut) return;
    this._signingOut = true;
    try {
      const unsent = await unsentBeforeSignOut();
      if (unsent.length) this._set(() => (this.unsent = unsent.map((u) => u.words)));
      else await this._endSession(false);
    } finally {
      this._signingOut = false;
    }
  }

  /** Keeps the rover signed in until their unsent changes have gone. */
  stay(): void {
    this._set(() => (this.unsent = []));
  }

  /** Signs out and drops the changes that never reached the server (`signedOutNote` says so). */
  discardAndSignOut(): Promise<void> {
    return this._endSession(true);
  }

  /** The rover acts on a request (claim, start, resolve, hand off ...): it goes by the outbox. */
  act(
    requestId: string,
    action: RequestActionDetail['action'],
    extra?: Record<string, unknown>,
  ): void {
    void queueRequestAction(requestId, action, this.me, extra);
  }

  dismiss(notice: Notice): void {
    if (notice.id !== undefined) void dismissNotice(notice.id);
  }

  private _set(change: () => void) {
    change();
    this.host.requestUpdate();
  }

  private async _start() {
    let session: Session;
    try {
      session = await loadSession();
    } catch {
      this._set(
        () => (this.problem = msg('Rove could not tell who this tablet is. Reload to try again.')),
      );
      return;
    }
    this._use(session);
  }

  private _use(session: Session) {
    const branchId = session.device?.branchId;
    if (!branchId || (session.role !== 'staff' && session.role !== 'tablet')) {
      this._set(
        () =>
          (this.problem = msg(
            'This screen is for a staff tablet, and this device is not enrolled as one. Ask a supervisor for a tablet enrollment link.',
          )),
      );
      return;
    }
    this._set(() => (this.session = session));
    // Hidden topics too: they name the requests made before a supervisor hid them.
    this._topics.setQuery(() => readTopics(branchId, { hidden: true }));
    this._names.setQuery(() => readStaffNames(branchId));
    this._branch.setQuery(() => readBranch(branchId));
    if (session.role === 'staff' && session.staff) {
      this._queue.setQuery(() => readQueue(branchId));
      this._floor.setQuery(() => readFloor(branchId));
      this._branchNotices.setQuery(() => readBranchNotices(branchId));
      if (!this._stopSync && this._connected) {
        const watch = (this._watch = new ArrivalWatch(session.staff));
        this._stopSync = startSync({
          kind: 'staff',
          branchId,
          onSessionEnded: (now) => void this._sessionEnded(now),
          onSnapshot: (snapshot) => watch.snapshot(snapshot.requests),
          onAlert: (alert) => void this._alert(alert),
          // The queue the tablet holds shows first; the snapshot's news comes after it.
          after: this._firstScreen.painted,
        });
      }
    } else {
      void refreshSignInNames(branchId);
    }
  }

  private async _endSession(discard: boolean) {
    this._set(() => (this.unsent = []));
    this._stopSync?.();
    this._stopSync = undefined;
    const discarded = await signOut({ discard });
    this.signedOutNote = discarded.length
      ? msg(
          str`Signed out. ${changes(discarded.length)} discarded, never sent: ${discarded.map((d) => d.words).join(', ')}.`,
        )
      : '';
    this._queue.setQuery(async () => undefined);
    this._use({ ...this.session, role: 'tablet', staff: undefined });
  }

  /** The server ended this session (signed out elsewhere, deactivated, tablet revoked). */
  private async _sessionEnded(now: Session) {
    this._stopSync = undefined;
    const me = this.me?.id;
    const unsent = me ? await readUnsentFor(me) : [];
    await signOut();
    this._queue.setQuery(async () => undefined);
    if (now.role === 'tablet') {
      this.signingIn.say(
        unsent.length
          ? msg(
              str`You were signed out. Sign in again to send your ${changes(unsent.length)} not yet on the server.`,
            )
          : msg('You were signed out. Please sign in again.'),
      );
      this._use(now);
    } else {
      this._set(() => {
        this.session = undefined;
        this.problem = msg(
          'This tablet is no longer enrolled. Ask a supervisor for a new enrollment link.',
        );
      });
    }
  }
}

function presenceProblem(error: unknown): string {
  if (error instanceof ApiError && error.isOffline)
    return msg('Not sent: the server cannot be reached. Try again when the tablet is back online.');
  if (error instanceof ApiError) return error.message;
  return msg('Something went wrong; please try again.');
}

function signInProblem(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isOffline)
      return msg('Signing in needs the network, and the server cannot be reached.');
    if (error.status === 401) return msg("That PIN didn't match. Please try again.");
    if (error.status === 429)
      return msg('Too many tries. Sign-in is locked for a while; ask a supervisor.');
    return error.message;
  }
  return msg('Something went wrong while signing in.');
}
