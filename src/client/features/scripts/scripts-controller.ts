// The greeter scripts as state, without a screen: the device's copy of the published scripts and
// topic names, kept fresh while the screen is open (a fetch now and whenever the network comes
// back, and a stream: the branch's with a staff session, else the public scripts stream), who is
// signed in (only they can send for a specialist), the ticks of the open script, and the offer
// to send for a specialist from a step. <rove-scripts-view> renders from it and calls it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  queueWalkUp,
  readRecentZones,
  rememberZone,
  type WalkUpFields,
} from '../../core/db/walk-ups.js';
import { readTopics } from '../../core/db/topics.js';
import {
  readScripts,
  resetScriptProgress,
  setStepTicked,
  watchScriptProgress,
  watchScripts,
} from '../../core/db/scripts.js';
import { followPublishedScripts, syncScripts } from '../../core/db/scripts-sync.js';
import {
  refreshTopicLabels,
  watchTopicLabels,
  type TopicLabel,
} from '../../core/db/topic-labels.js';
import { startSync } from '../../core/sync/engine.js';
import { FirstScreen } from '../../core/first-paint.js';
import { loadSession } from '../../core/sync/session.js';
import type { StepToggle } from './rove-script-checklist.js';
import type { Script } from '../../../shared/scripts.js';
import { msg, str } from '../../core/locale/msg.js';
import type { StaffName, Topic } from '../../../shared/schemas.js';

/** Sending for a specialist from a step: the form's choices, or what was sent, in words. */
type SpecialistOffer = { topics: Topic[]; zones: string[] } | { said: string };

/** How long a device with no scripts yet shows "Loading" while it fetches them, at most. */
const FIRST_FETCH_WAIT_MS = 4000;

export class ScriptsController implements ReactiveController {
  /** Every script this device holds. */
  scripts: Script[] = [];
  /**
   * False until the device's copy of the scripts and of the topic names have both been read
   * once: the list first shows with its filters named as they will stay, so nothing on it moves
   * when the second read lands.
   */
  get loaded(): boolean {
    if (!(this._scriptsRead && this._topicsRead)) return false;
    // A device that holds no scripts yet (its first visit) waits for the first fetch, or for
    // FIRST_FETCH_WAIT_MS: "none published" first, then the list and its filters pushing it
    // down, was a layout shift of 0.1 to 0.14 (Lighthouse on a freshly signed-in tablet).
    return this.scripts.length > 0 || this._firstFetchOver;
  }
  /** The last refresh could not reach the server (so an empty list may just not be here yet). */
  unreachable = false;
  /** The topics this device holds, for the filters' names and order. */
  topicLabels: TopicLabel[] = [];
  /** Who is signed in on this tablet, and where: only they can send for a specialist. */
  staff?: { me: StaffName; branchId: string };
  /** The ticked steps of the open script (its current version). */
  done: readonly number[] = [];
  offer?: SpecialistOffer;

  private _connected = false;
  private _scriptsRead = false;
  private _topicsRead = false;
  private _refreshedOnce = false;
  private _firstFetchOver = false;
  private _stops: (() => void)[] = [];
  private _stopSync?: () => void;
  private _stopProgress?: () => void;
  private _progressKey = '';
  /**
   * The list's (or the script's) first paint from the device's copy: the fetch of the list and
   * the stream wait for it, so their writes and the renders they set off come after it.
   */
  private readonly _firstScreen: FirstScreen;

  /** `scriptId` answers which script is open (undefined: the list). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly scriptId: () => string | undefined,
  ) {
    this._firstScreen = new FirstScreen(host, () => this.loaded);
    host.addController(this);
  }

  /** The open script, when this device holds it. */
  get script(): Script | undefined {
    const id = this.scriptId();
    return id ? this.scripts.find((s) => s.id === id) : undefined;
  }

  hostConnected(): void {
    this._connected = true;
    this._stops.push(
      watchScripts((list) => {
        const first = !this._scriptsRead;
        this._set(() => {
          this.scripts = list;
          this._scriptsRead = true;
        });
        // Nothing here to show first: fetch at once rather than after a first paint.
        if (first && list.length === 0) this._firstRefresh();
      }),
    );
    this._stops.push(
      watchTopicLabels(
        (topics) =>
          this._set(() => {
            this.topicLabels = topics;
            this._topicsRead = true;
          }),
        (error) => {
          // Unreadable names are no reason to hold the scripts back: starter names stand in.
          console.error(error);
          this._set(() => (this._topicsRead = true));
        },
      ),
    );
    void this._firstScreen.painted.then(() => {
      if (this._connected) this._firstRefresh();
    });
    window.addEventListener('online', this._refresh);
    this._stops.push(() => window.removeEventListener('online', this._refresh));
    void this._followStream();
  }

