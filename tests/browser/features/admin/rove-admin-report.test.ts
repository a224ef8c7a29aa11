import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-report.js';
import type { RoveAdminReport } from '../../../../src/client/features/admin/rove-admin-report.js';
import type { ServiceReport } from '../../../../src/shared/report.js';
import type { Branch } from '../../../../src/shared/schemas.js';
import {
  EFFORT_GRADES,
  outcomeChoices,
  sayEffort,
} from '../../../../src/client/ui/service-wording.js';
import {
  accessibleName,
  allDeep,
  getByRole,
  queryAllByRole,
  typeInto,
  waitFor,
} from '../../../support/browser/by-role.js';
import { BRANCHES, FakeServer, SKILLS, apiError } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone;

function day(shift = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + shift);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const hours = (busy: Record<number, number>) =>
  Array.from({ length: 24 }, (_, hour) => ({ hour, count: busy[hour] ?? 0 }));

/** 168 cells, weekday 0 (Sunday) to 6; `busy` by "weekday hour". */
const heatmap = (busy: Record<string, number>) =>
  Array.from({ length: 7 * 24 }, (_, cell) => {
    const weekday = Math.floor(cell / 24);
    const hour = cell % 24;
    return { weekday, hour, requests: busy[`${weekday} ${hour}`] ?? 0 };
  });

function busyDay(from = day(), to = day()): ServiceReport {
  return {
    branchId: 'main',
    from,
    to,
    tz: TZ,
    requests: { total: 12, done: 9, cancelled: 2, open: 1 },
    outcomes: { answered: 6, referred: 2, 'follow-up': 1, 'no-show': 0 },
    cancelled: { byKiosk: 1, byStaff: 1, unknown: 0 },
    open: { waiting: 1, claimed: 0, serving: 0 },
    byOrigin: { kiosk: 7, walkUp: 3, handOff: 2 },
    wait: { count: 10, medianSeconds: 185, p90Seconds: 420 },
    withPatron: { count: 8, medianSeconds: 300, p90Seconds: 900 },
    handoffs: { total: 3, requests: 2, toSkills: [{ skill: 'history', count: 3 }] },
    effort: {
      grades: [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, count: grade === 2 ? 7 : 0 })),
      ungraded: 2,
    },
    topics: [
      {
        topicId: 'tech',
        label: 'Computers and printing',
        count: 8,
        medianWaitSeconds: 120,
        byOrigin: { kiosk: 6, walkUp: 2, handOff: 0 },
      },
      {
        topicId: 'books',
        label: 'Finding a book',
        count: 4,
        medianWaitSeconds: 30,
        byOrigin: { kiosk: 1, walkUp: 1, handOff: 2 },
      },
    ],
    hours: hours({ 10: 3, 14: 7, 15: 2 }),
    heatmap: heatmap({ [`${new Date(`${from}T12:00:00`).getDay()} 10`]: 3 }),
    waitsByDay: [{ day: from, requests: 12, p50Seconds: 185, p90Seconds: 420 }],
    staff: [
      { staffId: 's1', displayName: 'Sam', resolved: 6 },
      { staffId: 's2', displayName: 'Ada', resolved: 3 },
    ],
    feedback: { responses: 0, satisfaction: [0, 0, 0, 0, 0], byTopic: [] },
  };
}

function emptyReport(from: string, to: string): ServiceReport {
  return {
    ...busyDay(from, to),
    requests: { total: 0, done: 0, cancelled: 0, open: 0 },
    outcomes: { answered: 0, referred: 0, 'follow-up': 0, 'no-show': 0 },
    cancelled: { byKiosk: 0, byStaff: 0, unknown: 0 },
    open: { waiting: 0, claimed: 0, serving: 0 },
    byOrigin: { kiosk: 0, walkUp: 0, handOff: 0 },
    wait: { count: 0, medianSeconds: null, p90Seconds: null },
    withPatron: { count: 0, medianSeconds: null, p90Seconds: null },
    handoffs: { total: 0, requests: 0, toSkills: [] },
    effort: { grades: [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, count: 0 })), ungraded: 0 },
    topics: [],
    hours: hours({}),
    heatmap: heatmap({}),
    waitsByDay: [{ day: from, requests: 0, p50Seconds: null, p90Seconds: null }],
    staff: [],
  };
}

