// <rove-staff-view>: the rover's tablet. Signed out: the sign-in. Signed in: my requests, help
// for the patron in front of them (rove-walk-up-panel), then the branch's live queue, with new
// requests announced, refused actions told in words, and the last-known queue marked with its
// age when the tablet is offline.
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { staffStyles } from './staff.styles.js';
import { StaffController } from './staff-controller.js';
import { arrivalWords } from './new-request-alert.js';
import { ago } from './request-format.js';
import type { RequestActionDetail } from './rove-my-request.js';
import type { StaffName } from '../../../shared/schemas.js';
import './rove-staff-sign-in.js';
import './rove-queue-list.js';
import './rove-my-request.js';
import './rove-sign-out-dialog.js';
import './rove-walk-up-panel.js';
import './rove-presence-control.js';
import './rove-floor-list.js';
import { noticesPanel } from '../../ui/notices/rove-branch-notices.js';
import type { PresenceChange } from './rove-presence-control.js';
import { clock, plural } from '../../core/words/index.js';
import { InParts } from './in-parts.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-staff-view')
export class RoveStaffView extends LitElement {
  static override styles = staffStyles;

  /** The session, the sync and the queue: this element only shows them. */
  private readonly floor: StaffController = new StaffController(this, () => this._parts.all);
  /**
   * The signed-in screen comes in four tasks, top to bottom: what the rover works with first
   * (their requests and the walk-up panel), then the floor, the queue, and the notices.
   */
  private readonly _parts: InParts = new InParts(this, 4, () => this.floor.phase === 'ready');
  @state() private _onlyMine = false;

  @query('.sign-out') private _signOutButton?: HTMLButtonElement;

  private async _stay() {
    this.floor.stay();
    await this.updateComplete;
    this._signOutButton?.focus();
  }

