// Draws the Report screen's charts with Chart.js (imported only from here, and this module only
// by a dynamic import in <rove-report-chart>, so the library loads on the Report screen alone).
// Only the parts used are registered, so the build keeps only those. Every chart writes its
// numbers on itself (bar ends, grid cells, dots' names), marks its two lines with different
// dots and dashes, and never asks colour alone to tell anything apart; the table beside it
// has every figure in words.
import {
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { CHART_COLORS as C } from '../../ui/tokens.js';
import {
  QUADRANT_MIDDLE,
  placeLabels,
  type BarsSpec,
  type Box,
  type ChartSpec,
  type HeatSpec,
  type QuadrantSpec,
  type WaitsSpec,
} from './report-chart-spec.js';
import { sayDayShort, sayHourShort } from './report-format.js';
import { msg, str } from '../../core/locale/msg.js';

Chart.register(
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  MatrixController,
  MatrixElement,
);

const FONT = { size: 14, family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };

Chart.defaults.color = C.axis;
Chart.defaults.borderColor = C.grid;
Chart.defaults.font = { ...Chart.defaults.font, ...FONT };
// Drawn at once: nothing moves (prefers-reduced-motion or not), and print shows the whole chart.
Chart.defaults.animation = false;

export interface DrawnChart {
  destroy(): void;
  /** Fits the chart to its box again (before and after printing). */
  resize(): void;
}

/** Draws `spec` on `canvas` (sized by its parent), replacing nothing: destroy the old first. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): DrawnChart {
  return new Chart(canvas, configOf(spec) as ChartConfiguration);
}

function configOf(spec: ChartSpec): ChartConfiguration<'bar' | 'line' | 'matrix' | 'bubble'> {
  switch (spec.kind) {
    case 'bars':
      return bars(spec) as ChartConfiguration<'bar' | 'line' | 'matrix' | 'bubble'>;
    case 'waits':
      return waits(spec) as ChartConfiguration<'bar' | 'line' | 'matrix' | 'bubble'>;
    case 'heat':
      return heat(spec) as ChartConfiguration<'bar' | 'line' | 'matrix' | 'bubble'>;
    case 'quadrant':
      return quadrant(spec) as ChartConfiguration<'bar' | 'line' | 'matrix' | 'bubble'>;
  }
}

const common = { responsive: true, maintainAspectRatio: false } as const;

/** Writes each bar's number just past its end. */
const barNumbers: Plugin<'bar'> = {
  id: 'roveBarNumbers',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const values = chart.data.datasets[0]!.data as number[];
    ctx.save();
    ctx.fillStyle = C.ink;
    ctx.font = `600 ${FONT.size}px ${FONT.family}`;
    ctx.textBaseline = 'middle';
    meta.data.forEach((bar, i) => {
      const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
      ctx.fillText(String(values[i]), x + 6, y);
    });
    ctx.restore();
  },
};

