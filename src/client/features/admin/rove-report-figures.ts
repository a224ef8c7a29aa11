// <rove-report-figures>: one branch's service report in plain sentences, charts and captioned
// tables (where requests came from, how they ended, waits by day, requests by weekday and hour,
// hand-offs, effort, topics, the patrons' feedback, staff). Each chart is a figure with its
// table beside it (<rove-report-chart>); the bars beside some numbers are decoration: every
// figure is also written out. The charts and the table pieces are in report-figure-parts.ts.
// Fires no events.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ServiceReport } from '../../../shared/report.js';
import type { Skill } from '../../../shared/schemas.js';
import { adminStyles } from './admin.styles.js';
import { skillLabel } from './admin-format.js';
import {
  handoffs as handoffCount,
  nineInTen,
  originWords,
  patrons,
  requests as requestCount,
  sayDuration,
  sayHour,
  sayOrigins,
} from './report-format.js';
import { msg, str } from '../../core/locale/msg.js';
import { outcomeChoices, sayEffort } from '../../ui/service-wording.js';
import { plural } from '../../core/words/index.js';
import { palette } from '../../ui/tokens.js';
import { barsSpec } from './report-chart-spec.js';
import {
  barHeight,
  chart,
  feedbackFigure,
  heatmapFigure,
  mostOf,
  table,
  topicsFigure,
  waitsByDayFigure,
  withBar,
} from './report-figure-parts.js';

@customElement('rove-report-figures')
export class RoveReportFigures extends LitElement {
  static override styles = [
    adminStyles,
    css`
      .glance p {
        margin: 0 0 0.6rem;
      }
      .glance strong {
        font-size: 1.15em;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        max-width: 44rem;
        margin: 0 0 1.5rem;
      }
      caption {
        text-align: left;
        font-weight: 700;
        font-size: 1.1rem;
        padding: 0 0 0.5rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.45rem 0.75rem 0.45rem 0;
        border-bottom: 1px solid ${palette.lineSoft};
        vertical-align: top;
      }
      thead th {
        border-bottom: 2px solid ${palette.coolMuted};
      }
      td.number {
        white-space: nowrap;
      }
      @media print {
        caption,
        thead {
          break-after: avoid;
        }
        tr {
          break-inside: avoid;
        }
      }
      .bar {
        display: inline-block;
        height: 0.8rem;
        margin-left: 0.6rem;
        background: ${palette.primary};
        border-radius: 0.2rem;
        vertical-align: middle;
      }
    `,
  ];

  /** The report as the server answered it. */
  @property({ attribute: false }) report?: ServiceReport;
  /** Skill names, to say "Local history" rather than "history". */
  @property({ attribute: false }) skills: Skill[] = [];

  override render() {
    const report = this.report;
    if (!report) return html``;
    if (report.requests.total === 0) {
      return html`<p class="panel">
        ${msg('No one asked for help through Rove in these days, so there is nothing to report yet.')}
      </p>`;
    }
    return html`${this._glance(report)} ${this._origins(report)} ${this._ended(report)}
    ${this._times(report)} ${waitsByDayFigure(report)} ${heatmapFigure(report)}
    ${this._handoffs(report)} ${this._effort(report)} ${topicsFigure(report)}
    ${feedbackFigure(report)} ${this._hours(report)} ${this._staff(report)}`;
  }

  private _glance(r: ServiceReport) {
    const { requests, wait, withPatron, handoffs } = r;
    return html`<section class="panel glance" aria-labelledby="glance">
      <h3 id="glance">${msg('At a glance')}</h3>
      <p>${asked(requests)}</p>
      <p>${sayOrigins(r.byOrigin)}</p>
      <p>
        ${
          wait.count
            ? msg(
                html`Patrons typically waited
                  <strong>${sayDuration(wait.medianSeconds)}</strong> before someone was on the
                  way${nineInTen(wait)}`,
              )
            : msg('Nobody has been on the way to a patron yet in these days.')
        }
      </p>
      ${
        withPatron.count
          ? html`<p>
              ${msg(
                html`Once they started, staff typically spent
                  <strong>${sayDuration(withPatron.medianSeconds)}</strong> with a patron.`,
              )}
            </p>`
          : ''
      }
      <p>${handedOn(handoffs)}</p>
    </section>`;
  }

  /** Where requests came from: the kiosk, or a patron who walked up to staff. */
  private _origins(r: ServiceReport) {
    const { kiosk, walkUp, handOff } = r.byOrigin;
    if (walkUp + handOff === 0) return html``;
    const words = originWords();
    return table(
      msg('Where requests came from'),
      [msg('How the patron asked'), msg('Requests')],
      [
        [words.kiosk, withBar(kiosk, r.requests.total)],
        [words.walkUp, withBar(walkUp, r.requests.total)],
        [words.handOff, withBar(handOff, r.requests.total)],
      ],
    );
  }

