// <rove-admin-branch-zones>: the places on a branch's floor ("Ground floor", "Kids' area") that
// staff say they are in and kiosks stand in (docs/API.md, "Zones"). The supervisor adds,
// renames, removes and reorders them in a draft, sees what to fix before anything is sent, and
// saves the whole list at once. Fires `branch-changed` (detail: the branch) once saved.
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { adminStyles } from './admin.styles.js';
import { BranchPanel } from './branch-panel.js';
import {
  ZONES_MAX,
  ZONE_NAME_MAX,
  sameZone,
  zoneNameProblem,
  zoneProblems,
  type ZoneProblem,
} from './branch-floor.js';
import { plural } from '../../core/words/index.js';
import { palette } from '../../ui/tokens.js';
import { msg, str } from '../../core/locale/msg.js';

/** A zone in the draft; `key` follows it through moves, so focus can follow it too. */
interface DraftZone {
  key: number;
  name: string;
}

@customElement('rove-admin-branch-zones')
export class RoveAdminBranchZones extends BranchPanel {
  static override styles = [
    adminStyles,
    css`
      ol.zones {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
      }
      ol.zones > li {
        border-top: 1px solid ${palette.lineSoft};
        padding: 0.75rem 0;
      }
      .problem {
        color: ${palette.dangerDark};
        font-weight: 600;
        margin: 0.3rem 0 0;
      }
      .error ul {
        margin: 0.3rem 0 0;
        padding-left: 1.25rem;
      }
      .unsaved {
        font-weight: 600;
      }
    `,
  ];

  @state() private _zones: DraftZone[] = [];
  /** The problems found at the last Save (kept up to date as the supervisor fixes them). */
  @state() private _problems: ZoneProblem[] = [];
  @state() private _checked = false;
  @state() private _addProblem = '';
  private _nextKey = 0;
  /** The zones the draft started from: the branch's as last read or saved. */
  private _saved: string[] = [];

  protected override branchArrived(other: boolean) {
    const zones = this.branch?.zones ?? [];
    // Another screen's save (the desk) hands a new branch object: keep the supervisor's draft.
    if (other || (!this._dirty() && !sameList(zones, this._saved))) this._start(zones);
  }

  override render() {
    const branch = this.branch;
    if (!branch) return html``;
    const last = this._zones.length - 1;
    return html`<form
      class="panel"
      aria-labelledby="zones-heading"
      @submit=${this._save}
      novalidate
    >
      <h3 id="zones-heading">${msg(str`Zones at ${branch.name}`)}</h3>
      <p class="hint">
        ${msg(
          str`The parts of the building staff move between, for example “Ground floor” or “Kids’ area”. Staff say which zone they are in, each kiosk can be given its zone on the Devices screen, and tablets suggest someone nearby. Up to ${ZONES_MAX} zones, each up to ${ZONE_NAME_MAX} characters.`,
        )}
      </p>
      ${this._renderProblems()}
      <p role="status">${this._notice}</p>
      ${
        this._zones.length
          ? html`<ol class="zones" aria-label=${msg('Zones')}>
              ${repeat(
                this._zones,
                (zone) => zone.key,
                (zone, index) => this._renderZone(zone, index, last),
              )}
            </ol>`
          : html`<p>${msg('This branch has no zones yet.')}</p>`
      }
      <div class="field">
        <label for="new-zone">${msg('New zone')}</label>
        <input
          id="new-zone"
          aria-invalid=${this._addProblem ? 'true' : 'false'}
          aria-describedby="new-zone-problem"
          @keydown=${this._addOnEnter}
        />
        <p class="problem" id="new-zone-problem">${this._addProblem}</p>
      </div>
      <div class="row">
        <button type="button" @click=${this._add}>${msg('Add zone')}</button>
        <button class="primary" type="submit" ?disabled=${this._action.busy}>
          ${msg('Save zones')}
        </button>
        ${
          this._dirty()
            ? html`<button type="button" @click=${this._undo}>${msg('Undo changes')}</button>
                <span class="unsaved">${msg('Changes not saved yet.')}</span>`
            : ''
        }
      </div>
    </form>`;
  }

  private _renderProblems() {
    if (this._action.error) return html`<p class="error" role="alert">${this._action.error}</p>`;
    if (!this._problems.length) return html``;
    const intro = plural(
      this._problems.length,
      msg('Please fix this before saving:'),
      msg('Please fix these before saving:'),
    );
    return html`<div class="error" role="alert">
      ${intro}
      <ul>
        ${this._problems.map((p) => html`<li>${p.message}</li>`)}
      </ul>
    </div>`;
  }

  private _renderZone(zone: DraftZone, index: number, last: number) {
    const id = `zone-${zone.key}`;
    const problem = this._problems.find((p) => p.index === index);
    const position = index + 1;
    const name = zone.name.trim() || msg(str`zone ${position}`);
    return html`<li data-key=${zone.key}>
      <div class="field">
        <label for=${id}>${msg(str`Zone ${position}`)}</label>
        <input
          id=${id}
          .value=${zone.name}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby="${id}-problem"
          @input=${(event: Event) => this._rename(zone, (event.target as HTMLInputElement).value)}
        />
        <p class="problem" id="${id}-problem">${problem?.message ?? ''}</p>
      </div>
      <div class="row">
        <button
          type="button"
          class="up"
          ?disabled=${index === 0}
          @click=${() => this._move(zone, -1)}
        >
          ${msg(html`Move <span class="visually-hidden">${name}</span> up`)}
        </button>
        <button
          type="button"
          class="down"
          ?disabled=${index === last}
          @click=${() => this._move(zone, 1)}
        >
          ${msg(html`Move <span class="visually-hidden">${name}</span> down`)}
        </button>
        <button type="button" class="danger remove" @click=${() => this._remove(zone)}>
          ${msg(html`Remove <span class="visually-hidden">${name}</span>`)}
        </button>
      </div>
    </li>`;
  }

