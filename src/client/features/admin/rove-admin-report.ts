// <rove-admin-report>: how service went at a branch. The supervisor picks a branch and a range
// of days (today, the last 7 or 30 days, or dates of their own, in this browser's time zone)
// and reads the figures as sentences and tables (<rove-report-figures>). Loaded lazily.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listBranches, listSkills } from './admin-api.js';
import { getServiceReport } from './report-api.js';
import type { ServiceReport } from '../../../shared/report.js';
import type { Branch, Skill } from '../../../shared/schemas.js';
import './rove-report-figures.js';
import { adminStyles } from './admin.styles.js';
import { radioChoice } from '../../ui/form-pieces.js';
import { leaveIfSignedOut, sayAdminError } from './admin-errors.js';
import { branchName } from './admin-format.js';
import {
  RANGE_CHOICES,
  browserTimeZone,
  localDay,
  presetRange,
  rangeProblem,
  sayDays,
  type RangeChoice,
} from './report-format.js';
import { palette } from '../../ui/tokens.js';

@customElement('rove-admin-report')
export class RoveAdminReport extends LitElement {
  static override styles = [
    adminStyles,
    css`
      input[type='date'] {
        box-sizing: border-box;
        min-height: 48px;
        padding: 0.5rem 0.75rem;
        border: 2px solid ${palette.coolMuted};
        border-radius: 0.5rem;
        font: inherit;
      }
      .dates {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.25rem;
      }
    `,
  ];

  @state() private _branches: Branch[] = [];
  @state() private _skills: Skill[] = [];
  @state() private _branchId = '';
  @state() private _choice: RangeChoice = 'today';
  @state() private _from = localDay(new Date());
  @state() private _to = localDay(new Date());
  @state() private _report?: ServiceReport;
  @state() private _loading = true;
  @state() private _error = '';
  @state() private _rangeError = '';
  private readonly _tz = browserTimeZone();
  private _inFlight?: AbortController;

  override connectedCallback() {
    super.connectedCallback();
    void this._start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._inFlight?.abort();
  }

  override render() {
    return html`
      <h2>Service report</h2>
      <form class="panel" aria-label="Report settings" @submit=${this._submit} novalidate>
        <div class="field">
          <label for="branch">Branch</label>
          <select id="branch" @change=${this._pickBranch} ?disabled=${!this._branches.length}>
            ${this._branches.map(
              (b) =>
                html`<option value=${b.id} ?selected=${b.id === this._branchId}>${b.name}</option>`,
            )}
          </select>
        </div>
        <fieldset>
          <legend>Days</legend>
          <div class="choices">
            ${RANGE_CHOICES.map((c) =>
              radioChoice(
                'range',
                c.id,
                c.label,
                () => this._pickRange(c.id),
                this._choice === c.id,
              ),
            )}
          </div>
        </fieldset>
        ${this._choice === 'custom' ? this._renderDates() : ''}
        <p class="hint">Days and hours are counted in this device's time zone, ${this._tz}.</p>
        <button class="primary" type="submit">
          ${this._choice === 'custom' ? 'Show these days' : 'Refresh the report'}
        </button>
      </form>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : ''}
      <div role="status">${this._loading ? 'Loading the report…' : ''}</div>
      ${this._renderReport()}
    `;
  }

  private _renderDates() {
    return html`${
        this._rangeError ? html`<p class="error" role="alert">${this._rangeError}</p>` : ''
      }
      <div class="dates">
        <div class="field">
          <label for="from">First day</label>
          <input
            id="from"
            type="date"
            .value=${this._from}
            @change=${(e: Event) => (this._from = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="to">Last day</label>
          <input
            id="to"
            type="date"
            .value=${this._to}
            @change=${(e: Event) => (this._to = (e.target as HTMLInputElement).value)}
          />
        </div>
      </div>`;
  }

  private _renderReport() {
    const report = this._report;
    if (!report || this._loading) return '';
    return html`<section aria-labelledby="report-heading">
      <h3 id="report-heading">
        ${branchName(this._branches, report.branchId)}, ${sayDays(report.from, report.to)}
      </h3>
      <rove-report-figures .report=${report} .skills=${this._skills}></rove-report-figures>
    </section>`;
  }

  private async _start() {
    try {
      const [branches, skills] = await Promise.all([listBranches(), listSkills()]);
      this._branches = branches;
      this._skills = skills;
      this._branchId = branches[0]?.id ?? '';
    } catch (error) {
      this._loading = false;
      if (leaveIfSignedOut(this, error)) return;
      this._error = sayAdminError(error, 'load the branches');
      return;
    }
    if (!this._branchId) {
      this._loading = false;
      this._error = 'There is no branch to report on yet.';
      return;
    }
    await this._load();
  }

  private _pickBranch(event: Event) {
    this._branchId = (event.target as HTMLSelectElement).value;
    void this._load();
  }

  private _pickRange(choice: RangeChoice) {
    this._choice = choice;
    this._rangeError = '';
    if (choice === 'custom') return;
    const range = presetRange(choice);
    this._from = range.from;
    this._to = range.to;
    void this._load();
  }

  private _submit(event: SubmitEvent) {
    event.preventDefault();
    if (this._choice !== 'custom') return this._pickRange(this._choice);
    this._rangeError = rangeProblem(this._from, this._to);
    if (!this._rangeError) void this._load();
  }

  private async _load() {
    this._inFlight?.abort();
    const inFlight = (this._inFlight = new AbortController());
    this._loading = true;
    this._error = '';
    const range = { from: this._from, to: this._to, tz: this._tz };
    try {
      const report = await getServiceReport(this._branchId, range, inFlight.signal);
      if (inFlight.signal.aborted) return;
      this._report = report;
    } catch (error) {
      if (inFlight.signal.aborted) return;
      if (leaveIfSignedOut(this, error)) return;
      this._report = undefined;
      this._error = sayAdminError(error, 'load the report');
    }
    this._loading = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-report': RoveAdminReport;
  }
}