  hostDisconnected(): void {
    this._connected = false;
    for (const stop of this._stops.splice(0)) stop();
    this._stopSync?.();
    this._stopSync = undefined;
    this._stopProgress?.();
    this._stopProgress = undefined;
    this._progressKey = '';
  }

  /** Before each render: follow the ticks of the script now open (or none). */
  hostUpdate(): void {
    if (this.loaded) this._followProgress();
  }

  /** Ticks or unticks a step of `script`; kept on this device per script version. */
  tick(script: Script, { index, ticked }: StepToggle): void {
    const done = new Set(this.done);
    if (ticked) done.add(index);
    else done.delete(index);
    this._set(() => (this.done = [...done]));
    void setStepTicked(script.id, script.version, index, ticked);
  }

  /** Unticks every step of `script`. */
  resetTicks(script: Script): void {
    void resetScriptProgress(script.id);
  }

  /** Opens the form to send for a specialist (signed-in staff only). */
  async offerSpecialist(): Promise<void> {
    const staff = this.staff;
    if (!staff) return;
    const [topics, zones] = await Promise.all([readTopics(staff.branchId), readRecentZones()]);
    this._set(() => (this.offer = { topics, zones }));
  }

  /** Sends for a specialist (by the outbox) and says so. */
  async sendForSpecialist(fields: WalkUpFields): Promise<void> {
    const staff = this.staff;
    if (!staff) return;
    await queueWalkUp(fields, staff.me);
    if (fields.zone) await rememberZone(fields.zone);
    const offer = this.offer;
    const topics = offer && 'topics' in offer ? offer.topics : [];
    const topic = topics.find((t) => t.id === fields.topicId)?.label ?? msg('this topic');
    this._set(() => (this.offer = { said: msg(str`Sent for someone who knows ${topic}.`) }));
  }

  closeOffer(): void {
    this._set(() => (this.offer = undefined));
  }

  private _set(change: () => void) {
    change();
    this.host.requestUpdate();
  }

  /** The refresh of this screen's opening (once), with a bound on how long the list waits. */
  private _firstRefresh() {
    if (this._refreshedOnce) return;
    this._refreshedOnce = true;
    const over = () => this._set(() => (this._firstFetchOver = true));
    const timer = setTimeout(() => {
      // A dead spot: say the scripts have not reached the device rather than "Loading".
      this.unreachable = true;
      over();
    }, FIRST_FETCH_WAIT_MS);
    // What the fetch stored is read at once, with its end: the watch hears of it a little
    // later, and "none published" must not show in between.
    void this._refresh()
      .then(() => readScripts())
      .then((list) => (this.scripts = list))
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(timer);
        over();
      });
  }

  /** Anyone may read published scripts, so any browser refreshes its own copy when it can. */
  private _refresh = () =>
    syncScripts().then(
      () => this._set(() => (this.unreachable = false)),
      () => this._set(() => (this.unreachable = true)),
    );

  /**
   * Signed-in staff keep their branch's stream open here too; anyone else (a greeter's tablet
   * with nobody signed in, any browser) the public scripts stream. Either way a supervisor's
   * publish or withdrawal (`event: script`) shows within seconds while this screen is open.
   */
  private async _followStream() {
    const session = await loadSession().catch(() => undefined);
    if (!this._connected || this._stopSync) return;
    const branchId = session?.device?.branchId;
    if (session?.role === 'staff' && branchId) {
      this._stopSync = startSync({ kind: 'staff', branchId, after: this._firstScreen.painted });
      const me = session.staff;
      if (me) this._set(() => (this.staff = { me, branchId }));
      return;
    }
    const following = new AbortController();
    this._stopSync = () => following.abort();
    await this._firstScreen.painted;
    if (following.signal.aborted) return;
    following.signal.addEventListener('abort', followPublishedScripts());
    if (branchId && !session?.offline) void refreshTopicLabels(branchId);
  }

  private _followProgress() {
    const script = this.script;
    const key = script ? `${script.id}@${script.version}` : '';
    if (key === this._progressKey) return;
    this._stopProgress?.();
    this._stopProgress = undefined;
    this._progressKey = key;
    this.done = [];
    if (script) {
      this._stopProgress = watchScriptProgress(script.id, script.version, (done) =>
        this._set(() => (this.done = done)),
      );
    }
  }
}
