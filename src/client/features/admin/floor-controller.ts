// The live floor of one branch for the supervisor's Floor screen. The branch's event stream is
// kept in this device's replica by the same sync engine a tablet uses (docs/API.md, "Event
// streams": an admin may hold a branch's staff stream), so when the connection drops the screen
// keeps the last known queue, floor and notices, and says how old they are. Today's counts come
// from the service report, asked again as the queue changes and kept for offline too.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LiveQueryController } from '../../core/db/live-query.js';
import { readLastSync, readQueue } from '../../core/db/queue.js';
import { readTopics } from '../../core/db/topics.js';
import { readFloor } from '../../core/db/presence.js';
import { readBranchNotices } from '../../core/db/branch-notices.js';
import { getMeta, setMeta } from '../../core/db/db.js';
import type { PendingView } from '../../core/db/pending.js';
import { startSync } from '../../core/sync/engine.js';
import { onConnection, type ConnectionState } from '../../core/sync/connection.js';
import { postNotice, withdrawNotice } from '../../core/api/notices.js';
import type { AsyncAction } from '../../core/async-action.js';
import type { Notice, Presence, Topic } from '../../../shared/schemas.js';
import type { ServiceReport } from '../../../shared/report.js';
import { getServiceReport } from './report-api.js';
import { adminAction } from './admin-errors.js';
import { msg } from '../../core/locale/msg.js';
import { browserTimeZone, localDay } from './report-format.js';

/** Today's report for the branch, and when it was read (ISO). */
export interface TodayCounts {
  report: ServiceReport;
  at: string;
}

/** How often the waits on screen move on, and today's counts are asked for anyway. */
const TICK_MS = 15_000;
const COUNTS_EVERY_MS = 60_000;
/** A burst of queue changes (a busy minute) asks for the counts once, this long after. */
const COUNTS_SETTLE_MS = 2_000;

const countsKey = (branchId: string) => `floorCounts:${branchId}`;

export class FloorController implements ReactiveController {
  /** Now (epoch ms), moved on every tick so waits grow on screen. */
  now = Date.now();
  connection?: ConnectionState;
  counts?: TodayCounts;
  /** Posting or withdrawing a notice. */
  readonly noticeChange: AsyncAction;

  private _branchId = '';
  /** The zone "today" is counted in: the branch's own, else this device's. */
  private _timeZone = browserTimeZone();
  private _stopSync?: () => void;
  private _stops: (() => void)[] = [];
  private _countsTimer?: ReturnType<typeof setTimeout>;
  private _connected = false;
  private readonly _queue: LiveQueryController<PendingView[]>;
  private readonly _floor: LiveQueryController<Presence[]>;
  private readonly _notices: LiveQueryController<Notice[]>;
  private readonly _topics: LiveQueryController<Topic[]>;
  private readonly _lastSync: LiveQueryController<string | undefined>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.noticeChange = adminAction(host);
    const none = async () => [];
    this._queue = new LiveQueryController<PendingView[]>(host, none, []);
    this._floor = new LiveQueryController<Presence[]>(host, none, []);
    this._notices = new LiveQueryController<Notice[]>(host, none, []);
    this._topics = new LiveQueryController<Topic[]>(host, none, []);
    this._lastSync = new LiveQueryController(host, readLastSync, undefined);
  }

  get branchId(): string {
    return this._branchId;
  }

  /** Open requests, oldest first: long waits are marked by the screen, not moved. */
  get queue(): PendingView[] {
    return this._queue.value;
  }

  get floor(): Presence[] {
    return this._floor.value;
  }

  /** The notices the branch's kiosks show now (one past its time leaves at the next tick). */
  get notices(): Notice[] {
    return this._notices.value.filter((n) => Date.parse(n.until) > this.now);
  }

  get topics(): Topic[] {
    return this._topics.value;
  }

  /** While the stream is down: the time the floor on screen is from (ISO); else undefined. */
  get asOf(): string | undefined {
    const connection = this.connection;
    if (!connection || connection.status === 'online') return undefined;
    return this._lastSync.value ?? connection.since;
  }

  /**
   * Starts watching `branchId` (and stops watching the one before), its "today" counted in
   * `timeZone`. The same branch in another zone (its own, once read) only counts again.
   */
  watch(branchId: string, timeZone = browserTimeZone()): void {
    const otherZone = timeZone !== this._timeZone;
    this._timeZone = timeZone;
    if (branchId === this._branchId) {
      if (otherZone && this._connected) void this._refreshCounts();
      return;
    }
    this._branchId = branchId;
    this.counts = undefined;
    this._queue.setQuery(() => readQueue(branchId));
    this._floor.setQuery(() => readFloor(branchId));
    this._notices.setQuery(() => readBranchNotices(branchId));
    this._topics.setQuery(() => readTopics(branchId, { hidden: true }));
    if (this._connected) this._start();
  }

  async postNotice(text: string, until: string): Promise<void> {
    const branchId = this._branchId;
    await this.noticeChange.run(msg('post the notice'), () =>
      postNotice(branchId, { text, until }),
    );
  }

  async withdrawNotice(id: string): Promise<void> {
    await this.noticeChange.run(msg('withdraw the notice'), () => withdrawNotice(id));
  }

  hostConnected(): void {
    this._connected = true;
    const tick = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, TICK_MS);
    const counts = setInterval(() => void this._refreshCounts(), COUNTS_EVERY_MS);
    this._stops.push(
      () => clearInterval(tick),
      () => clearInterval(counts),
      onConnection((state) => {
        this.connection = state;
        this.host.requestUpdate();
      }),
    );
    this._start();
  }

  hostDisconnected(): void {
    this._connected = false;
    for (const stop of this._stops.splice(0)) stop();
    this._stopSync?.();
    this._stopSync = undefined;
    clearTimeout(this._countsTimer);
  }

  hostUpdate(): void {
    // The queue changed (a request asked, claimed, closed): today's counts too, shortly.
    if (this._queueSeen !== this._queue.value) {
      this._queueSeen = this._queue.value;
      clearTimeout(this._countsTimer);
      this._countsTimer = setTimeout(() => void this._refreshCounts(), COUNTS_SETTLE_MS);
    }
  }

  private _queueSeen?: PendingView[];

  private _start() {
    this._stopSync?.();
    this._stopSync = undefined;
    const branchId = this._branchId;
    if (!branchId) return;
    this._stopSync = startSync({
      kind: 'admin',
      branchId,
      onSessionEnded: () =>
        this.host.dispatchEvent(
          new CustomEvent('admin-session-ended', { bubbles: true, composed: true }),
        ),
    });
    void this._keptCounts(branchId);
    void this._refreshCounts();
  }

  /** The counts last read for this branch, shown until fresh ones come (offline: the only ones). */
  private async _keptCounts(branchId: string) {
    const kept = await getMeta<TodayCounts>(countsKey(branchId));
    if (kept && branchId === this._branchId && !this.counts) {
      this.counts = kept;
      this.host.requestUpdate();
    }
  }

  private async _refreshCounts() {
    const branchId = this._branchId;
    if (!branchId) return;
    const tz = this._timeZone;
    const today = localDay(new Date(), 0, tz);
    try {
      const report = await getServiceReport(branchId, { from: today, to: today, tz });
      if (branchId !== this._branchId || tz !== this._timeZone) return;
      this.counts = { report, at: new Date().toISOString() };
      await setMeta(countsKey(branchId), this.counts);
      this.host.requestUpdate();
    } catch (error) {
      // Offline or refused: the kept counts stay, with their time on screen.
      console.warn('Rove keeps the last counts it read', error);
    }
  }
}
