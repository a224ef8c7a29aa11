// <rove-admin-report>: how service went at a branch. The supervisor picks a branch and a range
// of days (today, the last 7 or 30 days, or dates of their own, in the branch's time zone, or
// this browser's for a branch without one) and reads the figures as sentences and tables (<rove-report-figures>). Loaded lazily.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listBranches, listSkills } from './admin-api.js';
import { exportCsvUrl, getServiceReport } from './report-api.js';
import type { ServiceReport } from '../../../shared/report.js';
import type { Branch, Skill } from '../../../shared/schemas.js';
import './rove-report-figures.js';
import { adminStyles } from './admin.styles.js';
import { radioChoice } from '../../ui/form-pieces.js';
import { adminAction, isSignedOut, sayAdminError } from './admin-errors.js';
import { branchName } from './admin-format.js';
import { msg, str } from '../../core/locale/msg.js';
import {
  localDay,
  presetRange,
  reportZone,
  rangeChoices,
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
      .take {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1rem;
        align-items: center;
        margin: 0 0 1.25rem;
      }
      a.button {
        display: inline-flex;
        align-items: center;
        min-height: 48px;
        box-sizing: border-box;
        padding: 0.5rem 1.1rem;
        border-radius: 0.5rem;
        border: 2px solid ${palette.primary};
        background: ${palette.card};
        color: ${palette.primary};
        font-weight: 600;
        text-decoration: none;
      }
      /* On paper: the figures only, not the controls that chose them. */
      @media print {
        form,
        .take,
        [role='status'] {
          display: none;
        }
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
  @state() private _rangeError = '';
  /**
   * Reading the branches, then the report: busy until the newest ask is answered, and why it
   * could not be. A new ask (another branch, other days) replaces one still on its way, and
   * leaving the page drops it.
   */
  private readonly _reading = adminAction(this, { latest: true });

  private get _branch(): Branch | undefined {
    return this._branches.find((b) => b.id === this._branchId);
  }

  /** The zone the days and hours are counted in: the branch's own, else this device's. */
  private get _tz(): string {
    return reportZone(this._branch);
  }

  override connectedCallback() {
    super.connectedCallback();
    void this._start();
  }

  override render() {
    return html`
      <h2>${msg('Service report')}</h2>
      <form class="panel" aria-label=${msg('Report settings')} @submit=${this._submit} novalidate>
        <div class="field">
          <label for="branch">${msg('Branch')}</label>
          <select id="branch" @change=${this._pickBranch} ?disabled=${!this._branches.length}>
            ${this._branches.map(
              (b) =>
                html`<option value=${b.id} ?selected=${b.id === this._branchId}>${b.name}</option>`,
            )}
          </select>
        </div>
        <fieldset>
          <legend>${msg('Days')}</legend>
          <div class="choices">
            ${rangeChoices().map((c) =>
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
        <p class="hint">${this._sayZone()}</p>
        <button class="primary" type="submit">
          ${this._choice === 'custom' ? msg('Show these days') : msg('Refresh the report')}
        </button>
      </form>
      ${this._reading.error ? html`<p class="error" role="alert">${this._reading.error}</p>` : ''}
      <div role="status">${this._reading.busy ? msg('Loading the report…') : ''}</div>
      ${this._renderReport()}
    `;
  }

  private _sayZone() {
    const tz = this._tz;
    return this._branch?.timeZone
      ? msg(str`Days and hours are counted in the branch's time zone, ${tz}.`)
      : msg(
          str`Days and hours are counted in this device's time zone, ${tz}. Set the branch's own time zone under Topics so that every report and CSV agrees.`,
        );
  }

  private _renderDates() {
    return html`${
        this._rangeError ? html`<p class="error" role="alert">${this._rangeError}</p>` : ''
      }
      <div class="dates">
        <div class="field">
          <label for="from">${msg('First day')}</label>
          <input
            id="from"
            type="date"
            .value=${this._from}
            @change=${(e: Event) => (this._from = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="to">${msg('Last day')}</label>
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
    if (!report || this._reading.busy) return '';
    return html`<section aria-labelledby="report-heading">
      <h3 id="report-heading">
        ${msg(str`${branchName(this._branches, report.branchId)}, ${sayDays(report.from, report.to)}`)}
      </h3>
      <div class="take">
        <a
          class="button"
          href=${exportCsvUrl(report.branchId, report)}
          download
          aria-describedby="csv-hint"
          >${msg('Download CSV')}</a
        >
        <button type="button" @click=${() => window.print()}>${msg('Print the report')}</button>
        <span class="hint" id="csv-hint"
          >${msg('The CSV has one row per request of these days, for a spreadsheet.')}</span
        >
      </div>
      <rove-report-figures .report=${report} .skills=${this._skills}></rove-report-figures>
    </section>`;
  }

  /** The branches, then the first branch's report, as one read (one "Loading" throughout). */
  private async _start() {
    let listed = false;
    await this._reading.run(
      msg('load the branches'),
      async (signal) => {
        const [branches, skills] = await Promise.all([listBranches(), listSkills()]);
        this._branches = branches;
        this._skills = skills;
        this._branchId = branches[0]?.id ?? '';
        this._presetDays();
        listed = true;
        if (this._branchId) await this._fetchReport(signal);
      },
      (error) =>
        listed && !isSignedOut(error) ? sayAdminError(error, msg('load the report')) : undefined,
    );
    if (listed && !this._branchId) this._reading.say(msg('There is no branch to report on yet.'));
  }

  private _pickBranch(event: Event) {
    this._branchId = (event.target as HTMLSelectElement).value;
    // "Today" at a branch in another zone may be another day.
    this._presetDays();
    void this._load();
  }

  private _pickRange(choice: RangeChoice) {
    this._choice = choice;
    this._rangeError = '';
    if (choice === 'custom') return;
    this._presetDays();
    void this._load();
  }

  /** The days a preset choice means now, on the clock of the report's zone. */
  private _presetDays() {
    const choice = this._choice;
    if (choice === 'custom') return;
    const range = presetRange(choice, new Date(), this._tz);
    this._from = range.from;
    this._to = range.to;
  }

  private _submit(event: SubmitEvent) {
    event.preventDefault();
    if (this._choice !== 'custom') return this._pickRange(this._choice);
    this._rangeError = rangeProblem(this._from, this._to);
    if (!this._rangeError) void this._load();
  }

  private async _load() {
    await this._reading.run(msg('load the report'), (signal) => this._fetchReport(signal));
  }

  /** The report for the chosen branch and days; a replaced ask changes nothing. */
  private async _fetchReport(signal: AbortSignal) {
    const range = { from: this._from, to: this._to, tz: this._tz };
    try {
      const report = await getServiceReport(this._branchId, range, signal);
      if (!signal.aborted) this._report = report;
    } catch (error) {
      if (!signal.aborted) this._report = undefined;
      throw error;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-report': RoveAdminReport;
  }
}