  private async _discard() {
    await this.floor.discardAndSignOut();
    // The dialog is gone with the signed-in screen: read out what became of the changes.
    if (this.floor.signedOutNote) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.signed-out')?.focus();
    }
  }

  override render() {
    const floor = this.floor;
    // Even before the queue, each screen has an h1 that says where the reader is.
    switch (floor.phase) {
      case 'error':
        return html`<h1>${msg("This tablet can't show the queue")}</h1>
          <p class="problem" role="alert">${floor.problem}</p>`;
      case 'loading':
        return html`<h1>${msg('Rove staff tablet')}</h1>
          <p class="loading" role="status">${msg('Loading…')}</p>`;
      case 'sign-in':
        return html`<p class="signed-out" role="status" tabindex="-1">${floor.signedOutNote}</p>
          <rove-staff-sign-in
            .staff=${floor.names}
            .problem=${floor.signingIn.error}
            ?busy=${floor.signingIn.busy}
            @sign-in=${(e: CustomEvent<{ staffId: string; pin: string }>) =>
              void floor.signIn(e.detail.staffId, e.detail.pin)}
          ></rove-staff-sign-in>`;
      case 'ready':
        return floor.me ? this._signedIn(floor.me) : nothing;
    }
  }

  private _signedIn(me: StaffName) {
    const floor = this.floor;
    const queue = floor.queue;
    const mine = queue.filter(
      (v) =>
        v.request.claimedBy?.id === me.id &&
        (v.request.status === 'claimed' || v.request.status === 'serving'),
    );
    const others = queue.filter((v) => !mine.includes(v));
    const topics = floor.topics;
    return html`<header>
        <h1 class="who">
          <span class="visually-hidden">${msg('Rove:')} </span>${msg('Signed in as')}
          <strong>${me.displayName}</strong>
        </h1>
        <rove-presence-control
          .presence=${floor.myPresence}
          .zones=${floor.zones}
          ?busy=${floor.presenceChange.busy}
          @presence-change=${(e: CustomEvent<PresenceChange>) => void floor.setPresence(e.detail)}
        ></rove-presence-control>
        <nav aria-label=${msg('Staff')}>
          <a class="button quiet" href="/scripts">${msg('Scripts')}</a>
          <button type="button" class="quiet sign-out" @click=${() => void floor.signOut()}>
            ${msg('Sign out')}
          </button>
        </nav>
      </header>
      <rove-sign-out-dialog
        .unsent=${floor.unsent}
        ?open=${floor.unsent.length > 0}
        @stay=${() => void this._stay()}
        @discard=${() => void this._discard()}
      ></rove-sign-out-dialog>
      ${
        floor.notices.length
          ? html`<div role="alert">
              <ul class="notices">
                ${floor.notices.map(
                  (n) =>
                    html`<li>
                      <span>${n.text}</span>
                      <button type="button" class="quiet" @click=${() => floor.dismiss(n)}>
                        ${msg('Dismiss')}
                      </button>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      ${
        floor.presenceChange.error
          ? html`<p class="problem" role="alert">${floor.presenceChange.error}</p>`
          : nothing
      }
      <p class="announcer" role="status">${arrivalWords(floor.arrivals, topics)}</p>
      <p class="announcer long-wait" aria-live="assertive">${floor.longWait}</p>
      ${
        mine.length
          ? html`<section aria-labelledby="mine-heading">
              <h2 id="mine-heading">
                ${plural(mine.length, msg('My request'), msg('My requests'))}
              </h2>
              ${mine.map(
                (entry) =>
                  html`<rove-my-request
                    .entry=${entry}
                    .topic=${topics.find((t) => t.id === entry.request.topicId)}
                    .skills=${floor.skills}
                    .now=${floor.now}
                    @request-action=${(e: CustomEvent<RequestActionDetail>) =>
                      floor.act(e.detail.requestId, e.detail.action, e.detail.extra)}
                  ></rove-my-request>`,
              )}
            </section>`
          : nothing
      }
      <rove-walk-up-panel
        .me=${me}
        branchId=${floor.branchId}
        .topics=${topics}
        .skills=${floor.skills}
      ></rove-walk-up-panel>
      ${this._parts.shown >= 2 ? this._floor(me) : nothing}
      ${this._parts.shown >= 3 ? this._queue(me, others) : nothing}
      ${this._parts.shown >= 4 ? noticesPanel(floor.branchNotices, floor) : nothing}`;
  }

  private _floor(me: StaffName) {
    const floor = this.floor;
    return html`<rove-floor-list
      .floor=${floor.floor}
      selfId=${me.id}
      asOf=${floor.queueAsOf ? msg(str`As last heard, ${ago(floor.queueAsOf, floor.now)}.`) : ''}
    ></rove-floor-list>`;
  }

  private _queue(me: StaffName, others: StaffController['queue']) {
    const floor = this.floor;
    const topics = floor.topics;
    return html`<section aria-labelledby="queue-heading">
      <h2 id="queue-heading">${msg('Queue')}</h2>
      ${this._staleness()}
      <rove-queue-list
        .entries=${others}
        .me=${me}
        .topics=${topics}
        .floor=${floor.floor}
        .skills=${floor.skills}
        .defaultLanguage=${floor.defaultLanguage}
        .now=${floor.now}
        .onlyMine=${this._onlyMine}
        @only-mine-changed=${(e: CustomEvent<boolean>) => (this._onlyMine = e.detail)}
        @claim-request=${(e: CustomEvent<string>) => floor.act(e.detail, 'claim')}
      ></rove-queue-list>
    </section>`;
  }

  /** While offline: how old the queue on screen is. */
  private _staleness() {
    const asOf = this.floor.queueAsOf;
    if (!asOf) return nothing;
    const at = clock(asOf);
    const since = ago(asOf, this.floor.now);
    return html`<p class="stale">
      ${msg(str`This is the last known queue, as of ${at} (${since}). It may have changed since.`)}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-staff-view': RoveStaffView;
  }
}
