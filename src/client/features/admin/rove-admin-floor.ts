// <rove-admin-floor>: the supervisor's live picture of one branch (/admin/floor): today's
// counts, the queue with its waits (long waits marked in words, not colour alone), who is on
// the floor and what they are doing, and the notices patrons see, which can be posted and
// withdrawn from here. It follows the branch's event stream (see floor-controller.ts) and, with
// the connection gone, keeps the last known floor and says how old it is. "Large type" suits a
// wall display; the choice is remembered on this device.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Branch, HelpRequest, Presence } from '../../../shared/schemas.js';
import type { PendingView } from '../../core/db/pending.js';
import { clock, plural } from '../../core/words/index.js';
import { ago, duration, waitedFor } from '../../core/words/time.js';
import { palette } from '../../ui/tokens.js';
import { noticesPanel } from '../../ui/notices/rove-branch-notices.js';
import { adminStyles } from './admin.styles.js';
import { adminAction } from './admin-errors.js';
import { listBranches } from './admin-api.js';
import { FloorController, type TodayCounts } from './floor-controller.js';
import { reportZone } from './report-format.js';
import { msg, str } from '../../core/locale/msg.js';

/** Where this device remembers its choices, so a wall display comes back as it was. */
const BRANCH_KEY = 'rove.floor.branch';
const LARGE_KEY = 'rove.floor.large';

