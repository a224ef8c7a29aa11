// <rove-staff-view>: the rover's tablet. Signed out: the sign-in. Signed in: my requests, help
// for the patron in front of them (rove-walk-up-panel), then the branch's live queue, with new
// requests announced, refused actions told in words, and the last-known queue marked with its
// age when the tablet is offline.
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { staffStyles } from './staff.styles.js';
import { ApiError } from '../../core/http.js';
import type { Session } from '../../core/api/session.js';
import { LiveQueryController } from '../../core/db/live-query.js';
import {
  readNotices,
  readQueue,
  readSkills,
  readStaffNames,
  readTopics,
} from '../../core/db/queue.js';
import { dismissNotice, queueRequestAction } from '../../core/db/outbox.js';
import { readLastSync } from '../../core/db/queue.js';
import type { Notice } from '../../core/db/db.js';
import { changes, readUnsentFor } from '../../core/db/staff-outbox.js';
import type { PendingView } from '../../core/db/pending.js';
import { startSync, refreshSignInNames } from '../../core/sync/engine.js';
import { loadSession, signIn, signOut, unsentBeforeSignOut } from '../../core/sync/session.js';
import { onConnection, type ConnectionState } from '../../core/sync/connection.js';
import { ArrivalWatch, alertNewRequest, arrivalWords, unlockSound } from './new-request-alert.js';
import { ago } from './request-format.js';
import type { RequestActionDetail } from './rove-my-request.js';
import type { HelpRequest, Skill, StaffName, Topic } from '../../../shared/schemas.js';
import './rove-staff-sign-in.js';
import './rove-queue-list.js';
import './rove-my-request.js';
import './rove-sign-out-dialog.js';
import './rove-walk-up-panel.js';
import { clock, plural } from '../../core/words/index.js';

@customElement('rove-staff-view')
export class RoveStaffView extends LitElement {
  static override styles = staffStyles;

  @state() private _session?: Session;
  @state() private _problem = '';
  @state() private _signInProblem = '';
  @state() private _busy = false;
  @state() private _now = Date.now();
  @state() private _onlyMine = false;
  /** Requests just arrived, said in words (named from the topics as they reach the tablet). */
  @state() private _arrivals: HelpRequest[] = [];
  @state() private _connection?: ConnectionState;
  /** Changes not yet sent, in words, while Sign out asks what to do with them. */
  @state() private _unsent: string[] = [];
  /** Said on the sign-in screen after a sign-out (what was discarded). */
  @state() private _signedOutNote = '';

  @query('.sign-out') private _signOutButton?: HTMLButtonElement;
  private _signingOut = false;

