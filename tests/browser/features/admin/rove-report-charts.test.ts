// The Report screen's charts (issue 14): each one a figure with a title that says what it
// shows, a drawn chart named for screen readers, and the plain table of its figures beside it,
// checked with axe one by one; the numbers written on the charts themselves; the CSV link for
// the range; and the page as it prints (controls gone, charts kept whole).
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../../../src/client/features/admin/rove-report-figures.js';
import '../../../../src/client/features/admin/rove-admin-report.js';
import type { RoveReportFigures } from '../../../../src/client/features/admin/rove-report-figures.js';
import type { RoveReportChart } from '../../../../src/client/features/admin/rove-report-chart.js';
import type { ServiceReport } from '../../../../src/shared/report.js';
import { allDeep, getByRole, queryAllByRole, waitFor } from '../../../support/browser/by-role.js';
import { BRANCHES, FakeServer, SKILLS } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void | Promise<void>): void;

const TZ = 'Europe/Paris';

/** A week at a branch: 1 to 7 March 2026 (a Sunday to a Saturday). */
function week(): ServiceReport {
  const busy: Record<string, number> = { '1 10': 4, '1 11': 2, '3 14': 7, '5 9': 1, '0 15': 1 };
  return {
    branchId: 'main',
    from: '2026-03-01',
    to: '2026-03-07',
    tz: TZ,
    requests: { total: 15, done: 11, cancelled: 3, open: 1 },
    outcomes: { answered: 7, referred: 2, 'follow-up': 1, 'no-show': 1 },
    cancelled: { byKiosk: 2, byStaff: 1, unknown: 0 },
    open: { waiting: 1, claimed: 0, serving: 0 },
    byOrigin: { kiosk: 15, walkUp: 0, handOff: 0 },
    wait: { count: 12, medianSeconds: 150, p90Seconds: 600 },
    withPatron: { count: 10, medianSeconds: 240, p90Seconds: 700 },
    handoffs: {
      total: 4,
      requests: 3,
      toSkills: [
        { skill: 'history', count: 3 },
        { skill: 'tech', count: 1 },
      ],
    },
    effort: {
      grades: [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, count: [3, 4, 2, 1, 0, 0][grade - 1]! })),
      ungraded: 1,
    },
    topics: [
      {
        topicId: 'tech',
        label: 'Computers and printing',
        count: 9,
        medianWaitSeconds: 120,
        byOrigin: { kiosk: 9, walkUp: 0, handOff: 0 },
      },
      {
        topicId: 'books',
        label: 'Finding a book',
        count: 6,
        medianWaitSeconds: 200,
        byOrigin: { kiosk: 6, walkUp: 0, handOff: 0 },
      },
    ],
    hours: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      count: { 9: 1, 10: 4, 11: 2, 14: 7, 15: 1 }[hour] ?? 0,
    })),
    heatmap: Array.from({ length: 168 }, (_, cell) => {
      const weekday = Math.floor(cell / 24);
      const hour = cell % 24;
      return { weekday, hour, requests: busy[`${weekday} ${hour}`] ?? 0 };
    }),
    waitsByDay: [
      { day: '2026-03-01', requests: 1, p50Seconds: 60, p90Seconds: 60 },
      { day: '2026-03-02', requests: 6, p50Seconds: 120, p90Seconds: 540 },
      { day: '2026-03-03', requests: 0, p50Seconds: null, p90Seconds: null },
      { day: '2026-03-04', requests: 7, p50Seconds: 180, p90Seconds: 720 },
      { day: '2026-03-05', requests: 0, p50Seconds: null, p90Seconds: null },
      { day: '2026-03-06', requests: 1, p50Seconds: 90, p90Seconds: 90 },
      { day: '2026-03-07', requests: 0, p50Seconds: null, p90Seconds: null },
    ],
    staff: [{ staffId: 's1', displayName: 'Sam', resolved: 11 }],
    feedback: {
      responses: 9,
      satisfaction: [1, 1, 1, 2, 4],
      byTopic: [
        { topicId: 'books', responses: 3, satisfactionMean: 2.33, importanceMean: 4.5 },
        { topicId: 'tech', responses: 6, satisfactionMean: 4.5, importanceMean: 3.2 },
      ],
    },
  };
}

