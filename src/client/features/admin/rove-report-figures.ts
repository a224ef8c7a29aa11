// <rove-report-figures>: one branch's service report in plain sentences, charts and captioned
// tables (where requests came from, how they ended, waits by day, requests by weekday and hour,
// hand-offs, effort, topics, the patrons' feedback, staff). Each chart is a figure with its
// table beside it (<rove-report-chart>); the bars beside some numbers are decoration: every
// figure is also written out. Fires no events.
import { LitElement, css, html, type TemplateResult } from 'lit';
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
import { list, plural } from '../../core/words/index.js';
import { palette } from '../../ui/tokens.js';
import {
  QUADRANT_MIDDLE,
  barsSpec,
  heatSpec,
  quadrantSpec,
  sayQuadrant,
  waitsSpec,
  type ChartSpec,
} from './report-chart-spec.js';
import { sayDays, sayHourShort } from './report-format.js';
import './rove-report-chart.js';

type Cell = string | number | TemplateResult;

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
    ${this._times(report)} ${this._waitsByDay(report)} ${this._heatmap(report)}
    ${this._handoffs(report)} ${this._effort(report)} ${this._topics(report)}
    ${this._feedback(report)} ${this._hours(report)} ${this._staff(report)}`;
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

  private _topics(r: ServiceReport) {
    // Where each topic came from, only when some came other than through a kiosk.
    const walkUps = r.byOrigin.walkUp + r.byOrigin.handOff > 0;
    const counts = r.topics.map((t): [string, number] => [t.label, t.count]);
    const heading = msg('Topics patrons asked about');
    const figures = table(
      heading,
      [
        msg('Topic'),
        msg('Requests'),
        ...(walkUps
          ? [msg('At a kiosk'), msg('Walk-ups helped there'), msg('Walk-ups handed on')]
          : []),
        msg('Typical wait'),
      ],
      r.topics.map((t) => [
        t.label,
        t.count,
        ...(walkUps ? [t.byOrigin.kiosk, t.byOrigin.walkUp, t.byOrigin.handOff] : []),
        sayDuration(t.medianWaitSeconds),
      ]),
      true,
    );
    return chart(
      heading,
      mostOf(counts, requestCount),
      barsSpec(counts),
      figures,
      barHeight(counts.length),
      true,
    );
  }

  /** Typical and long waits, day by day (for a range of more than one day). */
  private _waitsByDay(r: ServiceReport) {
    if (r.waitsByDay.length < 2) return html``;
    const measured = r.waitsByDay.filter((d) => d.p50Seconds !== null);
    const longest = measured.reduce<(typeof measured)[number] | undefined>(
      (top, d) => (top && top.p90Seconds! >= d.p90Seconds! ? top : d),
      undefined,
    );
    const days = sayDays(r.from, r.to);
    const day = longest ? sayDays(longest.day, longest.day) : '';
    const within = longest ? sayDuration(longest.p90Seconds) : '';
    const summary = longest
      ? msg(
          str`Line chart of typical and long waits for each day from ${days}. The longest waits were on ${day}: 9 in 10 within ${within}.`,
        )
      : msg(str`Line chart of waits for each day from ${days}: no wait was measured.`);
    const heading = msg('Typical and long waits, day by day');
    return chart(
      heading,
      summary,
      waitsSpec(r),
      table(
        heading,
        [msg('Day'), msg('Requests'), msg('Typical wait (median)'), msg('9 in 10 within')],
        r.waitsByDay.map((d) => [
          sayDays(d.day, d.day),
          d.requests,
          sayDuration(d.p50Seconds),
          sayDuration(d.p90Seconds),
        ]),
        true,
      ),
      18,
      true,
    );
  }

  /** Requests by weekday and hour: the grid, and the table of the hours that had any. */
  private _heatmap(r: ServiceReport) {
    const spec = heatSpec(r);
    const busy = r.heatmap.filter((c) => c.requests > 0).map((c) => c.hour);
    if (!busy.length) return html``;
    const first = Math.min(...busy);
    const last = Math.max(...busy);
    const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    let top = { row: 0, hour: 0, n: -1 };
    spec.counts.forEach((row, i) =>
      row.forEach((n, hour) => {
        if (n > top.n) top = { row: i, hour, n };
      }),
    );
    const { tz } = r;
    const weekday = spec.weekdays[top.row]!;
    const hour = sayHourShort(top.hour);
    const most = requestCount(top.n);
    const summary = msg(
      str`Grid of requests by weekday and hour of the day (${tz} time), darker for more. The busiest was ${weekday} at ${hour}, with ${most}.`,
    );
    const heading = msg(str`Requests by weekday and hour (${tz} time)`);
    return chart(
      heading,
      summary,
      spec,
      table(
        heading,
        [msg('Weekday'), ...hours.map(sayHourShort)],
        spec.weekdays.map((day, i) => [day, ...hours.map((h) => spec.counts[i]![h]!)]),
        true,
      ),
      18,
      true,
    );
  }

  /** The patrons' word back: how well we did against how much it mattered, per topic. */
  private _feedback(r: ServiceReport) {
    const { feedback } = r;
    if (!feedback.responses) return html``;
    const labels = new Map(r.topics.map((t) => [t.topicId, t.label]));
    const good = feedback.satisfaction[3]! + feedback.satisfaction[4]!;
    const spec = quadrantSpec(r);
    const needsWork = spec.points.filter(
      (p) => p.importance >= QUADRANT_MIDDLE && p.satisfaction < QUADRANT_MIDDLE,
    );
    const topics = list(needsWork.map((p) => p.label));
    const summary = `${msg('Chart of each topic by how well we did (across) and how much it mattered (up).')} ${
      needsWork.length
        ? msg(str`Mattered and needs work: ${topics}.`)
        : msg('No topic both mattered and went badly.')
    }`;
    const said = patrons(feedback.responses);
    const heading = msg('What mattered to patrons, and how well we did');
    return html`<p>${msg(str`${said} said how well we did: ${good} gave 4 or 5 out of 5.`)}</p>
      ${chart(
        heading,
        summary,
        spec,
        table(
          heading,
          [
            msg('Topic'),
            msg('Answers'),
            msg('How well we did (of 5)'),
            msg('How much it mattered (of 5)'),
            msg('Where it falls'),
          ],
          feedback.byTopic.map((t) => [
            labels.get(t.topicId) ?? t.topicId,
            t.responses,
            t.satisfactionMean,
            t.importanceMean ?? msg('not said'),
            t.importanceMean === null ? '' : sayQuadrant(t.satisfactionMean, t.importanceMean),
          ]),
          true,
        ),
        20,
        true,
      )}`;
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

/**
 * A data table: caption, column headers, and the first cell of each row as its header. Beside
 * a chart whose title says the same, the caption is for screen readers only.
 */
function table(caption: string, headers: string[], rows: Cell[][], besideChart = false) {
  return html`<table>
    <caption class=${besideChart ? 'visually-hidden' : ''}>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${headers.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([head, ...cells]) =>
          html`<tr>
            <th scope="row">${head}</th>
            ${cells.map((c) => html`<td class="number">${c}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** A chart with its title, its one-sentence summary, and its table beside it. */
function chart(
  heading: string,
  summary: string,
  spec: ChartSpec,
  figures: TemplateResult,
  height = 16,
  wide = false,
) {
  return html`<rove-report-chart
    heading=${heading}
    summary=${summary}
    .spec=${spec}
    .height=${height}
    ?wide=${wide}
    >${figures}</rove-report-chart
  >`;
}

/** Enough height for `n` bars across. */
const barHeight = (n: number) => Math.max(8, 3.5 + n * 2.8);

/** "Bar chart of 9 rows; the most: Helped: Answered, 6 requests." */
function mostOf(rows: [string, number][], counted: (n: number) => string): string {
  const top = rows.reduce<[string, number] | undefined>(
    (best, row) => (best && best[1] >= row[1] ? best : row),
    undefined,
  );
  if (!top) return msg('Bar chart with nothing to show.');
  const n = rows.length;
  const [label, most] = [top[0], counted(top[1])];
  return msg(str`Bar chart of ${n} rows; the most: ${label}, ${most}.`);
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

/**
 * The number, then a bar as long as its share of `of` (hidden from screen readers). The width
 * is set through the CSSOM (`.style`), not a `style` attribute, which the CSP refuses.
 */
function withBar(n: number, of: number) {
  const width = of > 0 ? Math.round((n / of) * 10 * 10) / 10 : 0;
  return html`${n}<span class="bar" .style=${`width: ${width}rem`} aria-hidden="true"></span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-report-figures': RoveReportFigures;
  }
}
