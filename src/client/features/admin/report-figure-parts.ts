// The report's charts, each a figure with its title, a one-sentence summary and its table
// beside it (<rove-report-chart>): topics, waits by day, requests by weekday and hour, and the
// patrons' feedback; and the table and chart pieces every part of the report is built from.
import { html, type TemplateResult } from 'lit';
import type { ServiceReport } from '../../../shared/report.js';
import { msg, str } from '../../core/locale/msg.js';
import { list } from '../../core/words/index.js';
import {
  QUADRANT_MIDDLE,
  barsSpec,
  heatSpec,
  quadrantSpec,
  sayQuadrant,
  waitsSpec,
  type ChartSpec,
} from './report-chart-spec.js';
import {
  patrons,
  requests as requestCount,
  sayDays,
  sayDuration,
  sayHourShort,
} from './report-format.js';
import './rove-report-chart.js';

type Cell = string | number | TemplateResult;

/** The topics patrons asked about: bars, and each topic's requests, origins and wait. */
export function topicsFigure(r: ServiceReport) {
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
export function waitsByDayFigure(r: ServiceReport) {
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
export function heatmapFigure(r: ServiceReport) {
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
    // An hour a row and a weekday a column: seven columns fit any page, where an hour a
    // column ran off A4 and Letter paper once requests spread over more than about 12 hours.
    table(
      heading,
      [
        msg('Hour'),
        ...spec.weekdays.map((day, i) => html`<abbr title=${day}>${spec.weekdaysShort[i]}</abbr>`),
      ],
      hours.map((h) => [sayHourShort(h), ...spec.counts.map((row) => row[h]!)]),
      true,
    ),
    18,
    true,
  );
}

/** The patrons' word back: how well we did against how much it mattered, per topic. */
export function feedbackFigure(r: ServiceReport) {
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

/**
 * A data table: caption, column headers, and the first cell of each row as its header. Beside
 * a chart whose title says the same, the caption is for screen readers only.
 */
export function table(caption: string, headers: Cell[], rows: Cell[][], besideChart = false) {
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
export function chart(
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
export const barHeight = (n: number) => Math.max(8, 3.5 + n * 2.8);

/** "Bar chart of 9 rows; the most: Helped: Answered, 6 requests." */
export function mostOf(rows: [string, number][], counted: (n: number) => string): string {
  const top = rows.reduce<[string, number] | undefined>(
    (best, row) => (best && best[1] >= row[1] ? best : row),
    undefined,
  );
  if (!top) return msg('Bar chart with nothing to show.');
  const n = rows.length;
  const [label, most] = [top[0], counted(top[1])];
  return msg(str`Bar chart of ${n} rows; the most: ${label}, ${most}.`);
}

/**
 * The number, then a bar as long as its share of `of` (hidden from screen readers). The width
 * is set through the CSSOM (`.style`), not a `style` attribute, which the CSP refuses.
 */
export function withBar(n: number, of: number) {
  const width = of > 0 ? Math.round((n / of) * 10 * 10) / 10 : 0;
  return html`${n}<span class="bar" .style=${`width: ${width}rem`} aria-hidden="true"></span>`;
}