/** A Monday to a Sunday (2 to 8 March 2026), for the weekday names as the browser says them. */
const WEEK_DAYS = [
  '2026-03-02',
  '2026-03-03',
  '2026-03-04',
  '2026-03-05',
  '2026-03-06',
  '2026-03-07',
  '2026-03-08',
];

/** The week, with requests on Monday from 6 AM to 10 PM (a late event, an early class). */
function longDays(): ServiceReport {
  const report = week();
  for (const cell of report.heatmap)
    if (cell.weekday === 1 && cell.hour >= 6 && cell.hour <= 22) cell.requests += 10 + cell.hour;
  return report;
}

/** The seven charts of the week, by title. */
const CHARTS = [
  'How requests ended',
  'Typical and long waits, day by day',
  `Requests by weekday and hour (${TZ} time)`,
  'Hand-offs, by the skill they went to',
  'Effort of the requests helped',
  'Topics patrons asked about',
  'What mattered to patrons, and how well we did',
];

const chartsIn = (root: Element) =>
  allDeep(root).filter((el): el is RoveReportChart => el.localName === 'rove-report-chart');

function chartTitled(root: Element, title: string): RoveReportChart {
  const found = chartsIn(root).filter((c) => c.heading === title);
  if (found.length !== 1) throw new Error(`Expected one chart titled ${title}`);
  return found[0]!;
}

/** True once something other than blank has been painted on the canvas. */
function painted(canvas: HTMLCanvasElement): boolean {
  const { width, height } = canvas;
  if (!width || !height) return false;
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  return false;
}

/** The text of each body row of `table`: its header cell, then its cells. */
const rowsOf = (table: HTMLElement) =>
  [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell) => cell.textContent!.trim()),
  );

async function showWeek(report = week()) {
  const el = await fixture<RoveReportFigures>(
    html`<rove-report-figures .report=${report} .skills=${SKILLS}></rove-report-figures>`,
  );
  for (const chart of chartsIn(el)) await chart.drawn;
  return el;
}

/** A server for the Report screen that answers `report` for the first branch. */
function reportServer(report: ServiceReport): FakeServer {
  return new FakeServer()
    .on('GET', '/api/branches', { body: { branches: BRANCHES } })
    .on('GET', '/api/skills', { body: { skills: SKILLS } })
    .on('GET', '/api/branches/main/report', { body: report })
    .install();
}