  private _start(zones: readonly string[]) {
    this._saved = [...zones];
    this._zones = zones.map((name) => ({ key: this._nextKey++, name }));
    this._problems = [];
    this._checked = false;
    this._addProblem = '';
  }

  private _names(): string[] {
    return this._zones.map((zone) => zone.name.trim());
  }

  private _dirty(): boolean {
    return !sameList(this._names(), this._saved);
  }

  /** After the first Save found problems, the list of them follows each keystroke. */
  private _recheck() {
    if (this._checked) this._problems = zoneProblems(this._names());
  }

  private _rename(zone: DraftZone, name: string) {
    this._zones = this._zones.map((z) => (z.key === zone.key ? { ...z, name } : z));
    this._recheck();
  }

  private _addOnEnter(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void this._add();
  }

  private async _add() {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#new-zone');
    if (!input) return;
    const name = input.value.trim();
    const own = zoneNameProblem(name);
    const twin = this._zones.findIndex((zone) => sameZone(zone.name.trim(), name));
    this._addProblem = own
      ? own
      : twin >= 0
        ? msg(str`“${name}” is already zone ${twin + 1}.`)
        : this._zones.length >= ZONES_MAX
          ? msg(str`A branch can have at most ${ZONES_MAX} zones. Please remove one first.`)
          : '';
    if (this._addProblem) {
      input.focus();
      return;
    }
    this._zones = [...this._zones, { key: this._nextKey++, name }];
    input.value = '';
    const position = this._zones.length;
    this._notice = msg(str`“${name}” is added as zone ${position}. Save zones to keep it.`);
    this._recheck();
    input.focus();
  }

  private async _move(zone: DraftZone, by: -1 | 1) {
    const from = this._zones.findIndex((z) => z.key === zone.key);
    const to = from + by;
    if (from < 0 || to < 0 || to >= this._zones.length) return;
    const order = [...this._zones];
    order.splice(from, 1);
    order.splice(to, 0, zone);
    this._zones = order;
    const name = zone.name.trim();
    const position = to + 1;
    const total = order.length;
    this._notice = name
      ? msg(str`${name} moved to position ${position} of ${total}.`)
      : msg(str`The zone moved to position ${position} of ${total}.`);
    this._recheck();
    // Moving a row re-inserts it, which drops focus: put it back on the same button (or the
    // other one, once the zone reached the end of the list).
    await this.updateComplete;
    const row = this.renderRoot.querySelector(`li[data-key="${zone.key}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(by < 0 ? '.up' : '.down');
    const other = row?.querySelector<HTMLButtonElement>(by < 0 ? '.down' : '.up');
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }

  private async _remove(zone: DraftZone) {
    const index = this._zones.findIndex((z) => z.key === zone.key);
    this._zones = this._zones.filter((z) => z.key !== zone.key);
    const name = zone.name.trim();
    this._notice = name
      ? msg(str`“${name}” is taken off the list. Save zones to keep the change.`)
      : msg('The zone is taken off the list. Save zones to keep the change.');
    this._recheck();
    await this.updateComplete;
    const next = this._zones[Math.min(index, this._zones.length - 1)];
    const focus = next
      ? this.renderRoot.querySelector<HTMLElement>(`li[data-key="${next.key}"] .remove`)
      : this.renderRoot.querySelector<HTMLElement>('#new-zone');
    focus?.focus();
  }

  private _undo() {
    this._start(this._saved);
    this._notice = msg('Back to the zones as saved.');
  }

  private async _save(event: SubmitEvent) {
    event.preventDefault();
    const branch = this.branch;
    if (!branch) return;
    const zones = this._names();
    this._checked = true;
    this._problems = zoneProblems(zones);
    this._notice = '';
    this._action.say('');
    const first = this._problems[0];
    if (first) {
      await this.updateComplete;
      const key = this._zones[first.index]?.key;
      this.renderRoot.querySelector<HTMLInputElement>(`#zone-${key}`)?.focus();
      return;
    }
    const removed = this._saved.filter((old) => !zones.some((name) => sameZone(name, old)));
    await this.saveBranch(msg('save the zones'), { zones }, (changed) => {
      const saved = changed.zones ?? zones;
      this._start(saved);
      const branchName = changed.name;
      const n = saved.length;
      const zonesCount = plural(n, msg(str`${n} zone`), msg(str`${n} zones`));
      const said = n
        ? msg(str`Saved. Staff at ${branchName} can choose from ${zonesCount}.`)
        : msg(str`Saved. ${branchName} has no zones now.`);
      return removed.length
        ? `${said} ${msg('Anyone or any kiosk still in a zone you took off keeps it until it is changed.')}`
        : said;
    });
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-branch-zones': RoveAdminBranchZones;
  }
}