@customElement('rove-admin-floor')
export class RoveAdminFloor extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host([large]) {
        font-size: 1.6rem;
      }
      /* Headings grow with the text in large type (admin.styles.ts sets them in rem), so
         "Queue" and "On the floor" still stand above their tables on a wall display. */
      :host([large]) h2 {
        font-size: 1.5em;
      }
      :host([large]) h3 {
        font-size: 1.2em;
      }
      :host([large]) rove-branch-notices {
        --rove-notices-title-size: 1.2em;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.75rem 1.5rem;
      }
      .bar .field {
        margin: 0;
      }
      .stale {
        padding: 0.5rem 0.75rem;
        border-inline-start: 4px solid ${palette.warn};
        background: ${palette.warnBg};
        color: ${palette.warn};
      }
      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin: 0;
      }
      .counts div {
        padding: 0.5rem 1rem;
        border: 2px solid ${palette.line};
        border-radius: 0.5rem;
        background: ${palette.card};
      }
      .counts dt {
        font-size: 0.9em;
        color: ${palette.muted};
      }
      .counts dd {
        margin: 0;
        font-size: 1.6em;
        font-weight: 700;
      }
      .as-of {
        color: ${palette.muted};
        margin: 0.25rem 0 0;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        background: ${palette.card};
      }
      th,
      td {
        text-align: start;
        padding: 0.4rem 0.6rem;
        border-bottom: 1px solid ${palette.lineSoft};
        vertical-align: top;
      }
      tr.long td {
        background: ${palette.dangerBg};
      }
      .mark {
        font-weight: 700;
        color: ${palette.danger};
      }
      .mark::before {
        content: '⚠ ';
      }
      .away {
        color: ${palette.muted};
      }
      .empty {
        color: ${palette.muted};
      }
      rove-branch-notices {
        margin-top: 1.25rem;
      }
      /* The queue and who is on the floor side by side where there is room for both (a
         desktop, a wall display even in large type), one above the other on a tablet. */
      .sides {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24em), 1fr));
        gap: 0 1.5em;
        align-items: start;
      }
    `,
  ];

  private readonly floor = new FloorController(this);
  private readonly _branchesRead = adminAction(this);

  @state() private _branches: Branch[] = [];
  @state() private _large = localStorage.getItem(LARGE_KEY) === 'yes';

  override connectedCallback() {
    super.connectedCallback();
    this.toggleAttribute('large', this._large);
    // Offline, the branch watched last time is watched again from the replica.
    const kept = localStorage.getItem(BRANCH_KEY);
    if (kept) this.floor.watch(kept);
    void this._readBranches();
  }

  override render() {
    const floor = this.floor;
    const branch = this._branches.find((b) => b.id === floor.branchId);
    return html`<h2>${branch ? msg(str`Floor: ${branch.name}`) : msg('Floor')}</h2>
      <div class="bar">
        ${
          this._branches.length > 1
            ? html`<div class="field">
                <label for="branch">${msg('Branch')}</label>
                <select id="branch" @change=${this._pickBranch}>
                  ${this._branches.map(
                    (b) =>
                      html`<option value=${b.id} ?selected=${b.id === floor.branchId}>
                        ${b.name}
                      </option>`,
                  )}
                </select>
              </div>`
            : nothing
        }
        <button
          type="button"
          aria-pressed=${this._large ? 'true' : 'false'}
          @click=${this._toggleLarge}
        >
          ${msg('Large type')}
        </button>
      </div>
      ${this._branchesRead.error && !floor.branchId ? html`<p class="error" role="alert">${this._branchesRead.error}</p>` : nothing}
      ${floor.branchId ? this._board() : this._branchesRead.busy ? html`<p role="status">${msg('Loading the branches…')}</p>` : nothing}`;
  }

  private _board() {
    const floor = this.floor;
    const asOf = floor.asOf;
    const time = asOf ? clock(asOf) : '';
    const since = asOf ? ago(asOf, floor.now) : '';
    return html`<div role="status">
        ${
          asOf
            ? html`<p class="stale">
                ${msg(
                  str`Not connected. This is the floor as last heard, at ${time} (${since}); it may have changed since.`,
                )}
              </p>`
            : nothing
        }
      </div>
      ${this._today(floor.counts)}
      <div class="sides">${this._queue(floor.queue)} ${this._people(floor.floor)}</div>
      ${noticesPanel(floor.notices, floor, 3)}`;
  }

  private _today(counts: TodayCounts | undefined) {
    const title = html`<h3 id="today">${msg('Today so far')}</h3>`;
    if (!counts)
      return html`<section aria-labelledby="today">
        ${title}
        <p class="empty">${msg("Today's counts have not been read yet.")}</p>
      </section>`;
    const { report, at } = counts;
    const typical = report.wait.medianSeconds;
    const time = clock(at);
    return html`<section aria-labelledby="today">
      ${title}
      <dl class="counts">
        <div>
          <dt>${msg('Asked')}</dt>
          <dd>${report.requests.total}</dd>
        </div>
        <div>
          <dt>${msg('Helped')}</dt>
          <dd>${report.requests.done}</dd>
        </div>
        <div>
          <dt>${msg('Answered on the spot')}</dt>
          <dd>${report.byOrigin.walkUp}</dd>
        </div>
        <div>
          <dt>${msg('Cancelled')}</dt>
          <dd>${report.requests.cancelled}</dd>
        </div>
        <div>
          <dt>${msg('Typical wait')}</dt>
          <dd>${typical === null ? msg('None yet') : duration(typical)}</dd>
        </div>
      </dl>
      <p class="as-of">${msg(str`Counted at ${time}.`)}</p>
    </section>`;
  }

  private _queue(queue: PendingView[]) {
    const now = this.floor.now;
    const waiting = queue.filter((v) => v.request.status === 'waiting').length;
    const long = queue.filter((v) => isLong(v.request)).length;
    const waitingCount = msg(str`${waiting} waiting`);
    const longCount = plural(long, msg(str`${long} long wait`), msg(str`${long} long waits`));
    const title = long
      ? msg(str`Queue: ${waitingCount}, ${longCount}`)
      : msg(str`Queue: ${waitingCount}`);
    const columns = [msg('Ticket'), msg('Topic'), msg('Where'), msg('Waiting'), msg('Now')];
    return tableSection('queue', title, columns, {
      empty: msg('Nobody is waiting and nobody is being helped.'),
      rows: queue.map(({ request }) => {
        const longWait = isLong(request);
        return html`<tr class=${longWait ? 'long' : ''}>
          <th scope="row">${request.ticket}</th>
          <td>${this._topicLabel(request.topicId)}</td>
          <td>${request.zone ?? ''}</td>
          <td>
            ${waitedFor(request.createdAt, now)}
            ${longWait ? html`<span class="mark">${msg('Long wait')}</span>` : nothing}
          </td>
          <td>${stateWords(request)}</td>
        </tr>`;
      }),
    });
  }

  private _people(people: Presence[]) {
    const here = people.filter((p) => p.state !== 'away').length;
    const serving = this.floor.queue.filter(({ request }) => request.status !== 'waiting');
    const hereCount = plural(here, msg(str`${here} person`), msg(str`${here} people`));
    const title = msg(str`On the floor: ${hereCount}`);
    const columns = [msg('Name'), msg('State'), msg('Where'), msg('With')];
    return tableSection('people', title, columns, {
      empty: msg('No staff are signed in.'),
      rows: people.map((p) => {
        const tickets = serving
          .filter(({ request }) => request.claimedBy?.id === p.staffId)
          .map(({ request }) => request.ticket);
        const ticketList = tickets.join(', ');
        return html`<tr class=${p.state === 'available' && !p.silent ? '' : 'away'}>
          <th scope="row">${p.displayName}</th>
          <td>${presenceState(p)}</td>
          <td>${p.zone ?? ''}</td>
          <td>
            ${tickets.length ? msg(str`Ticket ${ticketList}`) : p.busy ? msg('A patron') : ''}
          </td>
        </tr>`;
      }),
    });
  }

  private _topicLabel(topicId: string): string {
    return this.floor.topics.find((t) => t.id === topicId)?.label ?? msg('Other');
  }

  private async _readBranches() {
    await this._branchesRead.run(msg('load the branches'), async () => {
      this._branches = await listBranches();
      const kept = this.floor.branchId;
      const branchId = this._branches.some((b) => b.id === kept) ? kept : this._branches[0]?.id;
      if (branchId) this._watch(branchId);
    });
  }

  private _pickBranch = (event: Event) => {
    this._watch((event.target as HTMLSelectElement).value);
  };

  private _watch(branchId: string) {
    localStorage.setItem(BRANCH_KEY, branchId);
    this.floor.watch(branchId, reportZone(this._branches.find((b) => b.id === branchId)));
    this.requestUpdate();
  }

  private _toggleLarge = () => {
    this._large = !this._large;
    localStorage.setItem(LARGE_KEY, this._large ? 'yes' : 'no');
    this.toggleAttribute('large', this._large);
  };
}

/** A titled section with a table named by its title, or a sentence when it has no rows. */
function tableSection(
  id: string,
  title: unknown,
  columns: string[],
  { rows, empty }: { rows: unknown[]; empty: string },
) {
  return html`<section aria-labelledby=${id}>
    <h3 id=${id}>${title}</h3>
    ${
      rows.length === 0
        ? html`<p class="empty">${empty}</p>`
        : html`<table aria-labelledby=${id}>
            <thead>
              <tr>
                ${columns.map((c) => html`<th scope="col">${c}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
    }
  </section>`;
}

/** A request the server has flagged as waiting too long (docs/API.md, "Long waits"). */
const isLong = (request: HelpRequest) => request.status === 'waiting' && !!request.escalatedAt;

/** "Waiting", "Claimed by Sam", "With Sam". */
function stateWords(request: HelpRequest): string {
  const who = request.claimedBy?.displayName;
  switch (request.status) {
    case 'claimed':
      return who ? msg(str`On the way: ${who}`) : msg('Claimed');
    case 'serving':
      return who ? msg(str`Being helped by ${who}`) : msg('Being helped');
    default:
      return msg('Waiting');
  }
}

/** "Available", "On a break", "Off the floor", with "tablet not heard from" when silent. */
function presenceState(p: Presence): string {
  if (p.state === 'available')
    return p.silent ? msg('Available, tablet not heard from') : msg('Available');
  if (p.state === 'break')
    return p.silent ? msg('On a break, tablet not heard from') : msg('On a break');
  return p.silent ? msg('Off the floor, tablet not heard from') : msg('Off the floor');
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-floor': RoveAdminFloor;
  }
}