/** A long label on lines of about `width` characters, broken between words. */
function wrap(label: string, width = 22): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function bars(spec: BarsSpec): ChartConfiguration<'bar'> {
  const most = Math.max(1, ...spec.values);
  return {
    type: 'bar',
    data: {
      labels: spec.labels.map((label) => wrap(label)),
      datasets: [{ label: spec.unit, data: spec.values, backgroundColor: C.first }],
    },
    options: {
      ...common,
      indexAxis: 'y',
      // Room after the longest bar for its number.
      layout: { padding: { right: 40 } },
      scales: {
        x: {
          beginAtZero: true,
          suggestedMax: most,
          ticks: { precision: 0 },
          title: { display: true, text: spec.unit },
        },
        // Every label shown, on as many lines as it takes.
        y: { grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: { legend: { display: false } },
    },
    plugins: [barNumbers],
  };
}

function waits(spec: WaitsSpec): ChartConfiguration<'line'> {
  const line = (label: string, data: (number | null)[], color: string, dashed: boolean) => ({
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 3,
    borderDash: dashed ? [8, 5] : [],
    pointStyle: dashed ? ('triangle' as const) : ('circle' as const),
    pointRadius: 5,
    spanGaps: false,
  });
  return {
    type: 'line',
    data: {
      labels: spec.days.map(sayDayShort),
      datasets: [
        line(msg('Typical wait (half waited less)'), spec.p50, C.first, false),
        line(msg('Long wait (9 in 10 waited less)'), spec.p90, C.second, true),
      ],
    },
    options: {
      ...common,
      scales: {
        y: { beginAtZero: true, grace: '10%', title: { display: true, text: msg('Minutes') } },
        x: { ticks: { autoSkip: true, maxRotation: 0 } },
      },
      plugins: { legend: { labels: { usePointStyle: true, pointStyleWidth: 16 } } },
    },
  };
}

/** The step of the heat scale for `n` of at most `most`: 0 (few) to 4 (most). */
function heatStep(n: number, most: number): number {
  return Math.min(C.heat.length - 1, Math.floor((n / most) * C.heat.length));
}

/** Writes each grid cell's number on it, in the ink that reads on its colour. */
const cellNumbers: Plugin<'matrix'> = {
  id: 'roveCellNumbers',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const cells = chart.data.datasets[0]!.data as { x: number; y: number; v: number }[];
    const most = Math.max(1, ...cells.map((c) => c.v));
    ctx.save();
    ctx.font = `600 ${FONT.size - 2}px ${FONT.family}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    chart.getDatasetMeta(0).data.forEach((element, i) => {
      const cell = cells[i]!;
      if (!cell.v) return;
      const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true) as {
        x: number;
        y: number;
        width: number;
        height: number;
      };
      ctx.fillStyle = C.heatInk[heatStep(cell.v, most)]!;
      ctx.fillText(String(cell.v), x + width / 2, y + height / 2);
    });
    ctx.restore();
  },
};

function heat(spec: HeatSpec): ChartConfiguration<'matrix'> {
  const cells = spec.counts.flatMap((row, y) => row.map((v, x) => ({ x, y, v })));
  const most = Math.max(1, ...cells.map((c) => c.v));
  const rows = spec.weekdays.length;
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: msg('Requests'),
          data: cells,
          backgroundColor: (ctx) => {
            const v = (ctx.raw as { v: number } | undefined)?.v ?? 0;
            return v ? C.heat[heatStep(v, most)]! : C.empty;
          },
          borderColor: C.grid,
          borderWidth: 1,
          width: ({ chart }) => (chart.chartArea?.width ?? 0) / 24 - 2,
          height: ({ chart }) => (chart.chartArea?.height ?? 0) / rows - 2,
        },
      ],
    },
    options: {
      ...common,
      scales: {
        x: {
          type: 'linear',
          offset: true,
          min: 0,
          max: 23,
          ticks: { stepSize: 1, callback: (v) => sayHourShort(Number(v)) },
          grid: { display: false },
          title: { display: true, text: msg('Hour of the day') },
        },
        y: {
          type: 'linear',
          offset: true,
          reverse: true,
          min: 0,
          max: rows - 1,
          ticks: { stepSize: 1, callback: (v) => spec.weekdays[Number(v)] ?? '' },
          grid: { display: false },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: () => '',
            label: (ctx) => {
              const cell = ctx.raw as { x: number; y: number; v: number };
              return `${spec.weekdays[cell.y]}, ${sayHourShort(cell.x)}: ${cell.v}`;
            },
          },
        },
      },
    },
    plugins: [cellNumbers],
  };
}

/** The quarters' own words, each in its corner of the plot, and the box it takes. */
function quarterWords(
  ctx: CanvasRenderingContext2D,
  area: { [k in 'left' | 'right' | 'top' | 'bottom']: number },
) {
  ctx.font = `italic ${FONT.size - 1}px ${FONT.family}`;
  const pad = 8;
  const height = FONT.size + 2;
  const word = (text: string, left: boolean, top: boolean) => {
    const width = ctx.measureText(text).width;
    const box: Box = {
      x: left ? area.left + pad : area.right - pad - width,
      y: top ? area.top + pad : area.bottom - pad - height,
      width,
      height,
    };
    return { text, box };
  };
  return [
    word(msg('Matters, needs work'), true, true),
    word(msg('Matters, goes well'), false, true),
    word(msg('Matters less, needs work'), true, false),
    word(msg('Matters less, goes well'), false, false),
  ];
}

/** The quadrant's two middle lines, the quarters' names, and each dot's topic and answers. */
const quadrantMarks: Plugin<'bubble'> = {
  id: 'roveQuadrantMarks',
  beforeDatasetsDraw(chart) {
    const { ctx, chartArea: area, scales } = chart;
    const midX = scales.x!.getPixelForValue(QUADRANT_MIDDLE);
    const midY = scales.y!.getPixelForValue(QUADRANT_MIDDLE);
    ctx.save();
    ctx.strokeStyle = C.axis;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(midX, area.top);
    ctx.lineTo(midX, area.bottom);
    ctx.moveTo(area.left, midY);
    ctx.lineTo(area.right, midY);
    ctx.stroke();
    ctx.fillStyle = C.axis;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    for (const { text, box } of quarterWords(ctx, area)) ctx.fillText(text, box.x, box.y);
    ctx.restore();
  },
  afterDatasetsDraw(chart) {
    const { ctx, chartArea: area } = chart;
    const points = chart.data.datasets[0]!.data as { x: number; y: number; r: number }[];
    const names = (chart.data.labels ?? []) as string[];
    ctx.save();
    const keepOut = quarterWords(ctx, area).map((w) => w.box);
    ctx.font = `600 ${FONT.size - 1}px ${FONT.family}`;
    const dots = chart.getDatasetMeta(0).data.map((element, i) => {
      const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
      const width = ctx.measureText(names[i] ?? '').width;
      return { i, x, y, r: points[i]!.r, width, height: FONT.size + 2 };
    });
    // The topics with the most answers (the biggest dots) choose where their names go first.
    const order = [...dots].sort((a, b) => b.r - a.r);
    const plot = {
      x: area.left,
      y: area.top,
      width: area.right - area.left,
      height: area.bottom - area.top,
    };
    const places = placeLabels(order, keepOut, plot);
    ctx.fillStyle = C.ink;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    order.forEach((dot, k) => {
      const place = places[k]!;
      ctx.fillText(names[dot.i] ?? '', place.x + place.width / 2, place.y + place.height / 2);
    });
    ctx.restore();
  },
};

function quadrant(spec: QuadrantSpec): ChartConfiguration<'bubble'> {
  const axis = (text: string) => ({
    min: 1,
    max: 5,
    ticks: { stepSize: 1 },
    title: { display: true, text },
  });
  return {
    type: 'bubble',
    data: {
      labels: spec.points.map((p) => `${p.label} (${p.responses})`),
      datasets: [
        {
          label: msg('Topics'),
          data: spec.points.map((p) => ({
            x: p.satisfaction,
            y: p.importance,
            // The dot's area grows with the number of answers.
            r: Math.min(28, 5 + 3 * Math.sqrt(p.responses)),
          })),
          backgroundColor: C.bubble,
          borderColor: C.first,
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...common,
      layout: { padding: { top: 24 } },
      scales: {
        x: axis(msg('How well we did (1 to 5)')),
        y: axis(msg('How much it mattered (1 to 5)')),
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const p = spec.points[ctx.dataIndex]!;
              const { label, satisfaction, importance, responses } = p;
              return msg(
                str`${label}: did ${satisfaction}, mattered ${importance}, ${responses} answers`,
              );
            },
          },
        },
      },
    },
    plugins: [quadrantMarks],
  };
}