  private _ended(r: ServiceReport) {
    // Every way of being helped is listed, even at 0; the others only when they happened.
    const helped = outcomeChoices().map(({ id, label }): [string, number] => [
      msg(str`Helped: ${label}`),
      r.outcomes[id],
    ]);
    const others: [string, number][] = [
      [msg('Cancelled at the kiosk'), r.cancelled.byKiosk],
      [msg('Cancelled by staff'), r.cancelled.byStaff],
      [msg('Cancelled (who cancelled was not kept)'), r.cancelled.unknown],
      [msg('Still waiting for someone'), r.open.waiting],
      [msg('Someone on the way'), r.open.claimed],
      [msg('Being helped now'), r.open.serving],
    ];
    const shown = [...helped, ...others.filter(([, n]) => n > 0)];
    const heading = msg('How requests ended');
    return chart(
      heading,
      mostOf(shown, requestCount),
      barsSpec(shown),
      table(
        heading,
        [msg('What happened'), msg('Requests')],
        shown.map(([label, n]) => [label, n]),
        true,
      ),
      barHeight(shown.length),
    );
  }

  private _times(r: ServiceReport) {
    const row = (label: string, d: ServiceReport['wait']) => [
      label,
      requestCount(d.count),
      sayDuration(d.medianSeconds),
      sayDuration(d.p90Seconds),
    ];
    return table(
      msg('Waiting and time with patrons'),
      [msg('What we timed'), msg('Measured'), msg('Typical (median)'), msg('9 in 10 within')],
      [
        row(msg('Wait until someone was on the way'), r.wait),
        row(msg('Time with the patron, start to finish'), r.withPatron),
      ],
    );
  }

  private _handoffs(r: ServiceReport) {
    if (!r.handoffs.total) return html``;
    const rows = r.handoffs.toSkills.map((s): [string, number] => [
      skillLabel(this.skills, s.skill),
      s.count,
    ]);
    const heading = msg('Hand-offs, by the skill they went to');
    return chart(
      heading,
      mostOf(rows, handoffCount),
      barsSpec(rows, msg('Hand-offs')),
      table(heading, [msg('Skill'), msg('Hand-offs')], rows, true),
      barHeight(rows.length),
    );
  }

  private _effort(r: ServiceReport) {
    const rows = r.effort.grades.map((g): [string, number] => [sayEffort(g.grade), g.count]);
    if (r.effort.ungraded) rows.push([msg('No grade given'), r.effort.ungraded]);
    const heading = msg('Effort of the requests helped');
    return chart(
      heading,
      mostOf(rows, requestCount),
      barsSpec(rows),
      table(heading, [msg('Effort grade'), msg('Requests')], rows, true),
      barHeight(rows.length),
    );
  }

  private _hours(r: ServiceReport) {
    const busiest = Math.max(...r.hours.map((h) => h.count));
    const top = r.hours.find((h) => h.count === busiest)!;
    const used = r.hours.filter((h) => h.count > 0);
    return html`<p>
        ${msg(
          html`The busiest hour was <strong>${sayHour(top.hour)}</strong>, with
            ${requestCount(top.count)}.`,
        )}
      </p>
      ${table(
        msg(str`Requests by hour of the day (${r.tz} time)`),
        [msg('Hour'), msg('Requests')],
        used.map((h) => [sayHour(h.hour), withBar(h.count, busiest)]),
      )}`;
  }

  private _staff(r: ServiceReport) {
    if (!r.staff.length) return html`<p>${msg('No staff member has resolved a request yet.')}</p>`;
    return table(
      msg('Requests resolved, by staff member'),
      [msg('Staff member'), msg('Resolved')],
      r.staff.map((s) => [s.displayName, s.resolved]),
    );
  }
}

/** "12 patrons asked for help. 9 were helped, 1 cancelled, and 2 are still open." */
function asked(r: ServiceReport['requests']) {
  const { done, cancelled, open } = r;
  const helped = plural(
    done,
    msg(str`${done} was helped, ${cancelled} cancelled,`),
    msg(str`${done} were helped, ${cancelled} cancelled,`),
  );
  const left = plural(
    open,
    msg(str`and ${open} is still open.`),
    msg(str`and ${open} are still open.`),
  );
  return html`${msg(html`<strong>${patrons(r.total)}</strong> asked for help.`)} ${helped} ${left}`;
}

/** "3 requests were handed on to a colleague who knew more (4 hand-offs in all)." */
function handedOn(h: ServiceReport['handoffs']) {
  if (!h.total) return msg('No request needed handing on to a colleague.');
  const [n, all] = [h.requests, handoffCount(h.total)];
  return plural(
    n,
    msg(str`${n} request was handed on to a colleague who knew more (${all} in all).`),
    msg(str`${n} requests were handed on to a colleague who knew more (${all} in all).`),
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-report-figures': RoveReportFigures;
  }
}