/** A date field by its label (a date input has no textbox role). */
function dateField(root: Element, name: string): HTMLInputElement {
  const found = allDeep(root).filter(
    (el) => el instanceof HTMLInputElement && el.type === 'date' && accessibleName(el) === name,
  );
  if (found.length !== 1) throw new Error(`Expected one date field named ${name}`);
  return found[0] as HTMLInputElement;
}

const text = (el: Element) =>
  [
    el.shadowRoot!.textContent,
    el.shadowRoot!.querySelector('rove-report-figures')?.shadowRoot?.textContent,
  ]
    .join(' ')
    .replace(/\s+/g, ' ');

describe('rove-admin-report', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  async function open(
    answer: (query: Record<string, string>) => unknown = (query) => ({
      body: busyDay(query.from, query.to),
    }),
    branches: Branch[] = BRANCHES,
  ) {
    const reports = (_: unknown, call: { query: Record<string, string> }) =>
      answer(call.query) as { body: unknown };
    server = new FakeServer()
      .on('GET', '/api/branches', { body: { branches } })
      .on('GET', '/api/skills', { body: { skills: SKILLS } })
      .on('GET', '/api/branches/main/report', reports)
      .on('GET', '/api/branches/east/report', reports)
      .install();
    const el = await fixture<RoveAdminReport>(html`<rove-admin-report></rove-admin-report>`);
    await waitFor(() =>
      expect(server.callsTo('GET', '/api/branches/main/report')).to.have.length(1),
    );
    return el;
  }

  const reportCalls = (branch = 'main') => server.callsTo('GET', `/api/branches/${branch}/report`);

  it('is accessible with a report showing', async () => {
    const el = await open();
    await waitFor(() => getByRole(el, 'table', 'How requests ended'));
    await expect(el).to.be.accessible();
  });

  it("opens on today's figures for the first branch, in this browser's time zone", async () => {
    const el = await open();
    expect(reportCalls()[0]!.query).to.deep.equal({ from: day(), to: day(), tz: TZ });
    expect(getByRole<HTMLSelectElement>(el, 'combobox', 'Branch').value).to.equal('main');
    expect(getByRole<HTMLInputElement>(el, 'radio', 'Today').checked).to.equal(true);
    await waitFor(() => getByRole(el, 'heading', /^Main Library, /));
    expect(text(el)).to.contain(`this device's time zone, ${TZ}`);
    expect(text(el)).to.contain("Set the branch's own time zone under Topics");
  });

  it("counts in the branch's own time zone once it has one, today there too", async () => {
    // UTC+14 and UTC-11: at any hour, "today" in one of them is not today in the other.
    const zoned = [
      { ...BRANCHES[0]!, timeZone: 'Pacific/Kiritimati' },
      { ...BRANCHES[1]!, timeZone: 'Pacific/Pago_Pago' },
    ];
    const todayIn = (timeZone: string) => new Date().toLocaleDateString('en-CA', { timeZone });
    const el = await open(undefined, zoned);
    const kiritimati = todayIn('Pacific/Kiritimati');
    expect(reportCalls()[0]!.query).to.deep.equal({
      from: kiritimati,
      to: kiritimati,
      tz: 'Pacific/Kiritimati',
    });
    expect(text(el)).to.contain("counted in the branch's time zone, Pacific/Kiritimati.");
    expect(text(el)).not.to.contain("this device's time zone");

    getByRole<HTMLInputElement>(el, 'radio', 'Last 7 days').click();
    await waitFor(() => expect(reportCalls()).to.have.length(2));
    const branch = getByRole<HTMLSelectElement>(el, 'combobox', 'Branch');
    branch.value = 'east';
    branch.dispatchEvent(new Event('change'));
    await waitFor(() => expect(reportCalls('east')).to.have.length(1));
    const pagoPago = todayIn('Pacific/Pago_Pago');
    const weekAgo = new Date(Date.parse(`${pagoPago}T00:00:00Z`) - 6 * 86_400_000);
    expect(reportCalls('east')[0]!.query).to.deep.equal({
      from: weekAgo.toISOString().slice(0, 10),
      to: pagoPago,
      tz: 'Pacific/Pago_Pago',
    });
  });

  it('says how service went in plain sentences', async () => {
    const el = await open();
    await waitFor(() => getByRole(el, 'heading', 'At a glance'));
    const said = text(el);
    expect(said).to.contain(
      '12 patrons asked for help. 9 were helped, 2 cancelled, and 1 is still open.',
    );
    expect(said).to.contain(
      'Patrons typically waited 3 minutes before someone was on the way; 9 in 10 waited 7 minutes or less.',
    );
    expect(said).to.contain('staff typically spent 5 minutes with a patron');
    expect(said).to.contain(
      '2 requests were handed on to a colleague who knew more (3 hand-offs in all).',
    );
    expect(said).to.contain('The busiest hour was');
    expect(said).to.contain(
      '7 asked at a kiosk and 5 walked up to a member of staff: 3 were helped there and then, 2 were handed to a colleague who knew more.',
    );
  });

  it('says so when every request came from a kiosk, and leaves out where each topic came from', async () => {
    const kioskOnly = (query: Record<string, string>) => {
      const report = busyDay(query.from, query.to);
      return {
        body: {
          ...report,
          byOrigin: { kiosk: 12, walkUp: 0, handOff: 0 },
          topics: report.topics.map((t) => ({
            ...t,
            byOrigin: { kiosk: t.count, walkUp: 0, handOff: 0 },
          })),
        },
      };
    };
    const el = await open(kioskOnly);
    await waitFor(() => getByRole(el, 'heading', 'At a glance'));
    expect(text(el)).to.contain('All of them asked at a kiosk.');
    expect(queryAllByRole(el, 'table', 'Where requests came from')).to.have.length(0);
    const topics = getByRole(el, 'table', 'Topics patrons asked about');
    expect(
      queryAllByRole(topics, 'columnheader').map((th) => th.textContent!.trim()),
    ).to.deep.equal(['Topic', 'Requests', 'Typical wait']);
  });

  it('leaves out "9 in 10" for a handful of waits, and never says "less than a second or less"', async () => {
    let wait = { count: 3, medianSeconds: 185, p90Seconds: 420 };
    const el = await open((query) => ({ body: { ...busyDay(query.from, query.to), wait } }));
    await waitFor(() => getByRole(el, 'heading', 'At a glance'));
    expect(text(el)).to.contain(
      'Patrons typically waited 3 minutes before someone was on the way.',
    );
    expect(text(el)).not.to.contain('9 in 10 waited');

    wait = { count: 12, medianSeconds: 0.2, p90Seconds: 0.6 };
    getByRole<HTMLButtonElement>(el, 'button', 'Refresh the report').click();
    await waitFor(() => expect(text(el)).to.contain('9 in 10 waited less than a second.'));
    expect(text(el)).not.to.contain('less than a second or less');
  });

  it('gives the figures as tables with captions and header cells', async () => {
    const el = await open();
    const ended = await waitFor(() => getByRole(el, 'table', 'How requests ended'));
    getByRole(ended, 'columnheader', 'Requests');
    const answered = getByRole(ended, 'rowheader', 'Helped: Answered');
    expect(answered.nextElementSibling!.textContent!.trim()).to.equal('6');
    getByRole(ended, 'rowheader', 'Cancelled at the kiosk');
    expect(queryAllByRole(ended, 'rowheader', /being helped now/i)).to.have.length(0);

    const handoffs = getByRole(el, 'table', 'Hand-offs, by the skill they went to');
    getByRole(handoffs, 'rowheader', 'Local history');
    const topics = getByRole(el, 'table', 'Topics patrons asked about');
    const tech = getByRole(topics, 'rowheader', 'Computers and printing');
    const cells = [...tech.parentElement!.querySelectorAll('td')].map((td) =>
      td.textContent!.trim(),
    );
    // Which topics come from the door and which from the kiosk.
    getByRole(topics, 'columnheader', 'At a kiosk');
    getByRole(topics, 'columnheader', 'Walk-ups helped there');
    getByRole(topics, 'columnheader', 'Walk-ups handed on');
    expect(cells).to.deep.equal(['8', '6', '2', '0', '2 minutes']);
    const origins = getByRole(el, 'table', 'Where requests came from');
    const row = (name: string) =>
      getByRole(origins, 'rowheader', name).nextElementSibling!.textContent!.trim();
    expect(row('Asked at a kiosk')).to.equal('7');
    expect(row('Walked up to staff, who helped them there')).to.equal('3');
    expect(row('Walked up to staff, who sent for a colleague')).to.equal('2');
    const byHour = getByRole(el, 'table', `Requests by hour of the day (${TZ} time)`);
    expect(queryAllByRole(byHour, 'rowheader')).to.have.length(3);
    const staff = getByRole(el, 'table', 'Requests resolved, by staff member');
    expect(getByRole(staff, 'rowheader', 'Sam').nextElementSibling!.textContent!.trim()).to.equal(
      '6',
    );
    const effort = getByRole(el, 'table', 'Effort of the requests helped');
    getByRole(effort, 'rowheader', '2: a short answer');
    getByRole(effort, 'rowheader', 'No grade given');
    // The same words the resolve form offers rovers (service-wording.ts).
    for (const { label } of outcomeChoices()) getByRole(ended, 'rowheader', `Helped: ${label}`);
    for (const grade of EFFORT_GRADES) getByRole(effort, 'rowheader', sayEffort(grade));
  });

  it('asks for the last 7 and the last 30 days ending today', async () => {
    const el = await open();
    getByRole(el, 'radio', 'Last 7 days').click();
    await waitFor(() => expect(reportCalls()).to.have.length(2));
    expect(reportCalls()[1]!.query).to.deep.equal({ from: day(-6), to: day(), tz: TZ });
    getByRole(el, 'radio', 'Last 30 days').click();
    await waitFor(() => expect(reportCalls()).to.have.length(3));
    expect(reportCalls()[2]!.query).to.deep.equal({ from: day(-29), to: day(), tz: TZ });
  });

  it('shows dates of your own, and says plainly when they are the wrong way round', async () => {
    const el = await open();
    getByRole(el, 'radio', 'Choose dates').click();
    const from = await waitFor(() => dateField(el, 'First day'));
    typeInto(from, '2026-03-10');
    typeInto(dateField(el, 'Last day'), '2026-03-01');
    getByRole(el, 'button', 'Show these days').click();
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(alert.textContent).to.contain('The last day comes before the first day');
    expect(reportCalls()).to.have.length(1);

    typeInto(dateField(el, 'Last day'), '2026-03-31');
    getByRole(el, 'button', 'Show these days').click();
    await waitFor(() => expect(reportCalls()).to.have.length(2));
    expect(reportCalls()[1]!.query).to.deep.equal({ from: '2026-03-10', to: '2026-03-31', tz: TZ });
    // In the browser's own date style: "10 March" or "March 10".
    await waitFor(() => getByRole(el, 'heading', /^Main Library, (10 March|March 10) to /));
  });

  it('reports on the branch picked', async () => {
    const el = await open();
    const branch = getByRole<HTMLSelectElement>(el, 'combobox', 'Branch');
    branch.value = 'east';
    branch.dispatchEvent(new Event('change'));
    await waitFor(() => expect(reportCalls('east')).to.have.length(1));
  });

  it('says so gently when nobody asked for help in the range', async () => {
    const el = await open((query) => ({ body: emptyReport(query.from!, query.to!) }));
    await waitFor(() =>
      expect(text(el)).to.contain('No one asked for help through Rove in these days'),
    );
    expect(queryAllByRole(el, 'table')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a refusal from the server in words', async () => {
    const el = await open(() =>
      apiError(400, 'invalid', 'querystring.tz is not a known time zone'),
    );
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(alert.textContent).to.contain("We couldn't load the report");
    expect(queryAllByRole(el, 'table')).to.have.length(0);
  });
});
