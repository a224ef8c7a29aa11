// What each chart of the Report screen shows, as plain data (no chart library here): the
// report's figures turned into bars, lines, a weekday-by-hour grid and the feedback quadrant.
// report-charts.ts draws these with Chart.js; the tables beside the charts read the same specs,
// so a chart and its table never disagree.
import type { ServiceReport } from '../../../shared/report.js';
import { msg } from '../../core/locale/msg.js';

/** Bars, one per label, drawn across (labels can be long); the value is written at the end. */
export interface BarsSpec {
  kind: 'bars';
  labels: string[];
  values: number[];
  /** What a value counts, for the axis: "Requests", "Hand-offs". */
  unit: string;
}

/** Typical (median) and long (90th percentile) waits per day, in minutes; null: none measured. */
export interface WaitsSpec {
  kind: 'waits';
  days: string[];
  p50: (number | null)[];
  p90: (number | null)[];
}

/** Requests per weekday (rows, Monday first) and hour (columns 0-23). */
export interface HeatSpec {
  kind: 'heat';
  weekdays: string[];
  /** The same, short ("Mon"), for the table's column headers. */
  weekdaysShort: string[];
  /** counts[row][hour] */
  counts: number[][];
}

/** One dot per topic: how well we did (x, 1-5) against how much it mattered (y, 1-5). */
export interface QuadrantSpec {
  kind: 'quadrant';
  points: { label: string; satisfaction: number; importance: number; responses: number }[];
}

export type ChartSpec = BarsSpec | WaitsSpec | HeatSpec | QuadrantSpec;

/** The report's weekday numbers (0 Sunday) in the order the grid shows them: Monday first. */
export const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** "Monday" .. "Sunday" in the browser's language (1 January 2023 was a Sunday). */
function weekdayName(weekday: number, width: 'long' | 'short' = 'long'): string {
  return new Date(Date.UTC(2023, 0, 1 + weekday)).toLocaleDateString([], {
    weekday: width,
    timeZone: 'UTC',
  });
}

export function heatSpec(report: ServiceReport): HeatSpec {
  const counts = WEEKDAY_ORDER.map(() => Array.from({ length: 24 }, () => 0));
  for (const cell of report.heatmap) {
    counts[WEEKDAY_ORDER.indexOf(cell.weekday as (typeof WEEKDAY_ORDER)[number])]![cell.hour] =
      cell.requests;
  }
  return {
    kind: 'heat',
    weekdays: WEEKDAY_ORDER.map((d) => weekdayName(d)),
    weekdaysShort: WEEKDAY_ORDER.map((d) => weekdayName(d, 'short')),
    counts,
  };
}

/** Seconds to minutes, to a tenth. */
const minutes = (seconds: number | null) =>
  seconds === null ? null : Math.round(seconds / 6) / 10;

export function waitsSpec(report: ServiceReport): WaitsSpec {
  return {
    kind: 'waits',
    days: report.waitsByDay.map((d) => d.day),
    p50: report.waitsByDay.map((d) => minutes(d.p50Seconds)),
    p90: report.waitsByDay.map((d) => minutes(d.p90Seconds)),
  };
}

export function barsSpec(rows: [string, number][], unit = msg('Requests')): BarsSpec {
  return {
    kind: 'bars',
    labels: rows.map(([label]) => label),
    values: rows.map(([, n]) => n),
    unit,
  };
}

/** Topics whose patrons said both how well we did and how much it mattered. */
export function quadrantSpec(report: ServiceReport): QuadrantSpec {
  const labels = new Map(report.topics.map((t) => [t.topicId, t.label]));
  return {
    kind: 'quadrant',
    points: report.feedback.byTopic.flatMap((t) =>
      t.importanceMean === null
        ? []
        : [
            {
              label: labels.get(t.topicId) ?? t.topicId,
              satisfaction: t.satisfactionMean,
              importance: t.importanceMean,
              responses: t.responses,
            },
          ],
    ),
  };
}

/** The middle of the 1-5 scales: the quadrant's lines. */
export const QUADRANT_MIDDLE = 3;

/** Which quarter of the LibQual picture a topic falls in, in a supervisor's words. */
export function sayQuadrant(satisfaction: number, importance: number): string {
  const matters = importance >= QUADRANT_MIDDLE;
  const well = satisfaction >= QUADRANT_MIDDLE;
  if (matters && !well) return msg('Matters, and needs work');
  if (matters) return msg('Matters, and goes well');
  if (!well) return msg('Matters less, needs work');
  return msg('Matters less, goes well');
}

/** A rectangle on the chart, in canvas pixels: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A dot to name: its centre and radius, and the size of its name once written. */
export interface NamedDot {
  x: number;
  y: number;
  r: number;
  width: number;
  height: number;
}

/** Room between a dot and its name. */
const LABEL_GAP = 4;

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Where to write each dot's name on the feedback quadrant (the box it takes; the text is
 * centred in it) so that no two names, no name and another dot, and no name and the quarters'
 * own words (`keepOut`) are drawn over each other: above the dot if there is room, else below,
 * beside it, or a line further off, inside `area`. Topics with close scores sit close together,
 * and names all written above their dots ran into one another and could not be read. Dots
 * earlier in the list choose first (give the biggest first). When no place is clear, the one
 * that covers the least is taken.
 */
export function placeLabels(dots: NamedDot[], keepOut: Box[], area: Box): Box[] {
  const taken: Box[] = [
    ...keepOut,
    ...dots.map((d) => ({ x: d.x - d.r, y: d.y - d.r, width: 2 * d.r, height: 2 * d.r })),
  ];
  return dots.map((dot, i) => {
    const { x, y, r, width, height } = dot;
    // Above, then below: centred on the dot, then starting or ending at it; then beside it;
    // then a line further above or below.
    const up = y - r - LABEL_GAP - height;
    const down = y + r + LABEL_GAP;
    const lefts = [x - width / 2, x - r, x + r - width];
    const box = (left: number, top: number): Box => ({ x: left, y: top, width, height });
    const candidates: Box[] = [
      ...lefts.map((left) => box(left, up)),
      ...lefts.map((left) => box(left, down)),
      box(x + r + LABEL_GAP, y - height / 2),
      box(x - r - LABEL_GAP - width, y - height / 2),
      ...lefts.map((left) => box(left, up - height - LABEL_GAP)),
      ...lefts.map((left) => box(left, down + height + LABEL_GAP)),
    ];
    const inside = (b: Box) =>
      b.x >= area.x &&
      b.y >= area.y &&
      b.x + b.width <= area.x + area.width &&
      b.y + b.height <= area.y + area.height;
    // Its own dot (at index keepOut.length + i) is no obstacle to its own name.
    const others = taken.filter((_, k) => k !== keepOut.length + i);
    const covered = (b: Box) =>
      others.reduce((sum, o) => sum + overlap(b, o), 0) + (inside(b) ? 0 : width * height);
    let best = candidates[0]!;
    let least = Infinity;
    for (const candidate of candidates) {
      const c = covered(candidate);
      if (c < least) [best, least] = [candidate, c];
      if (c === 0) break;
    }
    taken.push(best);
    return best;
  });
}