  private _queue = new LiveQueryController<PendingView[] | undefined>(
    this,
    async () => undefined,
    undefined,
  );
  private _topics = new LiveQueryController<Topic[]>(this, async () => [], []);
  private _names = new LiveQueryController<StaffName[]>(this, async () => [], []);
  private _skills = new LiveQueryController<Skill[]>(this, readSkills, []);
  private _notices = new LiveQueryController<Notice[]>(this, readNotices, []);
  private _lastSync = new LiveQueryController<string | undefined>(this, readLastSync, undefined);
  private _stopSync?: () => void;
  private _stops: (() => void)[] = [];
  /** Which requests to announce: a new one for each sync (see ArrivalWatch). */
  private _watch?: ArrivalWatch;
  private _quiet?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    const tick = setInterval(() => (this._now = Date.now()), 30_000);
    this._stops.push(() => clearInterval(tick));
    this._stops.push(onConnection((state) => (this._connection = state)));
    void this._start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this._stops.splice(0)) stop();
    clearTimeout(this._quiet);
    this._stopSync?.();
    this._stopSync = undefined;
  }

  private async _start() {
    let session: Session;
    try {
      session = await loadSession();
    } catch {
      this._problem = 'Rove could not tell who this tablet is. Reload to try again.';
      return;
    }
    this._use(session);
  }

  private _use(session: Session) {
    const branchId = session.device?.branchId;
    if (!branchId || (session.role !== 'staff' && session.role !== 'tablet')) {
      this._problem =
        'This screen is for a staff tablet, and this device is not enrolled as one. Ask a supervisor for a tablet enrollment link.';
      return;
    }
    this._session = session;
    // Hidden topics too: they name the requests made before a supervisor hid them.
    this._topics.setQuery(() => readTopics(branchId, { hidden: true }));
    this._names.setQuery(() => readStaffNames(branchId));
    if (session.role === 'staff' && session.staff) {
      this._queue.setQuery(() => readQueue(branchId));
      if (!this._stopSync && this.isConnected) {
        const watch = (this._watch = new ArrivalWatch(session.staff));
        this._stopSync = startSync({
          kind: 'staff',
          branchId,
          onSessionEnded: (now) => void this._sessionEnded(now),
          onSnapshot: (snapshot) => watch.snapshot(snapshot.requests),
        });
      }
    } else {
      void refreshSignInNames(branchId);
    }
  }

  private async _signIn(event: CustomEvent<{ staffId: string; pin: string }>) {
    unlockSound();
    this._busy = true;
    this._signInProblem = '';
    this._signedOutNote = '';
    try {
      this._use(await signIn(event.detail.staffId, event.detail.pin));
    } catch (error) {
      this._signInProblem = signInProblem(error);
    } finally {
      this._busy = false;
    }
  }

  /** Sign out: first the rover's unsent changes go (when online); any left, the dialog asks. */
  private async _signOut() {
    if (this._signingOut) return;
    this._signingOut = true;
    try {
      const unsent = await unsentBeforeSignOut();
      if (unsent.length) this._unsent = unsent.map((u) => u.words);
      else await this._endSession(false);
    } finally {
      this._signingOut = false;
    }
  }

  private async _stay() {
    this._unsent = [];
    await this.updateComplete;
    this._signOutButton?.focus();
  }

  private async _endSession(discard: boolean) {
    this._unsent = [];
    this._stopSync?.();
    this._stopSync = undefined;
    const discarded = await signOut({ discard });
    this._signedOutNote = discarded.length
      ? `Signed out. ${changes(discarded.length)} discarded, never sent: ${discarded.map((d) => d.words).join(', ')}.`
      : '';
    this._queue.setQuery(async () => undefined);
    this._use({ ...this._session, role: 'tablet', staff: undefined });
    // The dialog is gone with the signed-in screen: read out what became of the changes.
    if (discarded.length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.signed-out')?.focus();
    }
  }

  /** The server ended this session (signed out elsewhere, deactivated, tablet revoked). */
  private async _sessionEnded(now: Session) {
    this._stopSync = undefined;
    const me = this._session?.staff?.id;
    const unsent = me ? await readUnsentFor(me) : [];
    await signOut();
    this._queue.setQuery(async () => undefined);
    if (now.role === 'tablet') {
      this._signInProblem = unsent.length
        ? `You were signed out. Sign in again to send your ${changes(unsent.length)} not yet on the server.`
        : 'You were signed out. Please sign in again.';
      this._use(now);
    } else {
      this._session = undefined;
      this._problem =
        'This tablet is no longer enrolled. Ask a supervisor for a new enrollment link.';
    }
  }

  private _act(
    requestId: string,
    action: RequestActionDetail['action'],
    extra?: Record<string, unknown>,
  ) {
    const staff = this._session?.staff;
    void queueRequestAction(requestId, action, staff, extra);
  }

  override willUpdate(): void {
    this._announceArrivals();
  }

  /** Beeps, buzzes and says so when a request joins the queue (see ArrivalWatch). */
  private _announceArrivals() {
    const queue = this._queue.value;
    if (!queue || !this._watch) return;
    const fresh = this._watch.arrivals(queue);
    if (fresh.length === 0) return;
    this._arrivals = fresh;
    clearTimeout(this._quiet);
    this._quiet = setTimeout(() => (this._arrivals = []), 20_000);
    alertNewRequest();
  }

  override render() {
    // Even before the queue, each screen has an h1 that says where the reader is.
    if (this._problem)
      return html`<h1>This tablet can't show the queue</h1>
        <p class="problem" role="alert">${this._problem}</p>`;
    const session = this._session;
    if (!session)
      return html`<h1>Rove staff tablet</h1>
        <p class="loading" role="status">Loading…</p>`;
    if (session.role !== 'staff' || !session.staff) {
      return html`<p class="signed-out" role="status" tabindex="-1">${this._signedOutNote}</p>
        <rove-staff-sign-in
          .staff=${this._names.value}
          .problem=${this._signInProblem}
          ?busy=${this._busy}
          @sign-in=${(e: CustomEvent<{ staffId: string; pin: string }>) => void this._signIn(e)}
        ></rove-staff-sign-in>`;
    }
    return this._signedIn(session.staff);
  }

  private _signedIn(me: StaffName) {
    const queue = this._queue.value ?? [];
    const mine = queue.filter(
      (v) =>
        v.request.claimedBy?.id === me.id &&
        (v.request.status === 'claimed' || v.request.status === 'serving'),
    );
    const others = queue.filter((v) => !mine.includes(v));
    const topics = this._topics.value;
    return html`<header>
        <h1 class="who">
          <span class="visually-hidden">Rove: </span>Signed in as <strong>${me.displayName}</strong>
        </h1>
        <nav aria-label="Staff">
          <a class="button quiet" href="/scripts">Scripts</a>
          <button type="button" class="quiet sign-out" @click=${() => void this._signOut()}>
            Sign out
          </button>
        </nav>
      </header>
      <rove-sign-out-dialog
        .unsent=${this._unsent}
        ?open=${this._unsent.length > 0}
        @stay=${() => void this._stay()}
        @discard=${() => void this._endSession(true)}
      ></rove-sign-out-dialog>
      ${
        this._notices.value.length
          ? html`<div role="alert">
              <ul class="notices">
                ${this._notices.value.map(
                  (n) =>
                    html`<li>
                      <span>${n.text}</span>
                      <button type="button" class="quiet" @click=${() => void dismissNotice(n.id!)}>
                        Dismiss
                      </button>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      <p class="announcer" role="status">${arrivalWords(this._arrivals, topics)}</p>
      ${
        mine.length
          ? html`<section aria-labelledby="mine-heading">
              <h2 id="mine-heading">My ${plural(mine.length, 'request', 'requests')}</h2>
              ${mine.map(
                (entry) =>
                  html`<rove-my-request
                    .entry=${entry}
                    .topic=${topics.find((t) => t.id === entry.request.topicId)}
                    .skills=${this._skills.value}
                    .now=${this._now}
                    @request-action=${(e: CustomEvent<RequestActionDetail>) =>
                      this._act(e.detail.requestId, e.detail.action, e.detail.extra)}
                  ></rove-my-request>`,
              )}
            </section>`
          : nothing
      }
      <rove-walk-up-panel
        .me=${me}
        branchId=${this._session?.device?.branchId ?? ''}
        .topics=${topics}
        .skills=${this._skills.value}
      ></rove-walk-up-panel>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">Queue</h2>
        ${this._staleness()}
        <rove-queue-list
          .entries=${others}
          .me=${me}
          .topics=${topics}
          .now=${this._now}
          .onlyMine=${this._onlyMine}
          @only-mine-changed=${(e: CustomEvent<boolean>) => (this._onlyMine = e.detail)}
          @claim-request=${(e: CustomEvent<string>) => this._act(e.detail, 'claim')}
        ></rove-queue-list>
      </section>`;
  }

  /** While offline: how old the queue on screen is. */
  private _staleness() {
    const connection = this._connection;
    if (!connection || connection.status === 'online') return nothing;
    const asOf = this._lastSync.value ?? connection.since;
    if (!asOf) return nothing;
    return html`<p class="stale">
      This is the last known queue, as of ${clock(asOf)} (${ago(asOf, this._now)}). It may have
      changed since.
    </p>`;
  }
}

function signInProblem(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isOffline) return 'Signing in needs the network, and the server cannot be reached.';
    if (error.status === 401) return "That PIN didn't match. Please try again.";
    if (error.status === 429)
      return 'Too many tries. Sign-in is locked for a while; ask a supervisor.';
    return error.message;
  }
  return 'Something went wrong while signing in.';
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-staff-view': RoveStaffView;
  }
}