describe('the report charts', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('draws each chart as a titled figure with its table beside it', async () => {
    const el = await showWeek();
    expect(chartsIn(el).map((c) => c.heading)).to.deep.equal(CHARTS);
    for (const title of CHARTS) {
      const chart = chartTitled(el, title);
      const figure = chart.shadowRoot!.querySelector('figure')!;
      expect(figure.querySelector('figcaption')!.textContent!.trim()).to.equal(title);
      const image = getByRole(chart, 'img');
      expect(image.getAttribute('aria-label'), title).to.have.length.greaterThan(20);
      await waitFor(() => expect(painted(image as HTMLCanvasElement), title).to.equal(true));
      // The table of the same figures, named like the chart.
      getByRole(chart, 'table', title);
    }
  });

  for (const title of CHARTS) {
    it(`passes axe: ${title}`, async () => {
      const el = await showWeek();
      await expect(chartTitled(el, title)).to.be.accessible();
    });
  }

  it('requests by weekday and hour: a grid, Monday first, and its table of the busy hours', async () => {
    const el = await showWeek();
    const chart = chartTitled(el, `Requests by weekday and hour (${TZ} time)`);
    expect(getByRole(chart, 'img').getAttribute('aria-label')).to.match(
      /busiest was Wednesday at (2 PM|14).*7 requests/,
    );
    const table = getByRole(chart, 'table');
    const heads = queryAllByRole(table, 'columnheader').map((th) => th.textContent!.trim());
    // An hour a row, a weekday a column, Monday first (short names, the full one in a title).
    expect(heads.slice(1)).to.deep.equal(
      WEEK_DAYS.map((day) =>
        new Date(`${day}T12:00:00Z`).toLocaleDateString([], { weekday: 'short', timeZone: 'UTC' }),
      ),
    );
    expect(
      [...table.querySelectorAll('thead abbr')].map((a) => a.getAttribute('title')),
    ).to.deep.equal(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    const rows = rowsOf(table);
    // 9 AM to 3 PM: the first to the last hour with any request.
    expect(rows).to.have.length(7);
    expect(rows[0]!.slice(1)).to.deep.equal(['0', '0', '0', '0', '1', '0', '0']); // Friday 9
    expect(rows[1]!.slice(1)).to.deep.equal(['4', '0', '0', '0', '0', '0', '0']); // Monday 10
    expect(rows[5]!.slice(1)).to.deep.equal(['0', '0', '7', '0', '0', '0', '0']); // Wednesday 14
    expect(rows[6]!.slice(1)).to.deep.equal(['0', '0', '0', '0', '0', '0', '1']); // Sunday 15
  });

  it('waits by day: every day of the range, "not measured" where nobody waited', async () => {
    const el = await showWeek();
    const chart = chartTitled(el, 'Typical and long waits, day by day');
    const rows = rowsOf(getByRole(chart, 'table'));
    expect(rows).to.have.length(7);
    expect(rows[1]!.slice(1)).to.deep.equal(['6', '2 minutes', '9 minutes']);
    expect(rows[2]!.slice(1)).to.deep.equal(['0', 'not measured', 'not measured']);
    expect(getByRole(chart, 'img').getAttribute('aria-label')).to.contain('12 minutes');
  });

  it('feedback: each topic placed by how well we did and how much it mattered', async () => {
    const el = await showWeek();
    const chart = chartTitled(el, 'What mattered to patrons, and how well we did');
    expect(rowsOf(getByRole(chart, 'table'))).to.deep.equal([
      ['Finding a book', '3', '2.33', '4.5', 'Matters, and needs work'],
      ['Computers and printing', '6', '4.5', '3.2', 'Matters, and goes well'],
    ]);
    expect(getByRole(chart, 'img').getAttribute('aria-label')).to.contain(
      'Mattered and needs work: Finding a book.',
    );
    expect(el.shadowRoot!.textContent).to.contain('9 patrons said how well we did: 6 gave 4 or 5');
  });

  it('bars: hand-offs by skill, effort and topics, with the numbers in the tables', async () => {
    const el = await showWeek();
    expect(
      rowsOf(getByRole(chartTitled(el, 'Hand-offs, by the skill they went to'), 'table')),
    ).to.deep.equal([
      ['Local history', '3'],
      ['Technology', '1'],
    ]);
    const effort = rowsOf(getByRole(chartTitled(el, 'Effort of the requests helped'), 'table'));
    expect(effort.map((r) => r[1])).to.deep.equal(['3', '4', '2', '1', '0', '0', '1']);
  });

  it('leaves out the charts a report has nothing for', async () => {
    const report = week();
    const el = await showWeek({
      ...report,
      handoffs: { total: 0, requests: 0, toSkills: [] },
      feedback: { responses: 0, satisfaction: [0, 0, 0, 0, 0], byTopic: [] },
      waitsByDay: report.waitsByDay.slice(0, 1),
    });
    expect(chartsIn(el).map((c) => c.heading)).to.deep.equal([
      'How requests ended',
      `Requests by weekday and hour (${TZ} time)`,
      'Effort of the requests helped',
      'Topics patrons asked about',
    ]);
  });

  it('shows the rest of the report when the weekday grid has nothing in it', async () => {
    const report = week();
    const el = await showWeek({
      ...report,
      heatmap: report.heatmap.map((cell) => ({ ...cell, requests: 0 })),
    });
    expect(chartsIn(el).map((c) => c.heading)).not.to.include(
      `Requests by weekday and hour (${TZ} time)`,
    );
    getByRole(el, 'table', 'Topics patrons asked about');
  });

  it('prints the figures without the controls, each chart kept whole with its title', async () => {
    const server = reportServer(week());
    // Drawn first for a desktop's screen, wider than the paper, as a supervisor would print it.
    await setViewport({ width: 1280, height: 900 });
    try {
      const el = await fixture(html`<rove-admin-report></rove-admin-report>`);
      const csv = await waitFor(() => getByRole<HTMLAnchorElement>(el, 'link', 'Download CSV'));
      // The range of the report on screen (the server echoes the range it was asked for).
      const href = new URL(csv.href);
      expect(href.pathname).to.equal('/api/branches/main/export.csv');
      expect(Object.fromEntries(href.searchParams)).to.deep.equal({
        from: '2026-03-01',
        to: '2026-03-07',
        tz: TZ,
      });
      expect(csv.hasAttribute('download')).to.equal(true);
      getByRole(el, 'button', 'Print the report');
      const figures = el.shadowRoot!.querySelector('rove-report-figures')!;
      await waitFor(() => expect(chartsIn(figures)).to.have.length(CHARTS.length));

      await emulateMedia({ media: 'print' });
      expect(queryAllByRole(el, 'link', 'Download CSV')).to.have.length(0);
      expect(queryAllByRole(el, 'button')).to.have.length(0);
      expect(queryAllByRole(el, 'form')).to.have.length(0);
      // The paper is narrower than the screen the charts were drawn for: A4 less its margins.
      // Read at once, before Chart.js could hear of the new width (as on paper, it never does).
      const page = 718;
      (el as HTMLElement).style.width = `${page}px`;
      const edge = (el as HTMLElement).getBoundingClientRect().right;
      for (const chart of chartsIn(figures)) {
        // The chart is never cut, nor parted from its title; its table may go on over the
        // page, a whole row at a time, so no page is left half blank before a big figure.
        const part = (selector: string) =>
          getComputedStyle(chart.shadowRoot!.querySelector(selector)!);
        expect(part('.plot').breakInside, chart.heading).to.equal('avoid');
        expect(part('figcaption').breakAfter, chart.heading).to.equal('avoid');
        expect(part('figure').breakInside, chart.heading).to.equal('auto');
        const rows = chart.querySelectorAll('tr');
        expect(rows.length, chart.heading).to.be.greaterThan(1);
        for (const row of rows)
          expect(getComputedStyle(row).breakInside, chart.heading).to.equal('avoid');
        const canvas = getByRole<HTMLCanvasElement>(chart, 'img');
        expect(canvas.checkVisibility(), chart.heading).to.equal(true);
        // Paper is laid out with no script run, so the canvas keeps the size Chart.js gave
        // it for a wider screen: it must be scaled whole into its box, not squeezed.
        const box = canvas.getBoundingClientRect();
        expect(box.right, chart.heading).to.be.at.most(edge + 1);
        // And its box is as tall as the chart drawn in it (scaled whole, by object-fit), with
        // no blank band under it.
        const drawn = Math.min(box.height, (box.width * canvas.height) / canvas.width);
        const holder = chart.shadowRoot!.querySelector('.box')!.getBoundingClientRect();
        expect(holder.height - drawn, chart.heading).to.be.within(0, 2);
        expect(drawn, chart.heading).to.be.greaterThan(40);
        expect(getComputedStyle(canvas).objectFit, chart.heading).to.equal('contain');
      }
    } finally {
      server.restore();
      await setViewport({ width: 800, height: 600 });
    }
  });

  // The paper's width less the page margins of page.css (12 mm each side), at 96 CSS px an
  // inch: what the report has to fit in when printed.
  const PAPER = [
    { name: 'A4', width: Math.floor(((210 - 24) / 25.4) * 96) },
    { name: 'Letter', width: Math.floor((8.5 - 24 / 25.4) * 96) },
  ];
  // Requests from 6 AM to 10 PM: the weekday grid's table has 17 hours to show.
  for (const paper of PAPER) {
    it(`fits the width of ${paper.name} paper when printed: nothing cut off at the side`, async () => {
      const server = reportServer(longDays());
      try {
        await setViewport({ width: paper.width, height: 1100 });
        const el = await fixture(html`<rove-admin-report></rove-admin-report>`);
        await waitFor(() => getByRole(el, 'link', 'Download CSV'));
        const figures = el.shadowRoot!.querySelector('rove-report-figures')!;
        await waitFor(() => expect(chartsIn(figures)).to.have.length(CHARTS.length));
        await emulateMedia({ media: 'print' });
        const page = document.documentElement.clientWidth;
        const beyond = allDeep(el)
          .filter((node) => node.getClientRects().length > 0)
          .filter((node) => {
            const box = node.getBoundingClientRect();
            return box.width > 0 && (box.right > page + 1 || box.left < -1);
          })
          .map(
            (node) =>
              `${node.localName}.${node.className}: ${Math.round(node.getBoundingClientRect().right)}`,
          );
        expect(beyond, `wider than ${page}px`).to.deep.equal([]);
        for (const chart of chartsIn(figures)) {
          const img = getByRole(chart, 'img');
          expect(img.getBoundingClientRect().width, chart.heading).to.be.greaterThan(page / 3);
        }
      } finally {
        server.restore();
        await emulateMedia({ media: 'screen' });
        await setViewport({ width: 800, height: 600 });
      }
    });
  }
});
